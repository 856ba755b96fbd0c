/**
 * The end of a successful portal action. Outside a flow the customer goes back to the portal
 * home with a notice. Inside a deep-link flow, `after_completion` decides: a redirect to the
 * merchant, the hosted confirmation page, or the portal home (which also ends the flow, so the
 * whole portal opens up).
 */
import type { Context } from "hono";
import { resolveAfterCompletion } from "../billing/after-completion";
import type { AppEnv } from "../env";
import { saveSession } from "../store/session-store";
import { FLOW_DONE_PATH, homeWithNotice } from "./paths";

/** What was done; picks the confirmation text and the home notice. */
export type FlowOutcome =
  | "plan_updated"
  | "plan_change_scheduled"
  | "canceled"
  | "cancel_scheduled"
  | "paused"
  | "retention_accepted"
  | "payment_method_added"
  | "customer_updated";

export const FLOW_OUTCOMES: ReadonlySet<string> = new Set<FlowOutcome>([
  "plan_updated",
  "plan_change_scheduled",
  "canceled",
  "cancel_scheduled",
  "paused",
  "retention_accepted",
  "payment_method_added",
  "customer_updated",
]);

const DEFAULT_OUTCOME: Record<string, FlowOutcome> = {
  subscription_update: "plan_updated",
  subscription_update_confirm: "plan_updated",
  subscription_cancel: "canceled",
  subscription_pause: "paused",
  payment_method_update: "payment_method_added",
  customer_update: "customer_updated",
};

/**
 * Finishes an action: call it after the Stripe write succeeded and return its response.
 * `outcome` defaults to what the session's flow type does.
 */
export async function completeFlow(c: Context<AppEnv>, outcome?: FlowOutcome): Promise<Response> {
  const session = c.var.session;
  const flow = session.record.flow;
  const done = outcome ?? (flow ? DEFAULT_OUTCOME[flow.type] : undefined) ?? "plan_updated";
  if (!flow) return c.redirect(homeWithNotice(done), 303);
  // A kept customer (retention offer accepted) did not finish what the merchant's redirect
  // announces ("canceled"), so they always see the confirmation instead.
  const next =
    done === "retention_accepted" ? { kind: "confirmation" as const } : resolveAfterCompletion(flow);
  if (next.kind === "redirect") return c.redirect(next.url, 303);
  if (next.kind === "home") {
    session.record = { ...session.record, flow: null };
    await saveSession(c.env.SESSIONS, session, c.var.deps.now());
    return c.redirect(homeWithNotice(done), 303);
  }
  return c.redirect(`${FLOW_DONE_PATH}?outcome=${done}`, 303);
}
