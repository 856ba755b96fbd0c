import type Stripe from "stripe";
import type { Eligibility } from "../../billing/eligibility";
import type { SubscriptionNotice } from "../../billing/subscription-state";

/** Everything the subscription card shows for one subscription. */
export interface SubscriptionSummary {
  /** Items' prices expanded with their products. */
  subscription: Stripe.Subscription;
  notices: SubscriptionNotice[];
  /** The price a scheduled plan change moves to (with its product), when there is one. */
  scheduledPrice: Stripe.Price | null;
  /** The next invoice, from an invoice preview; null when the subscription will not renew. */
  next: { amount: number; currency: string; date: number } | null;
  /** Hosted page of the open invoice of a past_due subscription. */
  payUrl: string | null;
  /** Which buttons the card shows, each with the reason when refused. */
  actions: {
    update: Eligibility;
    cancel: Eligibility;
    pause: Eligibility;
    resume: Eligibility;
    renew: Eligibility;
  };
}
