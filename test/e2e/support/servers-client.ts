/**
 * What a test file uses to talk to the running pair: the official SDK against the portal's
 * merchant API (to create sessions) and against the emulator (to check what changed).
 */
import Stripe from "stripe";
import { inject } from "vitest";
import type { RequestLogEntry } from "../../../emulator";

export const portalOrigin = inject("portalOrigin");
export const emulatorOrigin = inject("emulatorOrigin");
export const persistDir = inject("persistDir");
/** The merchant's website (a local stand-in): return URLs and redirects point here. */
export const merchantOrigin = inject("merchantOrigin");
/** The `return_url` every journey's session carries. */
export const RETURN_URL = `${merchantOrigin}/account`;

function sdk(key: string, origin: string, maxNetworkRetries: number): Stripe {
  const url = new URL(origin);
  return new Stripe(key, { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries });
}

/**
 * The merchant's backend: the official SDK with its host pointed at the portal. It retries
 * (with the SDK's idempotency keys) because `wrangler dev` briefly refuses connections while
 * it reloads after a source change.
 */
export const portal = sdk("sk_test_portal_dev", portalOrigin, 2);
/** Stripe as the portal sees it: the official SDK against the emulator. */
export const stripe = sdk("sk_test_emulator", emulatorOrigin, 0);

/** Puts the emulator back to its seed, so each journey starts from the same Stripe data. */
export async function resetEmulator(): Promise<void> {
  const res = await fetch(`${emulatorOrigin}/_emulator/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`emulator reset failed: ${res.status}`);
}

/** Every /v1 request the emulator received since the last reset or clear. */
export async function emulatorLog(): Promise<RequestLogEntry[]> {
  const res = await fetch(`${emulatorOrigin}/_emulator/log`);
  return (await res.json()) as RequestLogEntry[];
}

export async function clearEmulatorLog(): Promise<void> {
  await fetch(`${emulatorOrigin}/_emulator/log`, { method: "DELETE" });
}

/**
 * Opens a portal session through the merchant API with the official SDK, as a merchant's
 * backend would; `account` makes it a Connect session (`Stripe-Account`).
 */
export async function createSession(
  params: Stripe.BillingPortal.SessionCreateParams,
  account?: string,
): Promise<Stripe.BillingPortal.Session> {
  return portal.billingPortal.sessions.create(params, account ? { stripeAccount: account } : undefined);
}
