/**
 * Which customer an email address logs in as. Stripe's rule: "the most recently created
 * customer that has both that email and an active subscription". A customer with that email
 * but no live subscription is still let in when no other one has one, so invoice-only
 * customers can reach their invoices (docs/decisions/0009-login-page.md).
 */

/** Subscription statuses that count as "active" for the login rule. */
const LIVE_STATUSES = new Set(["active", "trialing", "past_due"]);

/** A candidate customer with the statuses of its subscriptions. */
export interface LoginCandidate {
  id: string;
  /** Unix seconds. */
  created: number;
  subscriptionStatuses: readonly string[];
}

/** The customer to log in as, or null when no candidate exists. */
export function pickLoginCustomer(candidates: readonly LoginCandidate[]): string | null {
  const newestFirst = [...candidates].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const subscribed = newestFirst.find((c) => c.subscriptionStatuses.some((s) => LIVE_STATUSES.has(s)));
  return (subscribed ?? newestFirst[0])?.id ?? null;
}

/**
 * The address as typed, trimmed, when it looks like an email address; else null. Stripe's
 * email filter is case-sensitive, so the caller also tries the lower-case form.
 */
export function normalizeLoginEmail(input: string): string | null {
  const email = input.trim();
  if (email.length > 512) return null;
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null;
}
