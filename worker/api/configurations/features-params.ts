/**
 * `features[...]` of a configuration create or update, merged into the current features:
 * omitted fields keep their value, arrays given replace the whole array, `""` empties an
 * emptyable array or unsets a string.
 */
import type { ConfigurationProduct, PortalConfiguration } from "../../store/configuration-types";
import { invalidParam, parameterMissing } from "../errors";
import type { ParamReader } from "../param-reader";

type Features = PortalConfiguration["features"];
type Pause = NonNullable<Features["subscription_pause"]>;

/** Write mode: create requires some `enabled` flags that update leaves optional. */
export type WriteMode = "create" | "update";

const ALLOWED_UPDATES = ["address", "email", "name", "phone", "shipping", "tax_id"] as const;
const CANCEL_REASONS = [
  "customer_service",
  "low_quality",
  "missing_features",
  "other",
  "switched_service",
  "too_complex",
  "too_expensive",
  "unused",
] as const;
const DEFAULT_ALLOWED_UPDATES = ["price", "promotion_code", "quantity"] as const;
const CONDITIONS = ["decreasing_item_amount", "shortening_interval"] as const;
const PAUSE_INTERVALS = ["day", "week", "month", "year"] as const;
/** Pause durations are capped at three years, expressed per unit. */
const PAUSE_MAX_COUNT: Record<(typeof PAUSE_INTERVALS)[number], number> = {
  day: 1095,
  week: 156,
  month: 36,
  year: 3,
};

/** At most this many products can be offered (Stripe's limit). */
export const MAX_PRODUCTS = 10;

function enabledFlag(r: ParamReader, requiredOnCreate: boolean, mode: WriteMode): boolean | undefined {
  return requiredOnCreate && mode === "create" ? r.requiredBoolean("enabled") : r.boolean("enabled");
}

/** Applies `features[...]`; returns the merged features and whether `products` was sent. */
export function applyFeatures(
  current: Features,
  f: ParamReader,
  mode: WriteMode,
): { features: Features; productsSent: boolean } {
  const next = structuredClone(current);
  let productsSent = false;

  const cu = f.object("customer_update");
  if (cu) {
    next.customer_update = {
      enabled: enabledFlag(cu, true, mode) ?? current.customer_update.enabled,
      allowed_updates:
        cu.enumArray("allowed_updates", ALLOWED_UPDATES, { emptyable: true }) ??
        current.customer_update.allowed_updates,
    };
  }
  const ih = f.object("invoice_history");
  if (ih) next.invoice_history = { enabled: ih.requiredBoolean("enabled") };

  const pm = f.object("payment_method_update");
  if (pm) {
    const pmc = pm.emptyableString("payment_method_configuration");
    if (pmc && !pmc.startsWith("pmc_")) {
      throw invalidParam(
        pm.name("payment_method_configuration"),
        "Invalid payment method configuration id: it must start with `pmc_`.",
      );
    }
    next.payment_method_update = {
      enabled: pm.requiredBoolean("enabled"),
      payment_method_configuration:
        pmc === undefined ? current.payment_method_update.payment_method_configuration : pmc,
    };
  }

  const sc = f.object("subscription_cancel");
  if (sc) {
    const cur = current.subscription_cancel;
    const reason = sc.object("cancellation_reason");
    next.subscription_cancel = {
      enabled: enabledFlag(sc, true, mode) ?? cur.enabled,
      mode: sc.enumOf("mode", ["at_period_end", "immediately"] as const) ?? cur.mode,
      // always_invoice is in the response enum but refused on write, as Stripe does.
      proration_behavior:
        sc.enumOf("proration_behavior", ["none", "create_prorations"] as const) ?? cur.proration_behavior,
      cancellation_reason: reason
        ? applyCancellationReason(cur.cancellation_reason, reason, mode)
        : cur.cancellation_reason,
    };
  }

  const sp = f.object("subscription_pause");
  if (sp) {
    const cur: Pause = current.subscription_pause ?? {
      enabled: false,
      duration: { type: "indefinite", interval_options: [] },
    };
    const duration = sp.object("duration");
    next.subscription_pause = {
      enabled: sp.boolean("enabled") ?? cur.enabled,
      duration: duration ? applyPauseDuration(duration) : cur.duration,
    };
  }

  const su = f.object("subscription_update");
  if (su) {
    const cur = current.subscription_update;
    const products = su.objectArray("products", { emptyable: true });
    if (products && products.length > MAX_PRODUCTS) {
      throw invalidParam(
        su.name("products"),
        `You can offer at most ${MAX_PRODUCTS} products in the customer portal.`,
      );
    }
    productsSent = products !== undefined;
    const schedule = su.object("schedule_at_period_end");
    next.subscription_update = {
      enabled: enabledFlag(su, true, mode) ?? cur.enabled,
      default_allowed_updates:
        su.enumArray("default_allowed_updates", DEFAULT_ALLOWED_UPDATES, { emptyable: true }) ??
        cur.default_allowed_updates,
      products: products === undefined ? cur.products : products === null ? [] : readProducts(products),
      proration_behavior:
        su.enumOf("proration_behavior", ["none", "create_prorations", "always_invoice"] as const) ??
        cur.proration_behavior,
      billing_cycle_anchor:
        su.enumOf("billing_cycle_anchor", ["now", "unchanged"] as const) ?? cur.billing_cycle_anchor,
      schedule_at_period_end: schedule
        ? { conditions: readConditions(schedule, cur) }
        : cur.schedule_at_period_end,
      trial_update_behavior:
        su.enumOf("trial_update_behavior", ["continue_trial", "end_trial"] as const) ??
        cur.trial_update_behavior,
    };
  }
  return { features: next, productsSent };
}

