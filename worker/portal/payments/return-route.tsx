/**
 * `GET /p/payments/return`: where Stripe sends the customer back after the bank's 3-D Secure
 * page, with `?payment_intent=pi_…&payment_intent_client_secret=…&redirect_status=…`. Only the
 * PaymentIntent's own status counts (the query can be edited); the session must be the one that
 * started the authentication, and the intent and its invoice must be the session customer's.
 */
import { type Context, Hono } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { idOf } from "../billing-details/customer";
import { completeFlow } from "../flow-completion";
import { idempotencyKeyFor } from "../idempotency";
import { PAID, renderInvoices } from "../invoices/routes";
import { isNotFound } from "../payment-methods/stripe-errors";
import { portalStripe } from "../stripe-call";
import { renderProblem } from "../subscriptions/problem";
import { invoicePaidBy, isIntentId, retrieveInvoiceWithPayments } from "./intent";
import { loadPendingPayment, type PendingPayment } from "./pending-payment";
import { voidUnpaidChangeInvoice } from "./void-invoice";

export const paymentRoutes = new Hono<AppEnv>();

/** A plan change: applied by Stripe when the authenticated payment paid its invoice. */
async function finishPlanChange(
  c: Context<AppEnv>,
  intent: Stripe.PaymentIntent,
  invoice: Stripe.Invoice,
  record: PendingPayment,
): Promise<Response> {
  if (intent.status === "succeeded") return completeFlow(c, "plan_updated");
  // Failed or abandoned: the change must not apply later by surprise, so its invoice goes.
  if (invoice.status === "open") {
    const key = await idempotencyKeyFor(
      c.var.session.record.id,
      `payment-return:${intent.id}`,
      "return",
      "void",
    );
    await voidUnpaidChangeInvoice(c, invoice.id, key);
  }
  return renderProblem(c, "authentication_failed", null, record.retry);
}

/** An invoice payment: a real debt, so a failure leaves the invoice open to pay again. */
function finishInvoicePayment(
  c: Context<AppEnv>,
  intent: Stripe.PaymentIntent,
): Promise<Response> | Response {
  if (intent.status === "succeeded") return c.redirect(PAID, 303);
  return renderInvoices(c, 422, "invoices.errors.authentication_failed");
}

paymentRoutes.get("/return", async (c) => {
  const intentId = c.req.query("payment_intent");
  if (!isIntentId(intentId)) return c.notFound();
  const { id: sessionId, customer } = c.var.session.record;
  const record = await loadPendingPayment(c.env.SESSIONS, sessionId, intentId);
  if (!record) return c.notFound();
  const { stripe, read } = portalStripe(c);
  let intent: Stripe.PaymentIntent;
  let invoice: Stripe.Invoice;
  try {
    [intent, invoice] = await Promise.all([
      stripe.paymentIntents.retrieve(intentId, {}, read),
      retrieveInvoiceWithPayments(c, record.invoice),
    ]);
  } catch (err) {
    if (isNotFound(err)) return c.notFound();
    throw err;
  }
  const owned =
    idOf(intent.customer) === customer &&
    idOf(invoice.customer) === customer &&
    invoicePaidBy(invoice, intent.id);
  if (!owned) return c.notFound();
  return record.purpose === "plan_change"
    ? finishPlanChange(c, intent, invoice, record)
    : finishInvoicePayment(c, intent);
});
