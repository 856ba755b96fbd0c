/**
 * The one way portal routes talk to Stripe: the deployment's client plus request options that
 * carry this session's connected account. stripe-node v23 takes options as the LAST argument
 * of every call; pass `read` to reads and `write(key)` to writes.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../env";
import { createStripeClient } from "../stripe/client";

/** A Stripe client and per-request options bound to the session's account. */
export interface PortalStripe {
  stripe: Stripe;
  /** Options for a read: the session's `Stripe-Account`, if any. */
  read: Stripe.RequestOptions;
  /** Options for a write: the account plus the idempotency key (from `runOnce`). */
  write(idempotencyKey: string): Stripe.RequestOptions;
}

/** Builds the session's Stripe access. The account comes from the session, never the request. */
export function portalStripe(c: Context<AppEnv>): PortalStripe {
  const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
  const account = c.var.stripeAccount;
  const read: Stripe.RequestOptions = account ? { stripeAccount: account } : {};
  return {
    stripe,
    read,
    write: (idempotencyKey) => ({ ...read, idempotencyKey }),
  };
}
