import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { StripeError } from "../core/errors";
import type { WInvoice, WSubscription } from "../core/wire";
import { paymentMethodDeclines } from "../resources/payment-method-builders";
import { markPaid } from "./invoices";

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

/**
 * Attempts to collect an open invoice. On success the invoice is paid; on failure the attempt
 * is recorded (attempt_count, next_payment_attempt) and the error Stripe would return is given.
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
  if (paymentMethodDeclines(pm)) {
    invoice.next_payment_attempt =
      invoice.collection_method === "charge_automatically" ? ctx.ts() + 3 * 86_400 : null;
    return cardDeclined(pm.id);
  }
  invoice.default_payment_method = explicitPm ?? null;
  markPaid(invoice, ctx.ts());
  return null;
}
