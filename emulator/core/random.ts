const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Deterministic id source. Ids come from a seeded PRNG so a re-seeded emulator produces the
 * same ids in the same order, which keeps test output and hosted-page links stable.
 */
export class IdGenerator {
  private state: number;

  constructor(private readonly seed = 0x5eed_1d5) {
    this.state = seed;
  }

  reset(): void {
    this.state = this.seed;
  }

  /** mulberry32: small, fast and good enough for ids. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Random base62 string of the given length. */
  chars(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(this.next() * ALPHABET.length)];
    return out;
  }

  /** A Stripe-looking id such as `sub_1Qx…` (24 characters after the prefix). */
  id(prefix: string): string {
    return `${prefix}_1${this.chars(23)}`;
  }
}

/** Non-deterministic token (request ids), from the platform's CSPRNG. */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
