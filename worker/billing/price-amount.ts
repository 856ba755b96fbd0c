/**
 * Price arithmetic the plan-change rules need: what one period of an item costs, and how long
 * a period is, so prices of different intervals can be compared "in the long term".
 */
import type Stripe from "stripe";

/** Average length of a recurring interval in days (a month is a twelfth of a Gregorian year). */
const DAYS_PER_INTERVAL: Record<string, number> = {
  day: 1,
  week: 7,
  month: 365.2425 / 12,
  year: 365.2425,
};

/** Length of one billing period of a recurring price in days, or null when not recurring. */
export function periodDays(price: Pick<Stripe.Price, "recurring">): number | null {
  const recurring = price.recurring;
  if (!recurring) return null;
  const unit = DAYS_PER_INTERVAL[recurring.interval];
  if (unit === undefined) return null;
  return unit * recurring.interval_count;
}

function unitAmount(price: Pick<Stripe.Price, "unit_amount" | "unit_amount_decimal">): number | null {
  if (price.unit_amount !== null) return price.unit_amount;
  if (price.unit_amount_decimal !== null) return Number(price.unit_amount_decimal);
  return null;
}

function tieredAmount(price: Stripe.Price, quantity: number): number | null {
  const tiers = price.tiers;
  if (!tiers || tiers.length === 0) return null;
  const amountOf = (tier: Stripe.Price.Tier, units: number) =>
    (tier.unit_amount ?? Number(tier.unit_amount_decimal ?? 0)) * units +
    (tier.flat_amount ?? Number(tier.flat_amount_decimal ?? 0));
  if (price.tiers_mode === "volume") {
    const tier = tiers.find((t) => t.up_to === null || quantity <= t.up_to) ?? tiers[tiers.length - 1];
    return tier ? amountOf(tier, quantity) : null;
  }
  let total = 0;
  let counted = 0;
  for (const tier of tiers) {
    if (counted >= quantity) break;
    const upTo = tier.up_to ?? Number.POSITIVE_INFINITY;
    const units = Math.min(quantity, upTo) - counted;
    total += amountOf(tier, units);
    counted += units;
  }
  return total;
}

/**
 * What one billing period of `quantity` units of a price costs, in minor units, before
 * discounts and tax; null when it cannot be known (tiers not loaded, custom units).
 */
export function periodAmount(price: Stripe.Price, quantity: number): number | null {
  if (price.billing_scheme === "tiered") return tieredAmount(price, quantity);
  const unit = unitAmount(price);
  if (unit === null) return null;
  const divide = price.transform_quantity;
  if (divide) {
    const units = quantity / divide.divide_by;
    return unit * (divide.round === "up" ? Math.ceil(units) : Math.floor(units));
  }
  return unit * quantity;
}

/** Cost per day of `quantity` units of a recurring price; null when unknown. */
export function dailyAmount(price: Stripe.Price, quantity: number): number | null {
  const amount = periodAmount(price, quantity);
  const days = periodDays(price);
  if (amount === null || days === null) return null;
  return amount / days;
}
