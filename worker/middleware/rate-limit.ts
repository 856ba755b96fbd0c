/**
 * Rate limiting of failed merchant-API authentication: a KV counter per client network and
 * fixed window (docs/decisions/0008-auth-failure-rate-limit.md). After AUTH_FAILURE_LIMIT
 * failures in a window, every request from that network is refused with Stripe's 429 until
 * the window ends; successes never count. A valid key is refused too while blocked: letting it
 * through would tell a guesser the moment they hit.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../api/api-env";
import { ApiError, errorResponse } from "../api/errors";
import { sha256Hex } from "../lib/crypto";

/** Failed authentications a client network may make per window. */
export const AUTH_FAILURE_LIMIT = 10;
/** Length of a window. */
export const AUTH_WINDOW_MS = 10 * 60 * 1000;
/** KV's smallest TTL; a counter outlives its window by this much. */
const KV_MIN_TTL_S = 60;

/**
 * The network a request comes from: the client IP Cloudflare reports, IPv6 cut to its /64
 * (one subscriber usually holds a whole /64, so single addresses would be free to rotate).
 * Requests without the header (tests, local dev) share one bucket.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

async function counterKey(c: Context<ApiEnv>, window: number): Promise<string> {
  const network = clientNetwork(c.req.header("CF-Connecting-IP"));
  // Hashed: the namespace holds no client addresses.
  return `ratelimit:v1:auth:${await sha256Hex(network)}:${window}`;
}

function tooManyFailures(retryAfterS: number): ApiError {
  return new ApiError(429, {
    type: "invalid_request_error",
    code: "rate_limit",
    message: `Too many requests with an invalid API key from your network. Try again in ${retryAfterS} seconds.`,
  });
}

/** Runs before `apiAuth`: refuses blocked networks and counts the 401s that follow. */
export const authFailureLimit = createMiddleware<ApiEnv>(async (c, next) => {
  const now = c.var.deps.now();
  const window = Math.floor(now / AUTH_WINDOW_MS);
  const key = await counterKey(c, window);
  const kv = c.env.SESSIONS;
  // A KV outage must not lock merchants out: the counter then reads as zero (fail open).
  const count = Number((await kv.get(key).catch(() => null)) ?? 0) || 0;
  if (count >= AUTH_FAILURE_LIMIT) {
    const retryAfterS = Math.ceil(((window + 1) * AUTH_WINDOW_MS - now) / 1000);
    // Retrying sooner only meets the same answer, so the SDK is told not to.
    return errorResponse(tooManyFailures(retryAfterS), {
      "Retry-After": String(retryAfterS),
      "Stripe-Should-Retry": "false",
    });
  }
  await next();
  if (c.res.status !== 401) return;
  const ttl = Math.ceil(((window + 1) * AUTH_WINDOW_MS - now) / 1000) + KV_MIN_TTL_S;
  // Read-then-write is not atomic, so parallel failures can be under-counted; the limit is a
  // brake on guessing, and keys carry far too many bits to guess anyway.
  await kv.put(key, String(count + 1), { expirationTtl: ttl }).catch(() => undefined);
});
