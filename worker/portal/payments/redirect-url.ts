/**
 * Where the portal may send a customer to authenticate a payment. The URL comes from Stripe's
 * answer (`next_action.redirect_to_url.url`), never from the request, and is still checked, so
 * a response that is not Stripe's cannot turn the portal into an open redirect.
 */

/** What the check needs from the deployment. */
export interface RedirectPolicy {
  /** The configured Stripe API base (`STRIPE_API_BASE`). */
  apiBase: string;
  /** Development or tests, where the emulator's stand-in page serves from `apiBase`. */
  dev: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for Stripe's own pages (https on stripe.com or a subdomain, e.g. hooks.stripe.com) and,
 * in development and tests only, for pages on the configured Stripe API origin (the emulator).
 */
export function isAuthenticationUrlAllowed(url: string, policy: RedirectPolicy): boolean {
  const target = parse(url);
  if (!target || target.username || target.password) return false;
  const host = target.hostname.toLowerCase();
  if (target.protocol === "https:" && (host === "stripe.com" || host.endsWith(".stripe.com"))) return true;
  if (!policy.dev) return false;
  const api = parse(policy.apiBase);
  return api !== null && target.origin === api.origin;
}
