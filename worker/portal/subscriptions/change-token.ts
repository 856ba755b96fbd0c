/**
 * A signature over the previewed change, carried by the confirm form, so that "Confirm" applies
 * exactly what the preview showed (same price, quantity, discount and proration date) and a
 * crafted form cannot move the proration date. Keyed with the session's CSRF secret, which
 * never leaves the server except inside this session's own forms.
 */
const encoder = new TextEncoder();

/** The parts of a change the signature covers. */
export interface SignedChange {
  subscription: string;
  item: string;
  price: string;
  quantity: number;
  discount: string | null;
  prorationDate: number;
  scheduled: boolean;
}

function payload(change: SignedChange): string {
  return [
    change.subscription,
    change.item,
    change.price,
    change.quantity,
    change.discount ?? "",
    change.prorationDate,
    change.scheduled ? "1" : "0",
  ].join("|");
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(`change:${secret}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Signs a previewed change for the confirm form. */
export async function signChange(secret: string, change: SignedChange): Promise<string> {
  const key = await hmacKey(secret);
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(payload(change))));
}

/** True when the form's signature matches the change (constant-time, by WebCrypto). */
export async function verifyChange(
  secret: string,
  change: SignedChange,
  signature: unknown,
): Promise<boolean> {
  if (typeof signature !== "string") return false;
  const bytes = fromHex(signature);
  if (!bytes) return false;
  const key = await hmacKey(secret);
  return crypto.subtle.verify("HMAC", key, bytes, encoder.encode(payload(change)));
}
