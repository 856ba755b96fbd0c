/**
 * Looks up who an email address logs in as, in one account. Stripe's email filter is
 * case-sensitive, so the typed address and its lower-case form are both asked (in parallel);
 * then each candidate's subscriptions are read in one more parallel wave.
 */
import type Stripe from "stripe";
import { type LoginCandidate, pickLoginCustomer } from "./pick-customer";

/** How many same-address customers are considered (newest first, as Stripe lists them). */
const MAX_CANDIDATES = 10;

/** The chosen customer with what its session needs, or null when the address matches nobody. */
export interface LoginCustomer {
  id: string;
  preferredLocales: string[];
}

/** Finds the customer `email` logs in as under `account` (null = the platform). */
export async function findLoginCustomer(
  stripe: Stripe,
  account: string | null,
  email: string,
): Promise<LoginCustomer | null> {
  const options: Stripe.RequestOptions = account ? { stripeAccount: account } : {};
  const forms = [...new Set([email, email.toLowerCase()])];
  const lists = await Promise.all(
    forms.map((form) => stripe.customers.list({ email: form, limit: MAX_CANDIDATES }, options)),
  );
  const byId = new Map<string, Stripe.Customer>();
  for (const list of lists) for (const customer of list.data) byId.set(customer.id, customer);
  const customers = [...byId.values()].sort((a, b) => b.created - a.created).slice(0, MAX_CANDIDATES);
  if (customers.length === 0) return null;
  const candidates: LoginCandidate[] = await Promise.all(
    customers.map(async (customer) => {
      const subs = await stripe.subscriptions.list(
        { customer: customer.id, status: "all", limit: 20 },
        options,
      );
      return {
        id: customer.id,
        created: customer.created,
        subscriptionStatuses: subs.data.map((s) => s.status),
      };
    }),
  );
  const chosen = pickLoginCustomer(candidates);
  const customer = chosen ? byId.get(chosen) : undefined;
  return customer ? { id: customer.id, preferredLocales: customer.preferred_locales ?? [] } : null;
}
