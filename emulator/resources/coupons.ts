import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { AccountData } from "../core/store";

/** Options of a new coupon. */
export interface CouponInput {
  id?: string;
  name?: string | null;
  percent_off?: number | null;
  amount_off?: number | null;
  currency?: string | null;
  duration: "once" | "repeating" | "forever";
  duration_in_months?: number | null;
  applies_to?: string[];
  max_redemptions?: number | null;
  redeem_by?: number | null;
}

const appliesToKey = (couponId: string) => `coupon:${couponId}:applies_to`;

/** A coupon's product restriction (Stripe shows it only when `applies_to` is expanded). */
export function couponAppliesTo(account: AccountData, couponId: string): string[] | null {
  const products = account.hidden.get(appliesToKey(couponId));
  return Array.isArray(products) ? (products as string[]) : null;
}

/** Stores a new coupon. */
export function createCoupon(ctx: Ctx, input: CouponInput): Stripe.Coupon {
  const coupon: Stripe.Coupon = {
    id: input.id ?? ctx.state.ids.chars(8),
    object: "coupon",
    amount_off: input.amount_off ?? null,
    created: ctx.ts(),
    currency: input.currency ?? null,
    duration: input.duration,
    duration_in_months: input.duration === "repeating" ? (input.duration_in_months ?? null) : null,
    livemode: false,
    max_redemptions: input.max_redemptions ?? null,
    metadata: {},
    name: input.name ?? null,
    percent_off: input.percent_off ?? null,
    redeem_by: input.redeem_by ?? null,
    times_redeemed: 0,
    valid: true,
  };
  if (input.applies_to) ctx.account.hidden.set(appliesToKey(coupon.id), input.applies_to);
  return ctx.account.put(coupon);
}

/** Recomputes `valid` (redeem_by passed or max_redemptions reached make a coupon invalid). */
export function refreshCoupon(ctx: Ctx, coupon: Stripe.Coupon): Stripe.Coupon {
  coupon.valid =
    (coupon.redeem_by === null || coupon.redeem_by > ctx.ts()) &&
    (coupon.max_redemptions === null || coupon.times_redeemed < coupon.max_redemptions);
  return coupon;
}

/** Options of a new promotion code. */
export interface PromotionCodeInput {
  id?: string;
  code: string;
  coupon: string;
  active?: boolean;
  customer?: string | null;
  expires_at?: number | null;
  max_redemptions?: number | null;
  first_time_transaction?: boolean;
  minimum_amount?: number | null;
  minimum_amount_currency?: string | null;
  created?: number;
}

/** Stores a new promotion code (basil+ shape: `promotion: { type: "coupon", coupon }`). */
export function createPromotionCode(ctx: Ctx, input: PromotionCodeInput): Stripe.PromotionCode {
  return ctx.account.put<Stripe.PromotionCode>({
    id: input.id ?? ctx.state.ids.id("promo"),
    object: "promotion_code",
    active: input.active ?? true,
    code: input.code,
    created: input.created ?? ctx.ts(),
    customer: input.customer ?? null,
    customer_account: null,
    expires_at: input.expires_at ?? null,
    livemode: false,
    max_redemptions: input.max_redemptions ?? null,
    metadata: {},
    promotion: { type: "coupon", coupon: input.coupon },
    restrictions: {
      first_time_transaction: input.first_time_transaction ?? false,
      minimum_amount: input.minimum_amount ?? null,
      minimum_amount_currency: input.minimum_amount_currency ?? null,
    },
    times_redeemed: 0,
  });
}

/** A code stops being active once it expires, is used up, or its coupon is no longer valid. */
export function refreshPromotionCode(ctx: Ctx, promo: Stripe.PromotionCode): Stripe.PromotionCode {
  const couponId =
    typeof promo.promotion.coupon === "string" ? promo.promotion.coupon : promo.promotion.coupon?.id;
  const coupon = couponId ? ctx.account.get<Stripe.Coupon>("coupon", couponId) : undefined;
  if (
    (promo.expires_at !== null && promo.expires_at <= ctx.ts()) ||
    (promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions) ||
    !coupon ||
    !refreshCoupon(ctx, coupon).valid
  ) {
    promo.active = false;
  }
  return promo;
}
