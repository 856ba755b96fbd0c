import Stripe from "stripe";

/** The Stripe API version the portal is written against (stripe-node v23's pinned version). */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

const clients = new WeakMap<typeof fetch, Map<string, Stripe>>();

/**
 * stripe-node retries network errors, 409s and 5xx but not a 429 unless Stripe's answer says
 * `Stripe-Should-Retry`. A customer's page would rather wait out a short burst than fail, so a
 * 429 without that header is marked retryable and gets the SDK's backoff. Writes carry
 * idempotency keys, so a retried write still applies once.
 */
export function retryRateLimits(fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await fetchFn(input, init);
    if (res.status !== 429 || res.headers.has("Stripe-Should-Retry")) return res;
    const headers = new Headers(res.headers);
    headers.set("Stripe-Should-Retry", "true");
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

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
    httpClient: Stripe.createFetchHttpClient(retryRateLimits(fetchFn)),
    // The SDK retries network errors, 409s, 5xx and (see above) 429s with backoff.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "edge-customer-portal" },
  });
  byKey.set(cacheKey, client);
  return client;
}
