/**
 * The retention coupon offer of a `subscription_cancel` flow (stripe-portal-api.md §3.7).
 * Stripe does not document when the offer is withheld; the portal offers it only when the
 * coupon can still be redeemed and the subscription has no discount yet (so accepting can
 * never stack offers or replace a better deal).
 */
import type Stripe from "stripe";
import type { SessionFlow } from "../store/session-store";

/** The coupon the session's cancel flow offers for this subscription, if any. */
export function retentionCoupon(flow: SessionFlow | null, subscriptionId: string): string | null {
  if (flow?.type !== "subscription_cancel") return null;
  const cancel = flow.subscription_cancel;
  if (!cancel || cancel.subscription !== subscriptionId) return null;
  const retention = cancel.retention;
  if (retention?.type !== "coupon_offer") return null;
  return retention.coupon_offer?.coupon ?? null;
}

/** True when the offer may be shown and accepted for this subscription. */
export function retentionOfferable(
  sub: Pick<Stripe.Subscription, "discounts">,
  coupon: Pick<Stripe.Coupon, "valid" | "redeem_by" | "max_redemptions" | "times_redeemed">,
  nowSeconds: number,
): boolean {
  if (!coupon.valid) return false;
  if (coupon.redeem_by !== null && coupon.redeem_by <= nowSeconds) return false;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) return false;
  return (sub.discounts ?? []).length === 0;
}
