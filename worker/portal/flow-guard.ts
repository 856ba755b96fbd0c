/**
 * Keeps a session in a deep-link flow on the flow's pages: any other subscription page sends
 * the customer back to the flow's entry. Part B's sections guard themselves the same way.
 */
import type { Context } from "hono";
import { flowPermits, type PortalPage } from "../billing/flows";
import type { AppEnv } from "../env";
import { flowEntryPath } from "./paths";

/** A redirect to the flow's page when the flow does not permit this page, else null. */
export function flowRedirect(c: Context<AppEnv>, target: PortalPage): Response | null {
  const flow = c.var.session.record.flow;
  if (!flow || flowPermits(flow, target)) return null;
  return c.redirect(flowEntryPath(flow), 303);
}
