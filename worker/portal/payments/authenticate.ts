/**
 * Starting 3-D Secure without JavaScript: Stripe's server-side "manual redirect". The portal
 * confirms the PaymentIntent with a `return_url`; Stripe answers `requires_action` with a
 * `redirect_to_url` and the browser goes there (303). The bank's page sends it back to
 * `/p/payments/return` (see return-route.tsx), where the outcome is read from the intent.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { type AppEnv, isDevEnvironment } from "../../env";
import type { SubmissionKeys } from "../idempotency";
import { PAYMENT_RETURN_PATH } from "../paths";
import { classifyStripeError } from "../payment-methods/stripe-errors";
import { portalStripe } from "../stripe-call";
import { type PendingPayment, savePendingPayment } from "./pending-payment";
import { isAuthenticationUrlAllowed } from "./redirect-url";

/** How starting the authentication went. */
export type AuthenticationStart =
  /** The customer is on the way to the bank's page. */
  | { kind: "redirect"; response: Response }
  /** Confirming paid the invoice after all (no authentication was needed this time). */
  | { kind: "succeeded" }
  /** The bank declined the payment. */
  | { kind: "declined" }
  /** Stripe did not offer a page the portal may send the customer to. */
  | { kind: "refused" }
  /** Stripe could not be reached or failed. */
  | { kind: "unavailable" };

/** The URL Stripe sends the browser back to (Stripe adds `payment_intent` and more). */
export function paymentReturnUrl(c: Context<AppEnv>): string {
  return `${new URL(c.req.url).origin}${PAYMENT_RETURN_PATH}`;
}

/**
 * Confirms the PaymentIntent with the return URL (idempotency key from the submission) and,
 * when Stripe asks for the bank's page, remembers the authentication and redirects there.
 */
export async function startAuthentication(
  c: Context<AppEnv>,
  input: { intentId: string; paymentMethod?: string; keys: SubmissionKeys; record: PendingPayment },
): Promise<AuthenticationStart> {
  const { stripe, write } = portalStripe(c);
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.confirm(
      input.intentId,
      {
        return_url: paymentReturnUrl(c),
        ...(input.paymentMethod ? { payment_method: input.paymentMethod } : {}),
      },
      write(await input.keys.key("confirm")),
    );
  } catch (err) {
    const failure = classifyStripeError(err);
    if (failure.kind === "declined" || failure.kind === "requires_action") return { kind: "declined" };
    return { kind: failure.kind === "unavailable" ? "unavailable" : "refused" };
  }
  if (intent.status === "succeeded") return { kind: "succeeded" };
  const url = intent.status === "requires_action" ? intent.next_action?.redirect_to_url?.url : null;
  const policy = { apiBase: c.env.STRIPE_API_BASE || "https://api.stripe.com", dev: isDevEnvironment(c.env) };
  if (!url || !isAuthenticationUrlAllowed(url, policy)) return { kind: "refused" };
  await savePendingPayment(c.env.SESSIONS, c.var.session.record.id, intent.id, input.record);
  return { kind: "redirect", response: c.redirect(url, 303) };
}
