import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";

const perRequest = new WeakMap<Request, Promise<Stripe.Customer>>();

/**
 * The session's customer, retrieved once per request however many sections ask for it (the
 * home page's payment, billing and invoice sections all read it in the same wave).
 */
export function retrieveCustomer(c: Context<AppEnv>): Promise<Stripe.Customer> {
  const cached = perRequest.get(c.req.raw);
  if (cached) return cached;
  const { stripe, read } = portalStripe(c);
  const promise = stripe.customers.retrieve(c.var.session.record.customer, {}, read).then((customer) => {
    // A customer deleted after the session was created leaves nothing to show.
    if (customer.deleted) throw new Error("the session's customer was deleted");
    return customer;
  });
  perRequest.set(c.req.raw, promise);
  return promise;
}

/** The id of an expandable field, whether Stripe returned the id or the object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