function applyCancellationReason(
  cur: Features["subscription_cancel"]["cancellation_reason"],
  r: ParamReader,
  mode: WriteMode,
): Features["subscription_cancel"]["cancellation_reason"] {
  if (mode === "create" && !r.has("options")) throw parameterMissing(r.name("options"));
  const feedback = r.array("feedback_options", { emptyable: true });
  if (feedback && feedback.length > 0) {
    throw invalidParam(
      r.name("feedback_options"),
      "Custom feedback options are not supported by this portal; use `options`.",
    );
  }
  return {
    enabled: r.requiredBoolean("enabled"),
    feedback_options: null,
    options: r.enumArray("options", CANCEL_REASONS, { emptyable: true }) ?? cur.options,
  };
}

function applyPauseDuration(d: ParamReader): Pause["duration"] {
  if (!d.has("type")) throw parameterMissing(d.name("type"));
  const type = d.enumOf("type", ["indefinite", "interval_options"] as const) as Pause["duration"]["type"];
  const options = (d.objectArray("interval_options", { emptyable: true }) ?? []).map((o) => {
    if (!o.has("interval")) throw parameterMissing(o.name("interval"));
    const interval = o.enumOf("interval", PAUSE_INTERVALS) as (typeof PAUSE_INTERVALS)[number];
    const count = o.integer("interval_count", { min: 1, max: PAUSE_MAX_COUNT[interval] }) ?? 1;
    return { interval, interval_count: count };
  });
  if (type === "interval_options" && options.length === 0) throw parameterMissing(d.name("interval_options"));
  return { type, interval_options: options };
}

function readConditions(
  s: ParamReader,
  cur: Features["subscription_update"],
): Features["subscription_update"]["schedule_at_period_end"]["conditions"] {
  const items = s.objectArray("conditions", { emptyable: true });
  if (items === undefined) return cur.schedule_at_period_end.conditions;
  const types: (typeof CONDITIONS)[number][] = [];
  for (const c of items ?? []) {
    if (!c.has("type")) throw parameterMissing(c.name("type"));
    const type = c.enumOf("type", CONDITIONS) as (typeof CONDITIONS)[number];
    if (!types.includes(type)) types.push(type);
  }
  return types.map((type) => ({ type }));
}

function readProducts(items: ParamReader[]): ConfigurationProduct[] {
  const seen = new Set<string>();
  return items.map((p) => {
    const product = p.requiredString("product");
    if (seen.has(product))
      throw invalidParam(p.name("product"), `The product \`${product}\` is listed more than once.`);
    seen.add(product);
    if (!p.has("prices")) throw parameterMissing(p.name("prices"));
    const prices = p.stringArray("prices") ?? [];
    if (prices.length === 0) throw parameterMissing(p.name("prices"));
    if (new Set(prices).size !== prices.length) {
      throw invalidParam(p.name("prices"), `The product \`${product}\` lists the same price more than once.`);
    }
    const aq = p.object("adjustable_quantity");
    // Without adjustable_quantity the quantity follows default_allowed_updates, as it did in
    // Stripe before per-product bounds existed.
    if (!aq) return { product, prices, adjustable_quantity: { enabled: true, minimum: 1, maximum: null } };
    const enabled = aq.requiredBoolean("enabled");
    const minimum = aq.integer("minimum", { min: 0, max: 99_999 }) ?? 1;
    const maximum = aq.integer("maximum", { min: 1, max: 99_999 }) ?? null;
    if (maximum !== null && maximum < minimum) {
      throw invalidParam(
        aq.name("maximum"),
        "The maximum quantity must be greater than or equal to the minimum quantity.",
      );
    }
    return { product, prices, adjustable_quantity: { enabled, minimum, maximum } };
  });
}
