/**
 * Fixed-window counters in KV that brake the login page: how many codes one network and one
 * address may request. Key `login-throttle:v1:<bucket hash>:<window>`; TTL = rest of the
 * window + 60 s. Read-then-write is not atomic, so parallel requests can slip a little past
 * a limit; the limits are a brake on mail-bombing and guessing, not an exact quota.
 */
import { sha256Hex } from "../lib/crypto";

const KV_MIN_TTL_S = 60;

/** One limit: at most `limit` hits per `windowMs`. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** Codes one client network may request per window. */
export const NETWORK_SENDS: ThrottleRule = { limit: 20, windowMs: 15 * 60 * 1000 };
/** Codes one address may be sent per window (on one login page). */
export const ADDRESS_SENDS: ThrottleRule = { limit: 5, windowMs: 15 * 60 * 1000 };

/**
 * Counts a hit in `bucket` unless it is already full. Returns null when allowed, or the
 * seconds until the window ends when refused. A KV failure lets the request through.
 */
export async function takeHit(
  kv: KVNamespace,
  bucket: string,
  rule: ThrottleRule,
  now: number,
): Promise<number | null> {
  const window = Math.floor(now / rule.windowMs);
  const key = `login-throttle:v1:${await sha256Hex(bucket)}:${window}`;
  const retryAfterS = Math.ceil(((window + 1) * rule.windowMs - now) / 1000);
  const count = Number((await kv.get(key).catch(() => null)) ?? 0) || 0;
  if (count >= rule.limit) return retryAfterS;
  await kv.put(key, String(count + 1), { expirationTtl: retryAfterS + KV_MIN_TTL_S }).catch(() => undefined);
  return null;
}
