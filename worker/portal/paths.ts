/**
 * Portal URLs in one place, so links, redirects and the flow guard agree. Part B's sections
 * live under `/p/payment-methods`, `/p/billing` and `/p/invoices`.
 */
import { flowSubscription } from "../billing/flows";
import type { SessionFlow } from "../store/session-store";

export const PORTAL_HOME = "/p";
export const FLOW_DONE_PATH = "/p/flow/done";
export const PAYMENT_METHOD_ADD_PATH = "/p/payment-methods/add";
export const BILLING_DETAILS_PATH = "/p/billing";
/** Where Stripe sends the customer back after authenticating a payment (3-D Secure). */
export const PAYMENT_RETURN_PATH = "/p/payments/return";

/** Pages about one subscription. */
export const subscriptionPaths = (id: string) => {
  const base = `/p/subscriptions/${encodeURIComponent(id)}`;
  return {
    update: `${base}/update`,
    confirm: `${base}/update/confirm`,
    cancel: `${base}/cancel`,
    retention: `${base}/retention`,
    renew: `${base}/renew`,
    pause: `${base}/pause`,
    resume: `${base}/resume`,
  };
};

/** Where a session in a flow starts (and is sent back to when it strays). */
export function flowEntryPath(flow: SessionFlow): string {
  const sub = flowSubscription(flow);
  switch (flow.type) {
    case "subscription_update":
      return sub ? subscriptionPaths(sub).update : PORTAL_HOME;
    case "subscription_update_confirm":
      return sub ? subscriptionPaths(sub).confirm : PORTAL_HOME;
    case "subscription_cancel":
      return sub ? subscriptionPaths(sub).cancel : PORTAL_HOME;
    case "subscription_pause":
      return sub ? subscriptionPaths(sub).pause : PORTAL_HOME;
    case "payment_method_update":
      return PAYMENT_METHOD_ADD_PATH;
    case "customer_update":
      return BILLING_DETAILS_PATH;
    default:
      return PORTAL_HOME;
  }
}

/** A home-page URL carrying a one-time notice about what just happened. */
export function homeWithNotice(notice: string): string {
  return `${PORTAL_HOME}?notice=${encodeURIComponent(notice)}`;
}
