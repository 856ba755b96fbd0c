/**
 * Whether a plan change is applied now or scheduled for the end of the current period
 * (`features.subscription_update.schedule_at_period_end`). Stripe only schedules between prices
 * of the same product; a cross-product change always applies now.
 */
import type Stripe from "stripe";
import { productIdOf } from "./eligibility";
import { dailyAmount, periodDays } from "./price-amount";

/** One side of a change: the item's price and quantity. */
export interface ItemState {
  price: Stripe.Price;
  quantity: number;
}

type Condition = Stripe.BillingPortal.Configuration.Features.SubscriptionUpdate.ScheduleAtPeriodEnd.Condition;

/**
 * `decreasing_item_amount`: the item costs less afterwards. Prices of different intervals are
 * compared per unit of time, so monthly 10 → yearly 100 counts as decreasing ("cheaper in the
 * long term"), and monthly 10 → yearly 130 does not.
 */
export function isDecreasingItemAmount(from: ItemState, to: ItemState): boolean {
  const before = dailyAmount(from.price, from.quantity);
  const after = dailyAmount(to.price, to.quantity);
  if (before === null || after === null) return false;
  // A tolerance for the day-length arithmetic: equal long-term cost is not a decrease.
  return after < before - 1e-9;
}

/**
 * `shortening_interval`: the billing period gets shorter and nothing else about the item
 * changes (same product, same quantity), e.g. yearly → monthly.
 */
export function isShorteningInterval(from: ItemState, to: ItemState): boolean {
  const before = periodDays(from.price);
  const after = periodDays(to.price);
  if (before === null || after === null) return false;
  return after < before && from.quantity === to.quantity;
}

/**
 * True when the configured conditions say this change waits for the period end. Any matching
 * condition is enough; different products never schedule.
 */
export function shouldScheduleAtPeriodEnd(
  from: ItemState,
  to: ItemState,
  conditions: ReadonlyArray<Pick<Condition, "type">>,
): boolean {
  if (productIdOf(from.price) !== productIdOf(to.price)) return false;
  if (from.price.id === to.price.id && from.quantity === to.quantity) return false;
  return conditions.some((condition) => {
    if (condition.type === "decreasing_item_amount") return isDecreasingItemAmount(from, to);
    if (condition.type === "shortening_interval") return isShorteningInterval(from, to);
    return false;
  });
}
