/**
 * The two cookies of the login page, both HttpOnly, scoped to `/p/login` and `__Host-`-free
 * (a path-scoped cookie cannot carry that prefix):
 * - the form token, a double-submit CSRF token: before a session exists there is no secret to
 *   bind a form to, so the form field must equal a cookie a cross-site page cannot read or set;
 * - the challenge id, naming the pending passcode (its hash is the KV key).
 * `Secure` on https; SameSite=Strict, since nothing legitimate posts here from another site.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { randomToken } from "../lib/crypto";

const PATH = "/p/login";
const FORM_COOKIE = "login_form";
const CHALLENGE_COOKIE = "login_challenge";

function cookieOptions(c: Context) {
  return {
    path: PATH,
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Strict" as const,
  };
}

/** The form token of this browser, set on first use. */
export function formToken(c: Context): string {
  const existing = getCookie(c, FORM_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomToken(24);
  setCookie(c, FORM_COOKIE, token, cookieOptions(c));
  return token;
}

/** The form token cookie as sent, if any (never creates one). */
export function sentFormToken(c: Context): string | undefined {
  return getCookie(c, FORM_COOKIE);
}

/** Remembers the pending challenge in this browser. */
export function writeChallengeCookie(c: Context, id: string): void {
  setCookie(c, CHALLENGE_COOKIE, id, cookieOptions(c));
}

/** The pending challenge id, if any. */
export function readChallengeCookie(c: Context): string | undefined {
  return getCookie(c, CHALLENGE_COOKIE);
}

/** Forgets the challenge (after a successful login or when it is dead). */
export function clearChallengeCookie(c: Context): void {
  deleteCookie(c, CHALLENGE_COOKIE, cookieOptions(c));
}
