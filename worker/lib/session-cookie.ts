import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

/**
 * The portal session cookie. On https it is `__Host-portal_session` (Secure, no Domain, Path=/),
 * which browsers refuse to set over plain http; local development on http://127.0.0.1 uses the
 * unprefixed name without Secure. HttpOnly and SameSite=Lax in both.
 */
export function sessionCookieName(url: string): string {
  return new URL(url).protocol === "https:" ? "__Host-portal_session" : "portal_session";
}

/** Reads the session token from the request's cookie, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName(c.req.url));
}

/** Stores the session token in the cookie. It lives as long as the browser session. */
export function writeSessionCookie(c: Context, token: string): void {
  const secure = new URL(c.req.url).protocol === "https:";
  setCookie(c, sessionCookieName(c.req.url), token, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "Lax",
  });
}
