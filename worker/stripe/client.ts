import Stripe from "stripe";

/** The Stripe API version the portal is written against (stripe-node v23's pinned version). */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

const clients = new WeakMap<typeof fetch, Map<string, Stripe>>();

/**
 * A Stripe client for this deployment. Connect calls pass `{ stripeAccount }` as the last
 * argument of each call; the client itself is account-neutral so one instance serves all.
 * Cached per (fetch, key, base) because building the SDK object costs more than a request.
 */
export function createStripeClient(
  env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE">,
  fetchFn: typeof fetch,
): Stripe {
  const base = new URL(env.STRIPE_API_BASE || "https://api.stripe.com");
  const cacheKey = `${env.STRIPE_SECRET_KEY}|${base.origin}`;
  let byKey = clients.get(fetchFn);
  if (!byKey) {
    byKey = new Map();
    clients.set(fetchFn, byKey);
  }
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const protocol = base.protocol === "http:" ? "http" : "https";
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    host: base.hostname,
    port: base.port || (protocol === "http" ? 80 : 443),
    protocol,
    httpClient: Stripe.createFetchHttpClient(fetchFn),
    // The SDK retries network errors, 409s and 5xx on idempotent requests with backoff.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "edge-customer-portal" },
  });
  byKey.set(cacheKey, client);
  return client;
}
