import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  matchPromotionCode,
  normalizePromotionCode,
  type PromotionContext,
  promotionCodeProblem,
} from "../../../worker/billing/promotion-code";
import { DAY, NOW } from "./fixtures";

function promo(overrides: Partial<Stripe.PromotionCode> = {}): Stripe.PromotionCode {
  return {
    id: "promo_1",
    object: "promotion_code",
    active: true,
    code: "WELCOME10",
    customer: null,
    expires_at: null,
    max_redemptions: null,
    times_redeemed: 0,
    restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    ...overrides,
  } as Stripe.PromotionCode;
}

function coupon(overrides: Partial<Stripe.Coupon> = {}): Stripe.Coupon {
  return {
    id: "coupon_1",
    object: "coupon",
    valid: true,
    percent_off: 10,
    amount_off: null,
    currency: null,
    redeem_by: null,
    max_redemptions: null,
    times_redeemed: 0,
    ...overrides,
  } as Stripe.Coupon;
}

const ctx: PromotionContext = {
  customerId: "cus_1",
  nowSeconds: NOW,
  currency: "usd",
  amount: 2000,
  productId: "prod_basic",
  hasPriorTransactions: true,
};

describe("promotionCodeProblem", () => {
  it("accepts a valid code", () => {
    expect(promotionCodeProblem(promo(), coupon(), ctx)).toBeNull();
  });

  it("refuses inactive, expired and used-up codes", () => {
    expect(promotionCodeProblem(promo({ active: false }), coupon(), ctx)).toBe("inactive");
    expect(promotionCodeProblem(promo({ expires_at: NOW - DAY }), coupon(), ctx)).toBe("expired");
    expect(promotionCodeProblem(promo({ max_redemptions: 5, times_redeemed: 5 }), coupon(), ctx)).toBe(
      "max_redemptions",
    );
  });

  it("enforces restrictions: customer, first-time, minimum amount", () => {
    expect(promotionCodeProblem(promo({ customer: "cus_other" }), coupon(), ctx)).toBe("customer_restricted");
    expect(promotionCodeProblem(promo({ customer: "cus_1" }), coupon(), ctx)).toBeNull();
    const firstTime = promo({
      restrictions: { first_time_transaction: true, minimum_amount: null, minimum_amount_currency: null },
    });
    expect(promotionCodeProblem(firstTime, coupon(), ctx)).toBe("first_time_only");
    expect(promotionCodeProblem(firstTime, coupon(), { ...ctx, hasPriorTransactions: false })).toBeNull();
    const minimum = promo({
      restrictions: { first_time_transaction: false, minimum_amount: 5000, minimum_amount_currency: "usd" },
    });
    expect(promotionCodeProblem(minimum, coupon(), ctx)).toBe("minimum_amount");
    expect(promotionCodeProblem(minimum, coupon(), { ...ctx, amount: 5000 })).toBeNull();
    expect(promotionCodeProblem(minimum, coupon(), { ...ctx, currency: "eur", amount: 9000 })).toBe(
      "currency_mismatch",
    );
  });

  it("checks the coupon: valid, not past redeem_by, currency, products", () => {
    expect(promotionCodeProblem(promo(), coupon({ valid: false }), ctx)).toBe("coupon_invalid");
    expect(promotionCodeProblem(promo(), coupon({ redeem_by: NOW - 1 }), ctx)).toBe("expired");
    expect(
      promotionCodeProblem(promo(), coupon({ amount_off: 500, percent_off: null, currency: "eur" }), ctx),
    ).toBe("currency_mismatch");
    expect(promotionCodeProblem(promo(), coupon({ applies_to: { products: ["prod_pro"] } }), ctx)).toBe(
      "not_applicable",
    );
    expect(
      promotionCodeProblem(promo(), coupon({ applies_to: { products: ["prod_basic"] } }), ctx),
    ).toBeNull();
  });
});

describe("code input", () => {
  it("trims, refuses empty input and matches case-insensitively", () => {
    expect(normalizePromotionCode("  welcome10 ")).toBe("welcome10");
    expect(normalizePromotionCode("   ")).toBeNull();
    expect(normalizePromotionCode(42)).toBeNull();
    expect(matchPromotionCode("welcome10", [promo({ code: "OTHER" }), promo()])?.code).toBe("WELCOME10");
    expect(matchPromotionCode("nope", [promo()])).toBeNull();
  });
});
