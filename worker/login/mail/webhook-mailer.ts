/**
 * Production mail transport: the portal has no mail server of its own, so it hands each
 * passcode email to the merchant's endpoint (`LOGIN_EMAIL_WEBHOOK_URL`) as JSON, signed like
 * Stripe's webhooks: `Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * keyed with `LOGIN_EMAIL_WEBHOOK_SECRET`. The endpoint sends it with whatever mail service
 * the merchant already uses (docs/decisions/0009-login-page.md).
 */
import type { LoginEmail } from "./login-email";

/** How long the merchant's endpoint gets before the send counts as failed. */
const TIMEOUT_MS = 10_000;

async function hmacHex(secret: string, payload: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    enc.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, enc.encode(payload));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The signature header for `body` sent at `timestamp` (unix seconds). */
export async function signatureHeader(secret: string, timestamp: number, body: string): Promise<string> {
  return `t=${timestamp},v1=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Posts one email to the merchant's endpoint; throws when it does not answer 2xx in time. */
export async function sendThroughWebhook(
  fetchFn: typeof fetch,
  target: { url: string; secret: string },
  email: LoginEmail,
  now: number,
): Promise<void> {
  const body = JSON.stringify({ type: "portal.login_code", email });
  const timestamp = Math.floor(now / 1000);
  const res = await fetchFn(target.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Portal-Signature": await signatureHeader(target.secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`login email webhook answered ${res.status}`);
}
