import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { invalidParam } from "../core/errors";
import { type Params, str } from "../core/params";
import type { WInvoice, WLine } from "../core/wire";
import { couponAppliesTo, refreshCoupon, refreshPromotionCode } from "../resources/coupons";
import { addInterval } from "./periods";

/** Discounts chosen by a request, stored only when the request commits. */
export interface DiscountResolution {
  discounts: Stripe.Discount[];
  commit(): void;
}

function newDiscount(
  ctx: Ctx,
  coupon: Stripe.Coupon,
  customer: string,
  subscription: string | null,
  promotionCode: string | null,
): Stripe.Discount {
  const start = ctx.ts();
  return {
    id: ctx.state.ids.id("di"),
    object: "discount",
    checkout_session: null,
    customer,
    customer_account: null,
    end:
      coupon.duration === "repeating" && coupon.duration_in_months
        ? addInterval(start, "month", coupon.duration_in_months)
        : null,
    invoice: null,
    invoice_item: null,
    promotion_code: promotionCode,
    source: { type: "coupon", coupon: coupon.id },
    start,
    subscription,
    subscription_item: null,
  };
}

/** Stores a discount directly (seed data). */
export function seedDiscount(
  ctx: Ctx,
  coupon: Stripe.Coupon,
  customer: string,
  subscription: string,
  startTs: number,
): Stripe.Discount {
  const discount = newDiscount(ctx, coupon, customer, subscription, null);
  discount.start = startTs;
  if (coupon.duration === "repeating" && coupon.duration_in_months) {
    discount.end = addInterval(startTs, "month", coupon.duration_in_months);
  }
  coupon.times_redeemed += 1;
  return ctx.account.put(discount);
}

/**
 * Resolves `discounts[i][coupon|promotion_code|discount]` parameters with Stripe's checks
 * (unknown ids, inactive or expired codes, customer restriction, first-time and minimum amount).
 */
export function resolveDiscounts(
  ctx: Ctx,
  list: Params[],
  opts: {
    customer: string;
    subscription: string | null;
    currency: string;
    existing: Stripe.Discount[];
    prefix: string;
    /** Amount the minimum_amount restriction is checked against. */
    amount: number;
  },
): DiscountResolution {
  const discounts: Stripe.Discount[] = [];
  const redeem: (() => void)[] = [];
  list.forEach((entry, i) => {
    const name = (key: string) => `${opts.prefix}[${i}][${key}]`;
    const existingId = str(entry, "discount", name("discount"));
    if (existingId) {
      const found = opts.existing.find((d) => d.id === existingId);
      if (!found)
        throw invalidParam(name("discount"), `No such discount: '${existingId}'`, "resource_missing");
      discounts.push(found);
      return;
    }
    const promoId = str(entry, "promotion_code", name("promotion_code"));
    let couponId = str(entry, "coupon", name("coupon"));
    let promo: Stripe.PromotionCode | undefined;
    if (promoId) {
      promo = ctx.account.require<Stripe.PromotionCode>("promotion_code", promoId, name("promotion_code"));
      refreshPromotionCode(ctx, promo);
      if (!promo.active) {
        throw invalidParam(
          name("promotion_code"),
          `The promotion code \`${promo.code}\` is inactive or expired.`,
        );
      }
      if (promo.customer && promo.customer !== opts.customer) {
        throw invalidParam(
          name("promotion_code"),
          `This promotion code cannot be redeemed by this customer.`,
        );
      }
      if (promo.restrictions.first_time_transaction) {
        const hasPaid = ctx.account
          .all<WInvoice>("invoice")
          .some((inv) => inv.customer === opts.customer && inv.amount_paid > 0);
        if (hasPaid) {
          throw invalidParam(
            name("promotion_code"),
            "This promotion code cannot be redeemed because the associated customer has prior transactions.",
          );
        }
      }
      const minimum = promo.restrictions.minimum_amount;
      if (minimum !== null && opts.amount < minimum) {
        throw invalidParam(
          name("promotion_code"),
          `This promotion code has a minimum amount of ${minimum} ${promo.restrictions.minimum_amount_currency ?? opts.currency}.`,
        );
      }
      const promoCoupon = promo.promotion.coupon;
      couponId = typeof promoCoupon === "string" ? promoCoupon : promoCoupon?.id;
    }
    if (!couponId)
      throw invalidParam(name("coupon"), `Missing required param: ${name("coupon")}.`, "parameter_missing");
    const coupon = ctx.account.require<Stripe.Coupon>(
      "coupon",
      couponId,
      promo ? name("promotion_code") : name("coupon"),
    );
    if (!refreshCoupon(ctx, coupon).valid) {
      throw invalidParam(name("coupon"), `Coupon expired: ${coupon.id}`);
    }
    if (coupon.amount_off !== null && coupon.currency !== opts.currency) {
      throw invalidParam(
        name("coupon"),
        `The coupon's currency (${coupon.currency}) does not match the subscription's currency (${opts.currency}).`,
      );
    }
    if (discounts.some((d) => d.source.coupon === coupon.id)) {
      throw invalidParam(name("coupon"), `The coupon ${coupon.id} was already applied.`);
    }
    discounts.push(newDiscount(ctx, coupon, opts.customer, opts.subscription, promo?.id ?? null));
    redeem.push(() => {
      coupon.times_redeemed += 1;
      if (promo) promo.times_redeemed += 1;
    });
  });
  return {
    discounts,
    commit: () => {
      for (const discount of discounts) ctx.account.put(discount);
      for (const fn of redeem) fn();
    },
  };
}

