import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { StripeError } from "../core/errors";
import type { WInvoice, WSubscription } from "../core/wire";
import {
  paymentMethodDeclines,
  paymentMethodRequiresAuthentication,
} from "../resources/payment-method-builders";
import { markPaid } from "./invoices";
import { setIntentState } from "./payment-intents";

/** The payment method an invoice is charged with: the subscription's default, else the customer's. */
export function invoicePaymentMethod(ctx: Ctx, invoice: WInvoice): string | null {
  const subId = invoice.parent?.subscription_details?.subscription;
  const sub = typeof subId === "string" ? ctx.account.get<WSubscription>("subscription", subId) : undefined;
  const fromSub = sub?.default_payment_method;
  if (typeof fromSub === "string") return fromSub;
  const customer = ctx.account.get<Stripe.Customer>("customer", String(invoice.customer));
  const fromCustomer = customer?.invoice_settings.default_payment_method;
  return typeof fromCustomer === "string" ? fromCustomer : null;
}

/** Stripe's card decline error. */
export function cardDeclined(pmId: string | null): StripeError {
  return new StripeError(402, "card_error", "Your card was declined.", {
    code: "card_declined",
    decline_code: "generic_decline",
    ...(pmId ? { payment_method: { id: pmId, object: "payment_method" } } : {}),
  });
}

/** The decline as the PaymentIntent's `last_payment_error` keeps it. */
export function declineError(pm: Stripe.PaymentMethod): Stripe.PaymentIntent.LastPaymentError {
  return {
    type: "card_error",
    code: "card_declined",
    decline_code: "generic_decline",
    message: "Your card was declined.",
    payment_method: pm,
  };
}

/**
 * `invoices.pay` (or any attempt without the customer) on a card that needs 3-D Secure: the
 * invoice stays open and its PaymentIntent waits in `requires_action`.
 */
export function invoiceRequiresAction(): StripeError {
  return new StripeError(
    402,
    "card_error",
    "This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice. For more details see: https://docs.stripe.com/billing/subscriptions/overview#requires-action",
    { code: "invoice_payment_intent_requires_action" },
  );
}

/**
 * A subscription create or update with `payment_behavior=error_if_incomplete` whose invoice
 * needs 3-D Secure: nothing is changed and Stripe answers with this 402.
 */
export function subscriptionRequiresAction(): StripeError {
  return new StripeError(
    402,
    "card_error",
    "Payment for this subscription requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with `subscription.latest_invoice`. Additional information is available here: https://docs.stripe.com/billing/subscriptions/overview#requires-action",
    { code: "subscription_payment_intent_requires_action" },
  );
}

/**
 * Attempts to collect an open invoice without the customer (renewals, updates, `invoices.pay`).
 * On success the invoice is paid; on failure the attempt is recorded (attempt_count,
 * next_payment_attempt, the PaymentIntent's outcome) and the error Stripe would return is
 * given. A card that needs 3-D Secure never succeeds here: only a confirm with the customer can.
 */
export function attemptPayment(ctx: Ctx, invoice: WInvoice, explicitPm?: string): StripeError | null {
  if (invoice.status !== "open") return null;
  if (invoice.amount_remaining === 0) {
    markPaid(invoice, ctx.ts());
    return null;
  }
  const pmId = explicitPm ?? invoicePaymentMethod(ctx, invoice);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  const pm = pmId ? ctx.account.get<Stripe.PaymentMethod>("payment_method", pmId) : undefined;
  if (!pm) {
    invoice.next_payment_attempt = null;
    return new StripeError(
      400,
      "invalid_request_error",
      "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
    );
  }
  if (paymentMethodRequiresAuthentication(pm)) {
    // Stripe does not retry these on its own: it asks the customer to authenticate.
    invoice.next_payment_attempt = null;
    setIntentState(ctx, invoice, {
      outcome: "requires_action",
      error: null,
      paymentMethod: pm.id,
      challenge: null,
    });
    return invoiceRequiresAction();
  }
  if (paymentMethodDeclines(pm)) {
    invoice.next_payment_attempt =
      invoice.collection_method === "charge_automatically" ? ctx.ts() + 3 * 86_400 : null;
    setIntentState(ctx, invoice, {
      outcome: "failed",
      error: declineError(pm),
      paymentMethod: pm.id,
      challenge: null,
    });
    return cardDeclined(pm.id);
  }
  invoice.default_payment_method = explicitPm ?? null;
  markPaid(invoice, ctx.ts());
  return null;
}
