/**
 * One-time passcodes for the login page: six decimal digits, drawn without modulo bias, and
 * stored only as a hash bound to the challenge they belong to.
 */
import { sha256Hex } from "../lib/crypto";

/** Digits in a passcode. */
export const PASSCODE_LENGTH = 6;

/** A uniformly random passcode such as "042917". */
export function newPasscode(): string {
  const limit = 10 ** PASSCODE_LENGTH;
  // Largest multiple of `limit` below 2^32: values above it would favour low codes.
  const ceiling = Math.floor(0x1_0000_0000 / limit) * limit;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const value = buf[0] ?? 0;
    if (value < ceiling) return String(value % limit).padStart(PASSCODE_LENGTH, "0");
  }
}

/**
 * What the customer typed, reduced to its digits: people paste "123 456" or "123-456" from
 * the email. Null when it cannot be a passcode.
 */
export function normalizePasscode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return new RegExp(`^[0-9]{${PASSCODE_LENGTH}}$`).test(digits) ? digits : null;
}

/** The stored form of a passcode: bound to its challenge, so equal codes hash differently. */
export function hashPasscode(challengeId: string, code: string): Promise<string> {
  return sha256Hex(`login-passcode:${challengeId}:${code}`);
}
