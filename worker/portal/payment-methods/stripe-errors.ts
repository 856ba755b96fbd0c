/**
 * Sorting Stripe failures into what the customer is told. Only the kind crosses into the page;
 * Stripe's own message (English, sometimes technical) never does.
 */
import Stripe from "stripe";

/** What went wrong, from the customer's point of view. */
export type StripeFailure =
  /** The object does not exist (for this customer/account): a 404 page. */
  | "not_found"
  /** The bank or card refused the payment. */
  | "declined"
  /** The payment needs the customer (3-D Secure): see payments/authenticate.ts. */
  | "requires_action"
  /** Stripe refused the request's content (e.g. an invalid tax ID), `param` says which field. */
  | "invalid"
  /** Stripe could not be reached or failed: try again later. */
  | "unavailable";

/** Classifies an error thrown by a Stripe call; anything that is not a Stripe error rethrows. */
export function classifyStripeError(err: unknown): { kind: StripeFailure; code?: string; param?: string } {
  if (!(err instanceof Stripe.errors.StripeError)) throw err;
  const code = err.code;
  const param = err.param;
  const details = { ...(code !== undefined && { code }), ...(param !== undefined && { param }) };
  if (err.code === "resource_missing" || err.statusCode === 404) return { kind: "not_found", ...details };
  if (
    err.code === "invoice_payment_intent_requires_action" ||
    err.code === "subscription_payment_intent_requires_action" ||
    err.code === "authentication_required"
  ) {
    return { kind: "requires_action", ...details };
  }
  if (err instanceof Stripe.errors.StripeCardError) return { kind: "declined", ...details };
  if (
    err instanceof Stripe.errors.StripeInvalidRequestError ||
    err.statusCode === 400 ||
    err.statusCode === 402
  ) {
    return { kind: "invalid", ...details };
  }
  return { kind: "unavailable", ...details };
}

/** True for Stripe's "no such object" answer, which the portal shows as its 404 page. */
export function isNotFound(err: unknown): boolean {
  return err instanceof Stripe.errors.StripeError && classifyStripeError(err).kind === "not_found";
}
