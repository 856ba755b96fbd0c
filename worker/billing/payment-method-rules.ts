/**
 * Pure rules for the payment methods section: whether a method may be removed, and which
 * currency a new method is set up in.
 */
import type Stripe from "stripe";

/** The subscription fields these rules read (a full Subscription satisfies it). */
export type SubscriptionForPaymentRules = Pick<
  Stripe.Subscription,
  "status" | "collection_method" | "currency"
>;

/** Statuses after which a subscription never charges again. */
const ENDED: ReadonlySet<Stripe.Subscription.Status> = new Set(["canceled", "incomplete_expired"]);

/**
 * True when some subscription will charge the customer's saved method on its own: not ended
 * and `collection_method=charge_automatically`. A paused or trialing subscription counts,
 * because it resumes charging without the customer doing anything.
 */
export function chargesAutomatically(subscriptions: readonly SubscriptionForPaymentRules[]): boolean {
  return subscriptions.some((s) => !ENDED.has(s.status) && s.collection_method === "charge_automatically");
}

/** Why a method may not be removed. */
export type RemoveRefusal = "last_method_in_use";

/**
 * Whether the customer may detach one of their methods. The last remaining method stays while
 * a subscription charges automatically (Stripe's portal rule: add a new one first).
 */
export function mayRemovePaymentMethod(input: {
  /** How many methods the customer has, including the one to remove. */
  methodCount: number;
  subscriptions: readonly SubscriptionForPaymentRules[];
}): RemoveRefusal | null {
  if (input.methodCount <= 1 && chargesAutomatically(input.subscriptions)) return "last_method_in_use";
  return null;
}

/** Currency used when nothing about the customer says otherwise. */
export const DEFAULT_SETUP_CURRENCY = "usd";

/**
 * The currency Checkout (setup mode) offers payment method types for: that of the customer's
 * live subscriptions (the one most of them bill in; ties go to the first listed), else the
 * customer's own `currency`, else USD. The methods added must work for what is charged.
 */
export function setupCurrency(
  subscriptions: readonly SubscriptionForPaymentRules[],
  customerCurrency: string | null | undefined,
): string {
  const counts = new Map<string, number>();
  for (const s of subscriptions) {
    if (ENDED.has(s.status) || !s.currency) continue;
    const currency = s.currency.toLowerCase();
    counts.set(currency, (counts.get(currency) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of counts) {
    if (count > bestCount) {
      best = currency;
      bestCount = count;
    }
  }
  return best ?? (customerCurrency ? customerCurrency.toLowerCase() : DEFAULT_SETUP_CURRENCY);
}
