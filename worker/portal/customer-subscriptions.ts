/**
 * The session customer's subscriptions, listed once per request: the home page's subscription
 * cards and its payment methods section (last-method rule, overrides) read the same list, and
 * so do the payment method pages. Every status and every `on_behalf_of` is included (a method
 * may be charged by any of them); the cards filter with `listedSubscriptions`.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../env";
import { portalStripe } from "./stripe-call";

/** What the subscription cards show expanded: product names, scheduled changes, pay links. */
const EXPAND = ["data.items.data.price.product", "data.schedule", "data.latest_invoice"];

const perRequest = new WeakMap<Request, Promise<Stripe.Subscription[]>>();

/**
 * Every subscription of the session's customer, as Stripe had them when the request first
 * asked (a route that writes and then needs the new state must list again itself).
 */
export function listCustomerSubscriptions(c: Context<AppEnv>): Promise<Stripe.Subscription[]> {
  const cached = perRequest.get(c.req.raw);
  if (cached) return cached;
  const { stripe, read } = portalStripe(c);
  const promise = stripe.subscriptions
    .list({ customer: c.var.session.record.customer, status: "all", limit: 100, expand: EXPAND }, read)
    .then((list) => list.data);
  perRequest.set(c.req.raw, promise);
  return promise;
}
