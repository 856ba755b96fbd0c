/**
 * Quantity rules of a plan change: whether the quantity may change at all, and its bounds
 * from the product's `adjustable_quantity` (stripe-portal-api.md §3.5).
 */
import type { PortalConfiguration } from "../store/configuration-types";

/** What the customer may do with the quantity of one product. */
export interface QuantityRule {
  adjustable: boolean;
  minimum: number;
  /** null: no upper bound. */
  maximum: number | null;
}

/** Stripe's own ceiling for a subscription item quantity; also stops absurd input. */
const HARD_MAXIMUM = 1_000_000;

/**
 * The quantity rule for a product. Quantity must be among the allowed updates and the product
 * must have `adjustable_quantity.enabled`; the minimum defaults to 1.
 */
export function quantityRule(config: PortalConfiguration, productId: string): QuantityRule {
  const feature = config.features.subscription_update;
  const entry = feature.products.find((p) => p.product === productId);
  const adjustable =
    feature.default_allowed_updates.includes("quantity") && (entry?.adjustable_quantity.enabled ?? false);
  if (!adjustable || !entry) return { adjustable: false, minimum: 1, maximum: null };
  const minimum = Math.max(entry.adjustable_quantity.minimum ?? 1, 0);
  const maximum = entry.adjustable_quantity.maximum ?? null;
  return { adjustable, minimum, maximum };
}

/** Why a requested quantity is refused. */
export type QuantityProblem = "invalid" | "not_adjustable" | "below_minimum" | "above_maximum";

/** Parses a form's quantity field: a plain positive integer or null. */
export function parseQuantity(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^\s*\d{1,7}\s*$/.test(raw)) return null;
  return Number.parseInt(raw, 10);
}

/**
 * Checks a requested quantity. Keeping the current quantity is always fine, even when it lies
 * outside bounds the merchant introduced later (the customer is not forced to change it).
 */
export function quantityProblem(
  requested: number | null,
  current: number,
  rule: QuantityRule,
): QuantityProblem | null {
  if (requested === null || !Number.isInteger(requested) || requested < 0 || requested > HARD_MAXIMUM) {
    return "invalid";
  }
  if (requested === current) return null;
  if (!rule.adjustable) return "not_adjustable";
  if (requested < rule.minimum) return "below_minimum";
  if (rule.maximum !== null && requested > rule.maximum) return "above_maximum";
  return null;
}
