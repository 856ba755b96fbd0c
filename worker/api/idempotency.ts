/**
 * Stripe's `Idempotency-Key` semantics for the merchant API's POSTs. Key:
 * `idem:v1:<scope>:<sha256(key)>` (scope = `acct_…` or `platform`), TTL 24 h. The record holds
 * a hash of method, path and parameters; a repeat with the same hash replays the stored
 * response, a repeat with different parameters is an `idempotency_error`. The stored body is
 * sealed under the raw key (which KV never holds), because a session's body carries the
 * bearer URL of the customer's portal: a KV dump must not open anyone's portal.
 */
import { createMiddleware } from "hono/factory";
import { sha256Hex } from "../lib/crypto";
import { openText, sealText } from "../lib/seal";
import type { ApiEnv } from "./api-env";
import { ApiError } from "./errors";

const REPLAY_TTL_S = 24 * 60 * 60;
/** How long an in-flight marker blocks the key; KV's floor, and far past any request's length. */
const IN_FLIGHT_TTL_S = 60;
const MAX_KEY_LENGTH = 255;

type IdempotencyRecord =
  | { state: "in_flight"; paramsHash: string }
  | { state: "done"; paramsHash: string; status: number; body: string };

/** Binds a sealed body to its account scope. */
function sealContext(account: string | null): string {
  return `idempotency-body:v1:${account ?? "platform"}`;
}

/** The KV key of an idempotency record. */
export async function idempotencyKvKey(account: string | null, key: string): Promise<string> {
  return `idem:v1:${account ?? "platform"}:${await sha256Hex(key)}`;
}

/** JSON with object keys sorted, so the same parameters always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Applies the key to POST requests that carry one. Only successful responses are stored:
 * our endpoints change nothing before validation passes, so a failed request can safely run
 * again, and a transient upstream error must not be replayed for a day.
 */
export const idempotency = createMiddleware<ApiEnv>(async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (key === "" || key.length > MAX_KEY_LENGTH) {
    throw new ApiError(400, {
      type: "invalid_request_error",
      message: `Invalid Idempotency-Key: it must be between 1 and ${MAX_KEY_LENGTH} characters long.`,
    });
  }
  const kv = c.env.SESSIONS;
  const kvKey = await idempotencyKvKey(c.var.account, key);
  const paramsHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalJson(c.var.params)}`);
  const existing = await kv.get<IdempotencyRecord>(kvKey, "json");
  if (existing) {
    if (existing.paramsHash !== paramsHash) {
      throw new ApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (existing.state === "in_flight") {
      throw new ApiError(409, {
        type: "idempotency_error",
        code: "idempotency_key_in_use",
        message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
      });
    }
    const body = await openText(key, sealContext(c.var.account), existing.body);
    if (body === null) {
      throw new ApiError(500, { type: "api_error", message: "The stored response could not be replayed." });
    }
    return new Response(body, {
      status: existing.status,
      headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
    });
  }

  await kv.put(kvKey, JSON.stringify({ state: "in_flight", paramsHash } satisfies IdempotencyRecord), {
    expirationTtl: IN_FLIGHT_TTL_S,
  });
  try {
    await next();
  } catch (error) {
    await kv.delete(kvKey);
    throw error;
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    const body = await sealText(key, sealContext(c.var.account), await c.res.clone().text());
    const record: IdempotencyRecord = { state: "done", paramsHash, status: c.res.status, body };
    await kv.put(kvKey, JSON.stringify(record), { expirationTtl: REPLAY_TTL_S });
  } else {
    await kv.delete(kvKey);
  }
});