/** The coupon behind a discount, when this account has it. */
export const couponOf = (ctx: Ctx, discount: Stripe.Discount): Stripe.Coupon | undefined => {
  const id = typeof discount.source.coupon === "string" ? discount.source.coupon : discount.source.coupon?.id;
  return id ? ctx.account.get<Stripe.Coupon>("coupon", id) : undefined;
};

/**
 * Applies discounts to an invoice's subtotal: percent off (rounded) or amount off (capped) of
 * the lines the coupon applies to, split over those lines; fills `discount_amounts` per line
 * and returns `total_discount_amounts`. Discounts past their `end` at `at` are skipped.
 */
export function applyDiscounts(
  ctx: Ctx,
  discounts: Stripe.Discount[],
  lines: WLine[],
  at: number,
): { amount: number; discount: string }[] {
  const totals: { amount: number; discount: string }[] = [];
  const remaining = new Map(lines.map((line) => [line.id, line.amount]));
  for (const discount of discounts) {
    if (discount.end !== null && discount.end <= at) continue;
    const coupon = couponOf(ctx, discount);
    if (!coupon) continue;
    const products = couponAppliesTo(ctx.account, coupon.id);
    const eligible = lines.filter(
      (line) =>
        line.discountable &&
        (products === null || products.includes(line.pricing?.price_details?.product ?? "")) &&
        (remaining.get(line.id) ?? 0) > 0,
    );
    const base = eligible.reduce((sum, line) => sum + (remaining.get(line.id) ?? 0), 0);
    if (base <= 0) continue;
    const amount =
      coupon.percent_off !== null
        ? Math.round((base * coupon.percent_off) / 100)
        : Math.min(coupon.amount_off ?? 0, base);
    if (amount <= 0) continue;
    let left = amount;
    eligible.forEach((line, index) => {
      const share =
        index === eligible.length - 1 ? left : Math.round((amount * (remaining.get(line.id) ?? 0)) / base);
      left -= share;
      remaining.set(line.id, (remaining.get(line.id) ?? 0) - share);
      line.discount_amounts = [...(line.discount_amounts ?? []), { amount: share, discount: discount.id }];
    });
    totals.push({ amount, discount: discount.id });
  }
  return totals;
}
