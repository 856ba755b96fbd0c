/**
 * Deep-link flows keep the customer on one task (stripe-portal-api.md §3.11): "navigational
 * components to access the rest of the customer portal are hidden". These rules say which
 * portal pages a session's flow may reach; everything else sends the customer back to the
 * flow's own page until the flow is completed.
 */
import type { SessionFlow } from "../store/session-store";

/** The kinds of portal pages, with the subscription they act on where there is one. */
export type PortalPage =
  | { page: "home" }
  | { page: "confirmation" }
  | { page: "subscription_update"; subscription: string }
  | { page: "subscription_update_confirm"; subscription: string }
  | { page: "subscription_cancel"; subscription: string }
  | { page: "subscription_renew"; subscription: string }
  | { page: "subscription_pause"; subscription: string }
  | { page: "subscription_resume"; subscription: string }
  | { page: "payment_method_update" }
  | { page: "customer_update" }
  | { page: "invoices" }
  | { page: "locale" };

/** The subscription a flow is about, or null for flows that are not about one. */
export function flowSubscription(flow: SessionFlow): string | null {
  switch (flow.type) {
    case "subscription_update":
      return flow.subscription_update?.subscription ?? null;
    case "subscription_update_confirm":
      return flow.subscription_update_confirm?.subscription ?? null;
    case "subscription_cancel":
      return flow.subscription_cancel?.subscription ?? null;
    case "subscription_pause":
      return flow.subscription_pause?.subscription ?? null;
    default:
      return null;
  }
}

/** Which page kinds a flow type opens, besides the confirmation and the language switch. */
const FLOW_PAGES: Record<string, ReadonlyArray<PortalPage["page"]>> = {
  subscription_update: ["subscription_update", "subscription_update_confirm"],
  subscription_update_confirm: ["subscription_update_confirm"],
  subscription_cancel: ["subscription_cancel"],
  subscription_pause: ["subscription_pause"],
  payment_method_update: ["payment_method_update"],
  customer_update: ["customer_update"],
};

/**
 * True when a session in this flow may open the page. Pages about a subscription must be about
 * the flow's subscription. The confirmation page and the language switch are always open.
 */
export function flowPermits(flow: SessionFlow, target: PortalPage): boolean {
  if (target.page === "confirmation" || target.page === "locale") return true;
  const pages = FLOW_PAGES[flow.type] ?? [];
  if (!pages.includes(target.page)) return false;
  if ("subscription" in target) return target.subscription === flowSubscription(flow);
  return true;
}
