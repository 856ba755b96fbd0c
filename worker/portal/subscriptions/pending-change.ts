/**
 * A plan change Stripe keeps pending until its invoice is paid (`pending_if_incomplete`). When
 * the payment needs 3-D Secure the customer goes to the bank's page, and the change takes effect
 * as the authenticated payment pays the invoice (see payments/return-route.tsx). Any other
 * outcome voids the invoice, so nothing is left to pay by accident and the subscription stays
 * as it was.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { completeFlow } from "../flow-completion";
import type { SubmissionKeys } from "../idempotency";
import { classifyStripeError } from "../payment-methods/stripe-errors";
import { startAuthentication } from "../payments/authenticate";
import { invoiceIntentId, retrieveInvoiceWithPayments } from "../payments/intent";
import { voidUnpaidChangeInvoice } from "../payments/void-invoice";
import { portalStripe } from "../stripe-call";
import { type ProblemKind, renderProblem } from "./problem";

/** Statuses in which the customer can still pay the intent by authenticating. */
const AUTHENTICABLE = new Set(["requires_action", "requires_confirmation"]);

async function pendingIntent(c: Context<AppEnv>, latest: Stripe.Subscription["latest_invoice"]) {
  const invoice =
    latest && typeof latest !== "string" && latest.payments
      ? latest
      : await retrieveInvoiceWithPayments(c, typeof latest === "string" ? latest : (latest?.id ?? ""));
  const intentId = invoiceIntentId(invoice);
  if (!intentId) return null;
  const { stripe, read } = portalStripe(c);
  return stripe.paymentIntents.retrieve(intentId, {}, read);
}

/**
 * Settles an update that came back with `pending_update`: redirects to the bank's page, or
 * voids the invoice and says why nothing changed. `retry` is the preview of the same change.
 */
export async function settlePendingChange(
  c: Context<AppEnv>,
  updated: Stripe.Subscription,
  keys: SubmissionKeys,
  retry: string,
): Promise<Response> {
  const latest = updated.latest_invoice;
  const invoiceId = typeof latest === "string" ? latest : (latest?.id ?? null);
  if (!invoiceId) return renderProblem(c, "payment_failed", null);
  const giveUp = async (kind: ProblemKind, retryHref?: string) => {
    await voidUnpaidChangeInvoice(c, invoiceId, await keys.key("void"));
    return renderProblem(c, kind, null, retryHref);
  };
  let intent: Stripe.PaymentIntent | null;
  try {
    intent = await pendingIntent(c, latest);
  } catch (err) {
    const unavailable = classifyStripeError(err).kind === "unavailable";
    return unavailable ? giveUp("unavailable", retry) : giveUp("payment_failed");
  }
  // Declined (requires_payment_method) or anything unexpected: the change will not happen.
  if (!intent || !AUTHENTICABLE.has(intent.status)) return giveUp("payment_failed");
  const start = await startAuthentication(c, {
    intentId: intent.id,
    keys,
    record: { purpose: "plan_change", invoice: invoiceId, subscription: updated.id, retry },
  });
  switch (start.kind) {
    case "redirect":
      return start.response;
    case "succeeded":
      return completeFlow(c, "plan_updated");
    case "declined":
      return giveUp("payment_failed");
    case "refused":
      return giveUp("authentication_unavailable", retry);
    case "unavailable":
      return giveUp("unavailable", retry);
  }
}
