/**
 * Turns what the customer picked (price, quantity, promotion code) into a checked plan change,
 * or into messages per field. Every rule of worker/billing applies; nothing is written here.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { currentPeriodEnd } from "../../billing/cancel-mode";
import { productIdOf } from "../../billing/eligibility";
import { periodAmount, periodDays } from "../../billing/price-amount";
import {
  matchPromotionCode,
  normalizePromotionCode,
  type PromotionCodeProblem,
  promotionCodeProblem,
} from "../../billing/promotion-code";
import { parseQuantity, quantityProblem, quantityRule } from "../../billing/quantity";
import { shouldScheduleAtPeriodEnd } from "../../billing/schedule-at-period-end";
import { targetPriceProblem } from "../../billing/target-prices";
import { changeEndsTrial } from "../../billing/trial";
import type { AppEnv } from "../../env";
import type { MessageKey, MessageValues } from "../../lib/i18n";
import type { PortalConfiguration } from "../../store/configuration-types";
import { portalStripe } from "../stripe-call";

/** What the customer asked for, as raw form/query strings. */
export interface ChangeInput {
  price: string;
  quantity: string;
  promotionCode: string;
}

/** A discount the change adds, as Stripe's `discounts[]` entry. */
export type AddedDiscount = { promotion_code: string } | { coupon: string };

/** A plan change that passed every rule. */
export interface PlannedChange {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  from: { price: Stripe.Price; quantity: number };
  to: { price: Stripe.Price; quantity: number };
  /** The discount added by this change, if any. */
  discount: AddedDiscount | null;
  /** For display: the promotion code or coupon being added. */
  discountLabel: { code: string | null; coupon: Stripe.Coupon | null } | null;
  /** Applied at the end of the period through a subscription schedule. */
  scheduled: boolean;
  endsTrial: boolean;
  /** The change is invoiced at once (not with the next regular invoice). */
  invoicesNow: boolean;
  /** The change restarts the billing period now (interval change, anchor reset, trial end). */
  resetsPeriod: boolean;
  periodEnd: number;
}

/** A message for one field of the picker. */
export interface ChangeError {
  field: "price" | "quantity" | "promotion_code" | "form";
  /**
   * The request named a price the configuration does not offer (unknown, malformed, another
   * account's, another object). The picker never sends one, so it is treated as a foreign id.
   */
  foreignId?: true;
  key: MessageKey;
  values?: MessageValues;
}

/** What a promotion-code lookup found. */
export interface PromotionLookup {
  code: string;
  found: Stripe.PromotionCode | null;
}

const PRICE_ID = /^price_[A-Za-z0-9]{1,250}$/;

const PROMO_KEYS: Record<PromotionCodeProblem, MessageKey> = {
  not_found: "plan_change.errors.promo_not_found",
  inactive: "plan_change.errors.promo_inactive",
  expired: "plan_change.errors.promo_expired",
  max_redemptions: "plan_change.errors.promo_used_up",
  customer_restricted: "plan_change.errors.promo_not_found",
  first_time_only: "plan_change.errors.promo_first_time",
  minimum_amount: "plan_change.errors.promo_minimum",
  coupon_invalid: "plan_change.errors.promo_inactive",
  currency_mismatch: "plan_change.errors.promo_not_applicable",
  not_applicable: "plan_change.errors.promo_not_applicable",
};

/**
 * Looks a typed promotion code up (case-insensitively, inactive ones included so the customer
 * hears "expired" rather than "unknown"). Null when no code was typed.
 */
export async function lookupPromotionCode(c: Context<AppEnv>, raw: string): Promise<PromotionLookup | null> {
  const code = normalizePromotionCode(raw);
  if (!code) return null;
  const { stripe, read } = portalStripe(c);
  const list = await stripe.promotionCodes.list({ code, limit: 10, expand: ["data.promotion.coupon"] }, read);
  return { code, found: matchPromotionCode(code, list.data) };
}

function couponOf(promo: Stripe.PromotionCode): Stripe.Coupon | null {
  const coupon = promo.promotion.coupon;
  return coupon && typeof coupon !== "string" ? coupon : null;
}

/** The prices the sub's item may reach, keyed by id: the catalog plus the current price. */
function priceIndex(current: Stripe.Price, catalog: readonly Stripe.Price[]): Map<string, Stripe.Price> {
  const index = new Map(catalog.map((p) => [p.id, p]));
  index.set(current.id, current);
  return index;
}

function describeBounds(rule: { minimum: number; maximum: number | null }): MessageValues {
  return { min: rule.minimum, max: rule.maximum ?? "" };
}

/**
 * Checks a requested change against the subscription (already found eligible for updates),
 * the catalog and the promotion-code lookup. `preset` is the discount of a confirm flow, which
 * the merchant chose and the customer cannot alter.
 */
