import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { AccountData } from "../core/store";
import type { WPlan, WPrice } from "../core/wire";

/** A product with Stripe's defaults. */
export function newProduct(ctx: Ctx, fields: Partial<Stripe.Product> & { name: string }): Stripe.Product {
  return {
    id: ctx.state.ids.id("prod"),
    object: "product",
    active: true,
    created: ctx.ts(),
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: ctx.ts(),
    url: null,
    ...fields,
  };
}

/** Options of a new price. */
export interface PriceInput {
  id?: string;
  product: string;
  currency: string;
  unit_amount: number | null;
  interval?: "day" | "week" | "month" | "year";
  interval_count?: number;
  usage_type?: "licensed" | "metered";
  tax_behavior?: "exclusive" | "inclusive" | "unspecified";
  nickname?: string | null;
  lookup_key?: string | null;
  tiers?: { up_to: number | null; unit_amount: number | null; flat_amount: number | null }[];
  tiers_mode?: "graduated" | "volume";
  active?: boolean;
  created?: number;
}

/** A price with Stripe's defaults (recurring when `interval` is given). */
export function newPrice(ctx: Ctx, input: PriceInput): WPrice {
  const tiers = input.tiers?.map((tier) => ({
    ...tier,
    unit_amount_decimal: tier.unit_amount === null ? null : String(tier.unit_amount),
    flat_amount_decimal: tier.flat_amount === null ? null : String(tier.flat_amount),
  }));
  const id = input.id ?? ctx.state.ids.id("price");
  // Stripe sends `tiers` only when expanded, so they live beside the price.
  if (tiers) ctx.account.hidden.set(tiersKey(id), tiers);
  return {
    id,
    object: "price",
    active: input.active ?? true,
    billing_scheme: tiers ? "tiered" : "per_unit",
    created: input.created ?? ctx.ts(),
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookup_key ?? null,
    metadata: {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.interval
      ? {
          interval: input.interval,
          interval_count: input.interval_count ?? 1,
          meter: null,
          trial_period_days: null,
          usage_type: input.usage_type ?? "licensed",
        }
      : null,
    tax_behavior: input.tax_behavior ?? "unspecified",
    tiers_mode: tiers ? (input.tiers_mode ?? "graduated") : null,
    transform_quantity: null,
    type: input.interval ? "recurring" : "one_time",
    unit_amount: tiers ? null : input.unit_amount,
    unit_amount_decimal: tiers || input.unit_amount === null ? null : String(input.unit_amount),
  };
}

const tiersKey = (priceId: string) => `price:${priceId}:tiers`;

/** A tiered price's tiers (Stripe includes them only when `tiers` is expanded). */
export function priceTiers(account: AccountData, priceId: string): NonNullable<WPrice["tiers"]> | null {
  const tiers = account.hidden.get(tiersKey(priceId));
  return Array.isArray(tiers) ? (tiers as NonNullable<WPrice["tiers"]>) : null;
}

/** The legacy `plan` object Stripe still embeds next to `price` on subscription items. */
export function planOf(price: WPrice): WPlan {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: price.tiers_mode,
    transform_usage: null,
    trial_period_days: null,
    usage_type: price.recurring?.usage_type ?? "licensed",
  };
}
