import type { Context } from "hono";
import Stripe from "stripe";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";

/**
 * Voids the open invoice of a plan change that will not happen (declined, authentication
 * failed), so nothing is left for the customer to pay by accident; Stripe then drops the
 * pending update. Best effort: if Stripe cannot be reached, it voids the invoice itself when
 * the pending update expires (23 hours at most).
 */
export async function voidUnpaidChangeInvoice(
  c: Context<AppEnv>,
  invoiceId: string,
  idempotencyKey: string,
): Promise<void> {
  const { stripe, write } = portalStripe(c);
  try {
    await stripe.invoices.voidInvoice(invoiceId, {}, write(idempotencyKey));
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    console.error("could not void the invoice of an unpaid plan change", invoiceId, err.message);
  }
}
