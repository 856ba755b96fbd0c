/**
 * Development mail transport: under `npm run dev` and the tests there is no mail server, so
 * passcode emails land in KV (`dev-outbox:v1:<sortable time>:<random>`, 1 hour TTL) and
 * `/dev/outbox` shows them. Never used in production (see mailer.ts).
 */
import { randomToken } from "../../lib/crypto";
import type { LoginEmail } from "./login-email";

const PREFIX = "dev-outbox:v1:";
const TTL_S = 60 * 60;

/** A stored message with the time it was sent (ms). */
export interface OutboxMessage extends LoginEmail {
  sentAt: number;
}

/** Keeps a message in the outbox. */
export async function storeInOutbox(kv: KVNamespace, email: LoginEmail, now: number): Promise<void> {
  // Inverted time first, so KV's lexicographic listing yields the newest message first.
  const inverted = String(9_999_999_999_999 - now).padStart(13, "0");
  const message: OutboxMessage = { ...email, sentAt: now };
  await kv.put(`${PREFIX}${inverted}:${randomToken(6)}`, JSON.stringify(message), { expirationTtl: TTL_S });
}

/** The newest messages, newest first (at most `limit`). */
export async function readOutbox(kv: KVNamespace, limit = 20): Promise<OutboxMessage[]> {
  const listed = await kv.list({ prefix: PREFIX, limit });
  const messages = await Promise.all(listed.keys.map((k) => kv.get<OutboxMessage>(k.name, "json")));
  return messages.filter((m): m is OutboxMessage => m !== null);
}
