/**
 * What the portal remembers while the customer is away authenticating a payment: which
 * invoice the PaymentIntent pays and what finishing it means. Keyed by the session and the
 * PaymentIntent, so the return URL carries no secret of ours and only the session that started
 * the authentication can finish it.
 */
import { sha256Hex } from "../../lib/crypto";

/** Why the payment is being authenticated. */
export type PaymentPurpose = "plan_change" | "invoice_pay";

/** One authentication in progress (docs/storage-schema.md, `payment:v1:`). */
export interface PendingPayment {
  purpose: PaymentPurpose;
  /** The invoice the PaymentIntent pays. */
  invoice: string;
  /** The subscription a plan change is for, else null. */
  subscription: string | null;
  /** Portal path where "try again" leads if the authentication fails. */
  retry: string;
}

const PREFIX = "payment:v1:";
/** As long as a finished submission is remembered: longer than a session can sit idle. */
const TTL_S = 2 * 60 * 60;

async function keyFor(sessionId: string, intentId: string): Promise<string> {
  return PREFIX + (await sha256Hex(`${sessionId}|${intentId}`));
}

/** Remembers an authentication the session is about to send the customer to. */
export async function savePendingPayment(
  kv: KVNamespace,
  sessionId: string,
  intentId: string,
  record: PendingPayment,
): Promise<void> {
  await kv.put(await keyFor(sessionId, intentId), JSON.stringify(record), { expirationTtl: TTL_S });
}

function isPendingPayment(value: unknown): value is PendingPayment {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.purpose === "plan_change" || v.purpose === "invoice_pay") &&
    typeof v.invoice === "string" &&
    (v.subscription === null || typeof v.subscription === "string") &&
    typeof v.retry === "string" &&
    v.retry.startsWith("/p")
  );
}

/** The session's authentication for this PaymentIntent, or null (none, expired, or malformed). */
export async function loadPendingPayment(
  kv: KVNamespace,
  sessionId: string,
  intentId: string,
): Promise<PendingPayment | null> {
  const value = await kv.get<unknown>(await keyFor(sessionId, intentId), "json");
  return isPendingPayment(value) ? value : null;
}
