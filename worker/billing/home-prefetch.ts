/**
 * What the home page asks Stripe for once it knows the subscriptions: the next-invoice preview
 * of each subscription that will renew, and the target price of each scheduled plan change.
 * Computed when a session is created (the API lists the subscriptions anyway) and kept on the
 * session, so the home page can ask for these in the same wave as the list instead of after it.
 * A guess, never an authority: the page checks it against the fresh list.
 */
import type Stripe from "stripe";
import { isCancelScheduled, isPaused } from "./eligibility";
import { listedSubscriptions, nextPhase } from "./subscription-state";

/** Ids the home page loads after the subscription list (both sorted, no repeats). */
export interface HomePrefetch {
  /** Subscriptions whose next invoice the home page previews. */
  previews: string[];
  /** Prices of scheduled plan changes, named by id only in the schedule. */
  prices: string[];
}

/** True when the subscription will bill again, so its next invoice is worth previewing. */
export function hasNextInvoice(sub: Stripe.Subscription): boolean {
  return !(isCancelScheduled(sub) || isPaused(sub) || sub.status === "incomplete");
}

/**
 * The price of the scheduled change's next phase when the schedule (expanded on the
 * subscription) names it by id only; null when there is no such change or it is expanded.
 */
export function scheduledPriceId(sub: Stripe.Subscription): string | null {
  if (!sub.schedule || typeof sub.schedule === "string") return null;
  const price = nextPhase(sub.schedule)?.items[0]?.price;
  return typeof price === "string" ? price : null;
}

function sortedUnique(ids: Array<string | null>): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))].sort();
}

/**
 * What the home page will load after listing these subscriptions (all of the customer's, any
 * status, `schedule` expanded) for a session with this `on_behalf_of`.
 */
export function homePrefetch(subs: readonly Stripe.Subscription[], onBehalfOf: string | null): HomePrefetch {
  const listed = listedSubscriptions(subs, onBehalfOf);
  return {
    previews: sortedUnique(listed.filter(hasNextInvoice).map((s) => s.id)),
    prices: sortedUnique(listed.map(scheduledPriceId)),
  };
}

/** True when two prefetch sets ask for the same things. */
export function samePrefetch(a: HomePrefetch, b: HomePrefetch): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((id, i) => id === y[i]);
  return same(a.previews, b.previews) && same(a.prices, b.prices);
}
