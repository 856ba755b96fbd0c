import type { Context } from "hono";
import { ErrorPage } from "../../../views/pages/error-page";
import type { AppEnv } from "../../env";
import { readSubmission } from "../idempotency";
import { renderPortalPage } from "../render";

/** A POSTed portal form: its fields and its submission nonce. */
export interface PortalForm {
  body: Record<string, unknown>;
  submission: string;
}

/**
 * Reads a POSTed form (CSRF was already checked by the middleware). Null when the form lacks
 * its submission nonce: not a form the portal rendered, answered with {@link badForm}.
 */
export async function readPortalForm(c: Context<AppEnv>): Promise<PortalForm | null> {
  const body = (await c.req.parseBody()) as Record<string, unknown>;
  const submission = readSubmission(body);
  return submission ? { body, submission } : null;
}

/** The 400 page for a form the portal did not render; nothing was changed. */
export function badForm(c: Context<AppEnv>): Response {
  return renderPortalPage(c, <ErrorPage />, { title: c.var.t("errors.server_title"), status: 400 });
}
