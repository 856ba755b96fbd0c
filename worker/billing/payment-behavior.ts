/**
 * How a plan change asks Stripe to treat a payment that does not go through at once
 * (docs/decisions/0010-payment-authentication.md).
 *
 * A change that is invoiced now goes in as a pending update (`pending_if_incomplete`): Stripe
 * applies it only when its invoice is paid, so a card that needs 3-D Secure can be
 * authenticated and the change then takes effect, and a decline leaves the subscription as it
 * was. Pending updates accept only items, prorations, the billing anchor and trial fields, so
 * a change that adds a discount (a promotion code or a preset coupon) cannot be one; it keeps
 * `error_if_incomplete`, where Stripe refuses the whole update when the payment does not
 * succeed. A change invoiced later has nothing to collect now and needs neither, but
 * `error_if_incomplete` keeps any surprise charge from applying a change that was not paid.
 */

/** The `payment_behavior` values a plan change uses. */
export type ChangePaymentBehavior = "pending_if_incomplete" | "error_if_incomplete";

/** What the choice depends on. */
export interface ChangePaymentFacts {
  /** The change is invoiced at once (always_invoice, billing_cycle_anchor=now, a trial ending, a new interval). */
  invoicesNow: boolean;
  /** The change adds a discount, which Stripe's pending updates cannot carry. */
  addsDiscount: boolean;
}

/** The `payment_behavior` for an immediate plan change. */
export function changePaymentBehavior(facts: ChangePaymentFacts): ChangePaymentBehavior {
  return facts.invoicesNow && !facts.addsDiscount ? "pending_if_incomplete" : "error_if_incomplete";
}
