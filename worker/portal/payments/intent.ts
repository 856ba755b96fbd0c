/**
 * Finding an invoice's PaymentIntent. Since API 2025-03-31 an invoice has no `payment_intent`;
 * it is `invoice.payments.data[].payment.payment_intent`, and `payments` is only returned when
 * expanded.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";

const INTENT_ID = /^pi_[A-Za-z0-9_]{1,250}$/;

/** True for a string shaped like a PaymentIntent id; anything else never reaches Stripe. */
export function isIntentId(value: unknown): value is string {
  return typeof value === "string" && INTENT_ID.test(value);
}

/**
 * The PaymentIntent id of an invoice expanded with `payments`: the default payment's, else the
 * first one paid by a PaymentIntent. Null when there is none or `payments` was not expanded.
 */
export function invoiceIntentId(invoice: Stripe.Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const byIntent = payments.filter((p) => p.payment.type === "payment_intent" && p.payment.payment_intent);
  const chosen = byIntent.find((p) => p.is_default) ?? byIntent[0];
  const intent = chosen?.payment.payment_intent;
  if (!intent) return null;
  return typeof intent === "string" ? intent : intent.id;
}

/** Whether the invoice (expanded with `payments`) is paid by this PaymentIntent. */
export function invoicePaidBy(invoice: Stripe.Invoice, intentId: string): boolean {
  return (invoice.payments?.data ?? []).some((p) => {
    const intent = p.payment.payment_intent;
    return (typeof intent === "string" ? intent : intent?.id) === intentId;
  });
}

/** Loads an invoice with its payments (in the session's account). */
export function retrieveInvoiceWithPayments(c: Context<AppEnv>, invoiceId: string): Promise<Stripe.Invoice> {
  const { stripe, read } = portalStripe(c);
  return stripe.invoices.retrieve(invoiceId, { expand: ["payments"] }, read);
}
