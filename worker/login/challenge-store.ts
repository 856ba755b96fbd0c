/**
 * Login challenges: one per "send me a code" request. The browser holds a random challenge id
 * in a cookie; KV holds only its SHA-256, with the hash of the passcode and what a correct code
 * opens. Key `login-challenge:v1:<sha256(id)>`, expiry in the value (10 minutes), KV TTL only
 * collects garbage. A challenge for an address that matched no customer is stored the same
 * way with `customer: null`, so both cases look alike from outside.
 */
import { randomToken, sha256Hex } from "../lib/crypto";

const KEY_PREFIX = "login-challenge:v1:";
/** How long an emailed passcode works. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes a challenge tolerates before it is thrown away. */
export const MAX_CODE_ATTEMPTS = 5;
const KV_MIN_TTL_S = 60;

/** What KV holds for one challenge. */
export interface ChallengeRecord {
  /** The login page (slug) it was started on; a code only works there. */
  slug: string;
  account: string | null;
  configuration: string;
  /** The customer a correct code logs in as; null when the address matched nobody. */
  customer: string | null;
  /** The address as the customer typed it (shown back to them on the code page). */
  email: string;
  preferredLocales: string[];
  codeHash: string;
  attempts: number;
  /** Milliseconds; the code is dead at or after this instant. */
  expiresAt: number;
}

/** A stored challenge and the key it lives under. */
export interface LoadedChallenge {
  key: string;
  record: ChallengeRecord;
}

async function keyOf(id: string): Promise<string> {
  return KEY_PREFIX + (await sha256Hex(id));
}

function ttl(record: ChallengeRecord, now: number): number {
  return Math.max(KV_MIN_TTL_S, Math.ceil((record.expiresAt - now) / 1000) + KV_MIN_TTL_S);
}

/** A fresh challenge id for the cookie. */
export function newChallengeId(): string {
  return randomToken(32);
}

/** Stores a challenge under the hash of its id. */
export async function saveChallenge(
  kv: KVNamespace,
  id: string,
  record: ChallengeRecord,
  now: number,
): Promise<void> {
  await kv.put(await keyOf(id), JSON.stringify(record), { expirationTtl: ttl(record, now) });
}

/** The live challenge for an id, or null when it is unknown, used up or expired. */
export async function findChallenge(
  kv: KVNamespace,
  id: string,
  now: number,
): Promise<LoadedChallenge | null> {
  if (!id || id.length > 100) return null;
  const key = await keyOf(id);
  const record = await kv.get<ChallengeRecord>(key, "json");
  if (!record || now >= record.expiresAt || record.attempts >= MAX_CODE_ATTEMPTS) return null;
  return { key, record };
}

/** Counts a wrong code; returns how many attempts are left. */
export async function recordWrongCode(
  kv: KVNamespace,
  challenge: LoadedChallenge,
  now: number,
): Promise<number> {
  const record = { ...challenge.record, attempts: challenge.record.attempts + 1 };
  const left = MAX_CODE_ATTEMPTS - record.attempts;
  if (left <= 0) await kv.delete(challenge.key);
  else await kv.put(challenge.key, JSON.stringify(record), { expirationTtl: ttl(record, now) });
  return Math.max(0, left);
}

/** Ends a challenge (used: a code opens the portal once). */
export async function deleteChallenge(kv: KVNamespace, challenge: LoadedChallenge): Promise<void> {
  await kv.delete(challenge.key);
}
