/**
 * Small builders of Stripe objects for the rule tests: only the fields the rules read are
 * meaningful, the rest are plausible defaults.
 */
import type Stripe from "stripe";
import type { ConfigurationProduct, PortalConfiguration } from "../../../worker/store/configuration-types";
import { buildDefaultConfiguration } from "../../../worker/store/default-configuration";

export const NOW = 1_793_620_800; // 2026-11-02T12:00:00Z
export const DAY = 86_400;

export function price(overrides: Partial<Stripe.Price> & { id: string }): Stripe.Price {
  return {
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: NOW - 100 * DAY,
    currency: "usd",
    currency_options: undefined,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: "prod_basic",
    recurring: {
      interval: "month",
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "exclusive",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: 1000,
    unit_amount_decimal: "1000",
    ...overrides,
  } as Stripe.Price;
}

export function recurring(
  interval: "day" | "week" | "month" | "year",
  interval_count = 1,
  usage_type: "licensed" | "metered" = "licensed",
): Stripe.Price.Recurring {
  return {
    interval,
    interval_count,
    meter: null,
    trial_period_days: null,
    usage_type,
  } as Stripe.Price.Recurring;
}

export function product(id: string, overrides: Partial<Stripe.Product> = {}): Stripe.Product {
  return { id, object: "product", active: true, name: id, description: null, ...overrides } as Stripe.Product;
}

export function item(p: Stripe.Price, quantity = 1, overrides: Partial<Stripe.SubscriptionItem> = {}) {
  return {
    id: `si_${p.id}`,
    object: "subscription_item",
    price: p,
    quantity,
    current_period_start: NOW - 10 * DAY,
    current_period_end: NOW + 20 * DAY,
    ...overrides,
  } as Stripe.SubscriptionItem;
}

export function subscription(overrides: Partial<Stripe.Subscription> = {}): Stripe.Subscription {
  const items = overrides.items ?? list([item(price({ id: "price_basic_month" }))]);
  return {
    id: "sub_1",
    object: "subscription",
    status: "active",
    customer: "cus_1",
    collection_method: "charge_automatically",
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    billing_mode: { type: "classic" },
    currency: "usd",
    discounts: [],
    on_behalf_of: null,
    pause_collection: null,
    schedule: null,
    trial_end: null,
    trial_start: null,
    ...overrides,
    items,
  } as Stripe.Subscription;
}

export function list<T>(data: T[]): Stripe.ApiList<T> {
  return { object: "list", data, has_more: false, url: "/v1/x" };
}

export function schedule(overrides: Partial<Stripe.SubscriptionSchedule> = {}): Stripe.SubscriptionSchedule {
  return {
    id: "sub_sched_1",
    object: "subscription_schedule",
    status: "active",
    current_phase: { start_date: NOW - 10 * DAY, end_date: NOW + 20 * DAY },
    phases: [
      {
        start_date: NOW - 10 * DAY,
        end_date: NOW + 20 * DAY,
        items: [{ price: "price_basic_month", quantity: 1 }],
      },
      {
        start_date: NOW + 20 * DAY,
        end_date: NOW + 50 * DAY,
        items: [{ price: "price_basic_year", quantity: 1 }],
      },
    ],
    ...overrides,
  } as Stripe.SubscriptionSchedule;
}

export function configProduct(
  productId: string,
  prices: string[],
  adjustable: Partial<ConfigurationProduct["adjustable_quantity"]> = {},
): ConfigurationProduct {
  return {
    product: productId,
    prices,
    adjustable_quantity: { enabled: false, minimum: 1, maximum: null, ...adjustable },
  };
}

type Features = PortalConfiguration["features"];

/** A configuration with every feature on (the dashboard defaults plus plan switching). */
export function config(
  features: {
    update?: Partial<Features["subscription_update"]>;
    cancel?: Partial<Features["subscription_cancel"]>;
    pause?: Partial<Features["subscription_pause"]>;
  } = {},
): PortalConfiguration {
  const base = buildDefaultConfiguration(NOW);
  return {
    ...base,
    id: "bpc_test",
    is_default: true,
    account: null,
    features: {
      ...base.features,
      subscription_update: {
        ...base.features.subscription_update,
        enabled: true,
        default_allowed_updates: ["price", "quantity", "promotion_code"],
        products: [configProduct("prod_basic", ["price_basic_month", "price_basic_year"])],
        ...features.update,
      },
      subscription_cancel: { ...base.features.subscription_cancel, ...features.cancel },
      subscription_pause: { ...base.features.subscription_pause, enabled: true, ...features.pause },
    },
  };
}
