/**
 * `GET /p/flow/done`: the hosted confirmation page at the end of a deep-link flow, with the
 * merchant's custom message (shown as given) or a localized one for what was done.
 */
import type { Context } from "hono";
import { FlowConfirmationPage } from "../../views/pages/flow-confirmation-page";
import { resolveAfterCompletion } from "../billing/after-completion";
import type { AppEnv } from "../env";
import { FLOW_OUTCOMES, type FlowOutcome } from "./flow-completion";
import { PORTAL_HOME } from "./paths";
import { renderPortalPage } from "./render";

export async function flowConfirmationPage(c: Context<AppEnv>): Promise<Response> {
  const flow = c.var.session.record.flow;
  if (!flow) return c.redirect(PORTAL_HOME, 303);
  const raw = c.req.query("outcome") ?? "";
  const outcome = (FLOW_OUTCOMES.has(raw) ? raw : "plan_updated") as FlowOutcome;
  const after = resolveAfterCompletion(flow);
  const customMessage =
    after.kind === "confirmation" && outcome !== "retention_accepted" ? after.message : null;
  return renderPortalPage(
    c,
    <FlowConfirmationPage
      outcome={outcome}
      customMessage={customMessage}
      returnUrl={c.var.session.record.returnUrl}
    />,
    { title: c.var.t("flow.done_title") },
  );
}
