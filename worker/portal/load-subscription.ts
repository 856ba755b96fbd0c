/**
 * Loading a subscription the customer acts on, with the ownership check every action needs:
 * a malformed id never reaches Stripe; an unknown id, another customer's subscription, one
 * under another account (the session's `Stripe-Account` scopes the lookup) or outside the
 * session's `on_behalf_of` all read as null, which the routes answer with 404.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../env";
import { isNotFound } from "./payment-methods/stripe-errors";
import { portalStripe } from "./stripe-call";

const SUBSCRIPTION_ID = /^sub_[A-Za-z0-9]{1,250}$/;

/** What the subscription pages need expanded. */
export const SUBSCRIPTION_EXPAND = ["items.data.price.product", "schedule", "discounts", "latest_invoice"];

function idOf(value: string | { id: string } | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? value : value.id;
}

/** True when the subscription belongs to this session (customer and `on_behalf_of`). */
export function ownedBySession(
  sub: Stripe.Subscription,
  record: { customer: string; onBehalfOf: string | null },
): boolean {
  if (idOf(sub.customer) !== record.customer) return false;
  return record.onBehalfOf === null || idOf(sub.on_behalf_of) === record.onBehalfOf;
}

/** The session's subscription with this id, expanded for the pages, or null. */
export async function loadOwnedSubscription(
  c: Context<AppEnv>,
  id: string,
): Promise<Stripe.Subscription | null> {
  if (!SUBSCRIPTION_ID.test(id)) return null;
  const { stripe, read } = portalStripe(c);
  try {
    const sub = await stripe.subscriptions.retrieve(id, { expand: SUBSCRIPTION_EXPAND }, read);
    return ownedBySession(sub, c.var.session.record) ? sub : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** The subscription's only item, for plan changes (eligibility has ruled out several). */
export function singleItem(sub: Stripe.Subscription): Stripe.SubscriptionItem | null {
  return sub.items.data.length === 1 ? (sub.items.data[0] ?? null) : null;
}
