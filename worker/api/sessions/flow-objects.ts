import type Stripe from "stripe";
import type { SessionFlow } from "../../store/session-store";
import { invalidParam, resourceMissing } from "../errors";
import { accountOptions, isDeleted, lookup } from "../stripe-lookup";

/** The Stripe objects a flow refers to, loaded in one parallel wave. */
export interface FlowObjects {
  /** The flow's subscription, with `schedule` expanded; null for flows without one. */
  subscription: Stripe.Subscription | null;
  /** `subscription_update_confirm`: the target price, when one is given. */
  price: Stripe.Price | null;
}

/** The `flow_data` parameter path of the flow's subscription. */
export function subscriptionParam(flow: SessionFlow): string {
  return `flow_data[${flow.type}][subscription]`;
}

/** The subscription id a flow names, if its type has one. */
export function flowSubscriptionId(flow: SessionFlow): string | null {
  return (
    flow.subscription_cancel?.subscription ??
    flow.subscription_update?.subscription ??
    flow.subscription_update_confirm?.subscription ??
    flow.subscription_pause?.subscription ??
    null
  );
}

/**
 * Loads everything the flow names (subscription, retention coupon, target price, discount
 * coupon or promotion code) in parallel for `account`, then reports the first missing one in
 * parameter order so the error is the same whichever call answered first.
 */
export async function loadFlowObjects(
  stripe: Stripe,
  account: string | null,
  flow: SessionFlow,
  nowSeconds: number,
): Promise<FlowObjects> {
  const options = accountOptions(account);
  const subId = flowSubscriptionId(flow);
  const confirm = flow.subscription_update_confirm;
  const priceId = confirm?.items[0]?.price ?? null;
  const discount = confirm?.discounts?.[0] ?? null;
  const coupon = flow.subscription_cancel?.retention?.coupon_offer?.coupon ?? null;
  const discountParam = "flow_data[subscription_update_confirm][discounts][0]";

  const settled = await Promise.allSettled([
    subId
      ? lookup(
          stripe.subscriptions.retrieve(subId, { expand: ["schedule"] }, options),
          () => resourceMissing("subscription", subId, subscriptionParam(flow)),
          account,
        )
      : Promise.resolve(null),
    coupon
      ? checkCoupon(
          stripe,
          coupon,
          "flow_data[subscription_cancel][retention][coupon_offer][coupon]",
          account,
          nowSeconds,
        )
      : null,
    priceId
      ? lookup(
          stripe.prices.retrieve(priceId, {}, options),
          () => resourceMissing("price", priceId, "flow_data[subscription_update_confirm][items][0][price]"),
          account,
        )
      : Promise.resolve(null),
    discount?.coupon
      ? checkCoupon(stripe, discount.coupon, `${discountParam}[coupon]`, account, nowSeconds)
      : null,
    discount?.promotion_code
      ? checkPromotionCode(
          stripe,
          discount.promotion_code,
          `${discountParam}[promotion_code]`,
          account,
          nowSeconds,
        )
      : null,
  ]);
  for (const result of settled) if (result.status === "rejected") throw result.reason;
  const [subscription, , price] = settled;
  return {
    subscription: subscription.status === "fulfilled" ? subscription.value : null,
    price: price.status === "fulfilled" ? price.value : null,
  };
}

async function checkCoupon(
  stripe: Stripe,
  id: string,
  param: string,
  account: string | null,
  nowSeconds: number,
): Promise<void> {
  const coupon = await lookup(
    stripe.coupons.retrieve(id, {}, accountOptions(account)),
    () => resourceMissing("coupon", id, param),
    account,
  );
  if (isDeleted(coupon)) throw resourceMissing("coupon", id, param);
  if (!coupon.valid || (coupon.redeem_by !== null && coupon.redeem_by <= nowSeconds)) {
    throw invalidParam(param, `The coupon \`${id}\` is no longer valid.`);
  }
}

async function checkPromotionCode(
  stripe: Stripe,
  id: string,
  param: string,
  account: string | null,
  nowSeconds: number,
): Promise<void> {
  const code = await lookup(
    stripe.promotionCodes.retrieve(id, {}, accountOptions(account)),
    () => resourceMissing("promotion code", id, param),
    account,
  );
  if (!code.active) throw invalidParam(param, `The promotion code \`${id}\` is not active.`);
  if (code.expires_at !== null && code.expires_at <= nowSeconds) {
    throw invalidParam(param, `The promotion code \`${id}\` has expired.`);
  }
}
