import type Stripe from "stripe";
import type { Api } from "../core/app";
import { invalidParam, parameterMissing } from "../core/errors";
import { registerIncludable } from "../core/expand";
import { paginate } from "../core/list";
import {
  bool,
  checkParams,
  hash,
  int,
  mergeMetadata,
  oneOf,
  type Params,
  requireStr,
  str,
  strList,
} from "../core/params";
import {
  type CouponInput,
  couponAppliesTo,
  createCoupon,
  createPromotionCode,
  refreshCoupon,
  refreshPromotionCode,
} from "./coupons";

function readCoupon(params: Params): CouponInput {
  const percent = str(params, "percent_off");
  const amountOff = int(params, "amount_off");
  if (percent === undefined && amountOff === undefined) throw parameterMissing("percent_off");
  const percentOff = percent === undefined ? null : Number(percent);
  if (percentOff !== null && !(percentOff > 0 && percentOff <= 100)) {
    throw invalidParam("percent_off", "Invalid percent_off: must be greater than 0 and at most 100");
  }
  const currency = str(params, "currency")?.toLowerCase();
  if (amountOff !== undefined && !currency) throw parameterMissing("currency");
  const duration = oneOf(params, "duration", ["once", "repeating", "forever"] as const) ?? "once";
  const months = int(params, "duration_in_months");
  if (duration === "repeating" && months === undefined) throw parameterMissing("duration_in_months");
  const appliesTo = hash(params, "applies_to");
  return {
    id: str(params, "id"),
    name: str(params, "name") ?? null,
    percent_off: percentOff,
    amount_off: amountOff ?? null,
    currency: currency ?? null,
    duration,
    duration_in_months: months ?? null,
    applies_to: appliesTo ? strList(appliesTo, "products", "applies_to[products]") : undefined,
    max_redemptions: int(params, "max_redemptions") ?? null,
    redeem_by: int(params, "redeem_by") ?? null,
  };
}

/** Coupons and promotion codes: create, retrieve, list (codes by `code` case-insensitively). */
export function registerCoupons(api: Api): void {
  registerIncludable("coupon", "applies_to", (obj, ctx) => ({
    products: couponAppliesTo(ctx.account, obj.id) ?? [],
  }));

  api.post("/v1/coupons", (ctx) => {
    checkParams(ctx.params, {
      id: true,
      name: true,
      percent_off: true,
      amount_off: true,
      currency: true,
      duration: true,
      duration_in_months: true,
      applies_to: { products: [true] },
      max_redemptions: true,
      redeem_by: true,
      metadata: "map",
    });
    const input = readCoupon(ctx.params);
    if (input.id && ctx.account.get("coupon", input.id)) {
      throw invalidParam("id", "Coupon already exists.", "resource_already_exists");
    }
    const coupon = createCoupon(ctx, input);
    coupon.metadata = mergeMetadata({}, ctx.params);
    return coupon;
  });
  api.get("/v1/coupons/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return refreshCoupon(ctx, ctx.account.require<Stripe.Coupon>("coupon", id));
  });
  api.get("/v1/coupons", (ctx) => {
    checkParams(ctx.params, { limit: true, starting_after: true, ending_before: true, created: true });
    const coupons = ctx.account.all<Stripe.Coupon>("coupon").map((c) => refreshCoupon(ctx, c));
    return paginate(ctx, coupons, "/v1/coupons", "coupon");
  });

  api.post("/v1/promotion_codes", (ctx) => {
    checkParams(ctx.params, {
      promotion: { type: true, coupon: true },
      code: true,
      active: true,
      customer: true,
      expires_at: true,
      max_redemptions: true,
      metadata: "map",
      restrictions: { first_time_transaction: true, minimum_amount: true, minimum_amount_currency: true },
    });
    const promotion = hash(ctx.params, "promotion");
    if (!promotion) throw parameterMissing("promotion");
    const coupon = requireStr(promotion, "coupon", "promotion[coupon]");
    ctx.account.require<Stripe.Coupon>("coupon", coupon, "promotion[coupon]");
    const customer = str(ctx.params, "customer");
    if (customer) ctx.account.require<Stripe.Customer>("customer", customer, "customer");
    const restrictions = hash(ctx.params, "restrictions") ?? {};
    const code = str(ctx.params, "code") ?? ctx.state.ids.chars(8).toUpperCase();
    const taken = ctx.account
      .all<Stripe.PromotionCode>("promotion_code")
      .some((p) => p.active && p.code.toLowerCase() === code.toLowerCase());
    if (taken) throw invalidParam("code", "An active promotion code with `code` already exists.");
    const promo = createPromotionCode(ctx, {
      code,
      coupon,
      active: bool(ctx.params, "active"),
      customer: customer ?? null,
      expires_at: int(ctx.params, "expires_at") ?? null,
      max_redemptions: int(ctx.params, "max_redemptions") ?? null,
      first_time_transaction: bool(
        restrictions,
        "first_time_transaction",
        "restrictions[first_time_transaction]",
      ),
      minimum_amount: int(restrictions, "minimum_amount", "restrictions[minimum_amount]") ?? null,
      minimum_amount_currency:
        str(restrictions, "minimum_amount_currency", "restrictions[minimum_amount_currency]") ?? null,
    });
    promo.metadata = mergeMetadata({}, ctx.params);
    return promo;
  });
  api.get("/v1/promotion_codes/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return refreshPromotionCode(ctx, ctx.account.require<Stripe.PromotionCode>("promotion_code", id));
  });
  api.get("/v1/promotion_codes", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      active: true,
      code: true,
      coupon: true,
      customer: true,
      created: true,
    });
    const active = bool(ctx.params, "active");
    const code = str(ctx.params, "code")?.toLowerCase();
    const coupon = str(ctx.params, "coupon");
    const customer = str(ctx.params, "customer");
    const codes = ctx.account
      .all<Stripe.PromotionCode>("promotion_code")
      .map((p) => refreshPromotionCode(ctx, p))
      .filter(
        (p) =>
          (active === undefined || p.active === active) &&
          (code === undefined || p.code.toLowerCase() === code) &&
          (coupon === undefined || p.promotion.coupon === coupon) &&
          (customer === undefined || p.customer === customer),
      );
    return paginate(ctx, codes, "/v1/promotion_codes", "promotion_code");
  });
}
