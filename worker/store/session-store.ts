/**
 * Portal sessions in KV. Deliberately one file so the whole lifecycle can be audited at once.
 *
 * Key: `session:v1:<sha256(token)>`. Only the hash of the bearer token is stored, so a KV dump
 * cannot open anyone's portal. Expiry follows Stripe's documentation: 5 minutes after creation
 * while the link is unused; once opened, 1 hour after the latest activity. The authoritative
 * expiry is `expiresAt` in the value; KV's TTL only collects garbage.
 */
import type Stripe from "stripe";
import { randomToken, sha256Hex } from "../lib/crypto";

const KEY_PREFIX = "session:v1:";
/** Lifetime of a session whose URL has not been opened yet. */
export const UNUSED_SESSION_MS = 5 * 60 * 1000;
/** Lifetime after the latest activity once the session is in use. */
export const ACTIVE_SESSION_MS = 60 * 60 * 1000;
/**
 * Activity refreshes are written at most this often, so a busy page does not write KV on
 * every request. Expiry can therefore come up to this much earlier than 1 h after the
 * very latest request.
 */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** Workers KV rejects an expirationTtl below 60 s: the one choke point for that floor. */
const KV_MIN_TTL_S = 60;

/** The flow a session was created with; the same shape as Stripe's `session.flow`. */
export type SessionFlow = Stripe.BillingPortal.Session.Flow;

/** What KV holds for one portal session. */
export interface SessionRecord {
  /** `bps_…`, the id the merchant API returned. */
  id: string;
  /** The connected account (`Stripe-Account`) this session acts for; null for the platform. */
  account: string | null;
  customer: string;
  /** `bpc_…` of the configuration in force, resolved at creation. */
  configuration: string;
  /** The `locale` the merchant passed (Stripe value, `ar`, `he`), or null for auto. */
  locale: string | null;
  /** The customer's `preferred_locales` from Stripe, read when the session was created. */
  preferredLocales: string[];
  /** The customer's own language choice in the portal (sticks for the session). */
  uiLocale: string | null;
  returnUrl: string | null;
  onBehalfOf: string | null;
  flow: SessionFlow | null;
  livemode: boolean;
  /** Unix seconds, as in the API response. */
  created: number;
  /** Milliseconds; the session is dead at or after this instant. */
  expiresAt: number;
  /** When activity last extended `expiresAt` (ms); null while the URL is unused. */
  touchedAt: number | null;
  /** Per-session CSRF secret; every portal form carries it. */
  csrfToken: string;
  /**
   * Guesses read at creation that let pages start their dependent Stripe calls in their first
   * wave. Pages check every guess against fresh data: a stale one costs a wave, never a wrong
   * page. Absent on records written before it existed; null when it could not be read.
   */
  prefetch?: SessionPrefetch | null;
  /**
   * How the session began: through the merchant API (absent on older records) or the no-code
   * login page, where Stripe forbids changing the email address.
   */
  source?: "api" | "login_page";
}

/** See `SessionRecord.prefetch`; ids are sorted, without repeats. */
export interface SessionPrefetch {
  /** Subscriptions whose next invoice the home page previews. */
  previews: string[];
  /** Prices of scheduled plan changes the home page shows, known by id only. */
  prices: string[];
  /** The `subscription_update_confirm` flow's change, as its invoice preview needs it. */
  change: ChangeHint | null;
}

/** What an invoice preview of a plan change needs besides the configuration. */
export interface ChangeHint {
  /** The subscription item that changes (`si_…`). */
  item: string;
  price: string;
  quantity: number;
  /** The change ends a trial (`trial_end=now`). */
  endsTrial: boolean;
  /** The billing period's length changes. */
  newPeriod: boolean;
}

/** A stored session plus the hash it is stored under (needed to write it back). */
export interface LoadedSession {
  key: string;
  record: SessionRecord;
}

function kvTtlSeconds(expiresAt: number, now: number): number {
  return Math.max(KV_MIN_TTL_S, Math.ceil((expiresAt - now) / 1000) + KV_MIN_TTL_S);
}

/**
 * Stores a new session and returns the bearer token for its URL. The token is never stored.
 */
export async function createSession(
  kv: KVNamespace,
  fields: Omit<SessionRecord, "expiresAt" | "touchedAt" | "csrfToken" | "uiLocale">,
  now: number,
): Promise<{ token: string; record: SessionRecord }> {
  const token = randomToken(32);
  const record: SessionRecord = {
    ...fields,
    uiLocale: null,
    expiresAt: now + UNUSED_SESSION_MS,
    touchedAt: null,
    csrfToken: randomToken(24),
  };
  const key = KEY_PREFIX + (await sha256Hex(token));
  await kv.put(key, JSON.stringify(record), { expirationTtl: kvTtlSeconds(record.expiresAt, now) });
  return { token, record };
}

/** Why a token did not lead to a live session. */
export type SessionLookup =
  | { status: "active"; session: LoadedSession }
  | { status: "expired"; record: SessionRecord }
  | { status: "unknown" };

/** Finds the session for a bearer token, telling an expired one apart from an unknown one. */
export async function findSession(kv: KVNamespace, token: string, now: number): Promise<SessionLookup> {
  if (!token || token.length > 200) return { status: "unknown" };
  const key = KEY_PREFIX + (await sha256Hex(token));
  const record = await kv.get<SessionRecord>(key, "json");
  if (!record) return { status: "unknown" };
  if (now >= record.expiresAt) return { status: "expired", record };
  return { status: "active", session: { key, record } };
}

/**
 * Records activity: the first use switches to the 1-hour idle window; later uses extend it,
 * written at most once per TOUCH_INTERVAL_MS. Returns the record as it now stands.
 */
export async function touchSession(
  kv: KVNamespace,
  session: LoadedSession,
  now: number,
): Promise<SessionRecord> {
  const { record } = session;
  if (record.touchedAt !== null && now - record.touchedAt < TOUCH_INTERVAL_MS) return record;
  const next: SessionRecord = { ...record, touchedAt: now, expiresAt: now + ACTIVE_SESSION_MS };
  await kv.put(session.key, JSON.stringify(next), { expirationTtl: kvTtlSeconds(next.expiresAt, now) });
  session.record = next;
  return next;
}

/** Writes back a changed record (e.g. the customer's language choice) keeping its expiry. */
export async function saveSession(kv: KVNamespace, session: LoadedSession, now: number): Promise<void> {
  await kv.put(session.key, JSON.stringify(session.record), {
    expirationTtl: kvTtlSeconds(session.record.expiresAt, now),
  });
}
