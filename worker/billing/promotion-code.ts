/**
 * Validation of a promotion code a customer types on the plan-change page
 * (stripe-portal-api.md §3.6): active, not expired, redemptions left, restrictions met, coupon
 * valid and applicable to the product.
 */
import type Stripe from "stripe";

/** Why a promotion code cannot be applied. */
export type PromotionCodeProblem =
  | "not_found"
  | "inactive"
  | "expired"
  | "max_redemptions"
  | "customer_restricted"
  | "first_time_only"
  | "minimum_amount"
  | "coupon_invalid"
  | "currency_mismatch"
  | "not_applicable";

/** The facts about the change a promotion code is checked against. */
export interface PromotionContext {
  customerId: string;
  nowSeconds: number;
  currency: string;
  /** Amount of the new item for one period, before discounts (minor units). */
  amount: number | null;
  productId: string;
  /** True when the customer has paid before (a first-time-only code then fails). */
  hasPriorTransactions: boolean;
}

/** The code as typed, trimmed; null when empty or implausibly long. */
export function normalizePromotionCode(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const code = raw.trim();
  if (code.length === 0 || code.length > 200) return null;
  return code;
}

/** Picks the code among API results, matching case-insensitively as Stripe's checkout does. */
export function matchPromotionCode(
  code: string,
  candidates: readonly Stripe.PromotionCode[],
): Stripe.PromotionCode | null {
  const wanted = code.toLowerCase();
  return candidates.find((p) => p.code.toLowerCase() === wanted) ?? null;
}

function customerIdOf(promo: Stripe.PromotionCode): string | null {
  if (promo.customer === null) return null;
  return typeof promo.customer === "string" ? promo.customer : promo.customer.id;
}

function couponProblem(coupon: Stripe.Coupon, ctx: PromotionContext): PromotionCodeProblem | null {
  if (!coupon.valid) return "coupon_invalid";
  if (coupon.redeem_by !== null && coupon.redeem_by <= ctx.nowSeconds) return "expired";
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) {
    return "max_redemptions";
  }
  if (coupon.amount_off !== null && coupon.currency !== null && coupon.currency !== ctx.currency) {
    const option = coupon.currency_options?.[ctx.currency];
    if (!option) return "currency_mismatch";
  }
  const products = coupon.applies_to?.products;
  if (products && products.length > 0 && !products.includes(ctx.productId)) return "not_applicable";
  return null;
}

/**
 * Checks a promotion code (with its coupon) against a change. Returns the first problem, or
 * null when the code can be applied.
 */
export function promotionCodeProblem(
  promo: Stripe.PromotionCode,
  coupon: Stripe.Coupon,
  ctx: PromotionContext,
): PromotionCodeProblem | null {
  // Stripe deactivates a code when it expires; "expired" is the clearer thing to tell.
  if (promo.expires_at !== null && promo.expires_at <= ctx.nowSeconds) return "expired";
  if (!promo.active) return "inactive";
  if (promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions) {
    return "max_redemptions";
  }
  const restrictedTo = customerIdOf(promo);
  if (restrictedTo !== null && restrictedTo !== ctx.customerId) return "customer_restricted";
  const r = promo.restrictions;
  if (r.first_time_transaction && ctx.hasPriorTransactions) return "first_time_only";
  const minimum =
    r.currency_options?.[ctx.currency]?.minimum_amount ??
    (r.minimum_amount_currency === ctx.currency ? r.minimum_amount : null);
  if (minimum !== null && minimum !== undefined && (ctx.amount === null || ctx.amount < minimum)) {
    return "minimum_amount";
  }
  if (r.minimum_amount !== null && r.minimum_amount_currency !== null) {
    if (r.minimum_amount_currency !== ctx.currency && !r.currency_options?.[ctx.currency]) {
      return "currency_mismatch";
    }
  }
  return couponProblem(coupon, ctx);
}