export function checkChange(
  c: Context<AppEnv>,
  args: {
    subscription: Stripe.Subscription;
    item: Stripe.SubscriptionItem;
    input: ChangeInput;
    catalog: readonly Stripe.Price[];
    promotion: PromotionLookup | null;
    preset?: { discount: AddedDiscount; coupon: Stripe.Coupon | null; code: string | null } | null;
  },
): { ok: true; change: PlannedChange } | { ok: false; errors: ChangeError[] } {
  const config = c.var.configuration;
  const feature = config.features.subscription_update;
  const { subscription: sub, item } = args;
  const errors: ChangeError[] = [];
  const fromQuantity = item.quantity ?? 1;

  const priceId = args.input.price || item.price.id;
  const target = PRICE_ID.test(priceId) ? priceIndex(item.price, args.catalog).get(priceId) : undefined;
  if (!target) {
    errors.push({ field: "price", foreignId: true, key: "plan_change.errors.price_unavailable" });
  } else if (targetPriceProblem(item.price, target, config) !== null) {
    errors.push({ field: "price", key: "plan_change.errors.price_unavailable" });
  }

  const rawQuantity = args.input.quantity.trim();
  const quantity = rawQuantity === "" ? fromQuantity : parseQuantity(rawQuantity);
  if (target) {
    const rule = quantityRule(config, productIdOf(target));
    const problem = quantityProblem(quantity, fromQuantity, rule);
    if (problem === "invalid") errors.push({ field: "quantity", key: "plan_change.errors.quantity_invalid" });
    if (problem === "not_adjustable")
      errors.push({ field: "quantity", key: "plan_change.errors.quantity_fixed" });
    if (problem === "below_minimum" || problem === "above_maximum") {
      const key: MessageKey =
        rule.maximum === null ? "plan_change.errors.quantity_min" : "plan_change.errors.quantity_range";
      errors.push({ field: "quantity", key, values: describeBounds(rule) });
    }
  }

  let discount: AddedDiscount | null = args.preset?.discount ?? null;
  let discountLabel: PlannedChange["discountLabel"] = args.preset
    ? { code: args.preset.code, coupon: args.preset.coupon }
    : null;
  if (!args.preset && args.promotion) {
    if (!feature.default_allowed_updates.includes("promotion_code")) {
      errors.push({ field: "promotion_code", key: "plan_change.errors.promo_not_allowed" });
    } else if (!args.promotion.found || !couponOf(args.promotion.found)) {
      errors.push({ field: "promotion_code", key: PROMO_KEYS.not_found });
    } else if (target && quantity !== null) {
      const promo = args.promotion.found;
      const coupon = couponOf(promo) as Stripe.Coupon;
      const problem = promotionCodeProblem(promo, coupon, {
        customerId: c.var.session.record.customer,
        nowSeconds: Math.floor(c.var.deps.now() / 1000),
        currency: target.currency,
        amount: periodAmount(target, quantity),
        productId: productIdOf(target),
        hasPriorTransactions: sub.status !== "trialing",
      });
      if (problem) errors.push({ field: "promotion_code", key: PROMO_KEYS[problem] });
      else {
        discount = { promotion_code: promo.id };
        discountLabel = { code: promo.code, coupon };
      }
    }
  }

  if (errors.length > 0 || !target || quantity === null) return { ok: false, errors };
  if (target.id === item.price.id && quantity === fromQuantity && discount === null) {
    return { ok: false, errors: [{ field: "form", key: "plan_change.errors.no_change" }] };
  }

  const from = { price: item.price, quantity: fromQuantity };
  const to = { price: target, quantity };
  const scheduled = shouldScheduleAtPeriodEnd(from, to, feature.schedule_at_period_end?.conditions ?? []);
  const endsTrial = !scheduled && changeEndsTrial(sub, config);
  const newPeriod = periodDays(from.price) !== periodDays(to.price);
  const { resetsPeriod, invoicesNow } = scheduled
    ? { resetsPeriod: false, invoicesNow: false }
    : periodEffects(feature, { newPeriod, endsTrial });
  return {
    ok: true,
    change: {
      subscription: sub,
      item,
      from,
      to,
      discount,
      discountLabel,
      scheduled,
      endsTrial,
      invoicesNow,
      resetsPeriod,
      periodEnd: currentPeriodEnd(sub),
    },
  };
}

/**
 * What an immediate change does to the billing period: it restarts the period when the
 * period's length changes, a trial ends or the configuration resets the anchor; it is invoiced
 * at once when the period restarts or the configuration always invoices.
 */
export function periodEffects(
  feature: PortalConfiguration["features"]["subscription_update"],
  change: { newPeriod: boolean; endsTrial: boolean },
): { resetsPeriod: boolean; invoicesNow: boolean } {
  const resetsPeriod = change.newPeriod || change.endsTrial || feature.billing_cycle_anchor === "now";
  return { resetsPeriod, invoicesNow: resetsPeriod || feature.proration_behavior === "always_invoice" };
}

/** The discount's id for the signature. */
export function discountId(discount: AddedDiscount | null): string | null {
  if (!discount) return null;
  return "promotion_code" in discount ? discount.promotion_code : discount.coupon;
}
