/**
 * Which prices a subscription may switch to: the configured prices of the configured products,
 * recurring and licensed, in the same currency and with the same `tax_behavior` as the current
 * price (stripe-portal-api.md §3.3, §3.4).
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../store/configuration-types";
import { productIdOf } from "./eligibility";

/** Why a price cannot be the target of a plan change. */
export type TargetPriceProblem =
  | "price_not_offered"
  | "price_change_not_allowed"
  | "inactive"
  | "not_recurring"
  | "metered"
  | "currency_mismatch"
  | "tax_behavior_mismatch";

/** True when the configuration offers this price (listed under its product). */
export function isOfferedPrice(config: PortalConfiguration, price: Stripe.Price): boolean {
  const productId = productIdOf(price);
  return config.features.subscription_update.products.some(
    (p) => p.product === productId && p.prices.includes(price.id),
  );
}

/** True when the configuration lets customers switch prices (not only quantity or codes). */
export function priceChangeAllowed(config: PortalConfiguration): boolean {
  return config.features.subscription_update.default_allowed_updates.includes("price");
}

/**
 * Checks one candidate price against the current one. The current price itself is always a
 * valid target (a quantity-only or promotion-code-only change).
 */
export function targetPriceProblem(
  current: Stripe.Price,
  target: Stripe.Price,
  config: PortalConfiguration,
): TargetPriceProblem | null {
  if (target.id === current.id) return null;
  if (!priceChangeAllowed(config)) return "price_change_not_allowed";
  if (!isOfferedPrice(config, target)) return "price_not_offered";
  if (!target.active) return "inactive";
  if (target.type !== "recurring" || !target.recurring) return "not_recurring";
  if (target.recurring.usage_type === "metered") return "metered";
  if (target.currency !== current.currency) return "currency_mismatch";
  if (target.tax_behavior !== current.tax_behavior) return "tax_behavior_mismatch";
  return null;
}

/** A product with the prices the customer may pick from, in the configuration's order. */
export interface PlanOption {
  product: Stripe.Product;
  prices: Stripe.Price[];
}

/**
 * Groups the valid target prices by product, following the configuration's product order and
 * each product's price order. `prices` are the loaded prices with `product` expanded; deleted
 * or inactive products are left out.
 */
export function planOptions(
  current: Stripe.Price,
  config: PortalConfiguration,
  prices: readonly Stripe.Price[],
): PlanOption[] {
  const byId = new Map(prices.map((p) => [p.id, p]));
  const options: PlanOption[] = [];
  for (const entry of config.features.subscription_update.products) {
    const valid: Stripe.Price[] = [];
    let product: Stripe.Product | null = null;
    for (const priceId of entry.prices) {
      const price = byId.get(priceId);
      if (!price || typeof price.product === "string" || price.product.deleted) continue;
      if (!price.product.active) continue;
      if (targetPriceProblem(current, price, config) !== null) continue;
      product = price.product;
      valid.push(price);
    }
    if (product && valid.length > 0) options.push({ product, prices: valid });
  }
  return options;
}

/** A stable key for a billing interval, e.g. `1-month`, `3-month`, `1-year`. */
export function intervalKey(price: Pick<Stripe.Price, "recurring">): string {
  const r = price.recurring;
  return r ? `${r.interval_count}-${r.interval}` : "once";
}

const INTERVAL_ORDER: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/**
 * The distinct intervals across the options, shortest first: the tabs of the monthly/yearly
 * toggle.
 */
export function intervalKeys(options: readonly PlanOption[]): string[] {
  const keys = new Map<string, number>();
  for (const option of options) {
    for (const price of option.prices) {
      const r = price.recurring;
      if (r) keys.set(intervalKey(price), (INTERVAL_ORDER[r.interval] ?? 0) * r.interval_count);
    }
  }
  return [...keys.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key);
}
