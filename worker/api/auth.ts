import { createMiddleware } from "hono/factory";
import { isDevEnvironment } from "../env";
import { timingSafeEqualStrings } from "../lib/crypto";
import type { ApiEnv } from "./api-env";
import { authenticationError } from "./errors";

/** The merchant API key `npm run dev` and the tests use; never accepted in production. */
export const DEV_API_KEY = "sk_test_portal_dev";

const NO_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";

/** The keys this deployment accepts: `PORTAL_API_KEYS` (comma-separated) plus the dev key in dev. */
export function acceptedApiKeys(env: Env): string[] {
  const keys = (env.PORTAL_API_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  if (isDevEnvironment(env) && !keys.includes(DEV_API_KEY)) keys.push(DEV_API_KEY);
  return keys;
}

/**
 * The key from `Authorization: Bearer <key>` or Basic auth with the key as user name (how
 * Stripe's SDKs and `curl -u key:` send it). Returns null when the header has neither.
 */
export function apiKeyFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme = "", ...rest] = header.trim().split(/\s+/);
  const value = rest.join(" ");
  if (!value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    try {
      const decoded = atob(value);
      const user = decoded.split(":")[0] ?? "";
      return user || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** True when `key` equals one of `keys`. Every key is compared, so timing shows no match position. */
export async function isAcceptedKey(key: string, keys: readonly string[]): Promise<boolean> {
  const results = await Promise.all(keys.map((k) => timingSafeEqualStrings(key, k)));
  return results.includes(true);
}

function redact(key: string): string {
  const cut = key.lastIndexOf("_");
  const prefix = cut > 0 && cut < 12 ? key.slice(0, cut + 1) : "";
  return `${prefix}${"*".repeat(12)}${key.length > 16 ? key.slice(-4) : ""}`;
}

/** Refuses any request without an accepted key with Stripe's 401 envelope. */
export const apiAuth = createMiddleware<ApiEnv>(async (c, next) => {
  const key = apiKeyFromHeader(c.req.header("Authorization"));
  if (!key) throw authenticationError(NO_KEY_MESSAGE);
  // In production with no PORTAL_API_KEYS this list is empty and every request is refused.
  if (!(await isAcceptedKey(key, acceptedApiKeys(c.env)))) {
    throw authenticationError(`Invalid API Key provided: ${redact(key)}`);
  }
  await next();
});
