import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Security headers on every response. The CSP allows no inline script except by nonce, and
 * form-action must allow https: because several forms end in a redirect to Stripe-hosted pages
 * (Checkout, hosted invoices) and browsers apply form-action to the redirect target.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const nonce = randomNonce();
  c.set("nonce", nonce);
  await next();
  const dev = c.env.PORTAL_ENV !== "production";
  const formTargets = dev ? "'self' https: http://127.0.0.1:* http://localhost:*" : "'self' https:";
  const h = c.res.headers;
  h.set(
    "Content-Security-Policy",
    [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      // The nonce admits only the portal frame's branding block (CSS custom properties).
      `style-src 'self' 'nonce-${nonce}'`,
      "img-src 'self' https: data:",
      "font-src 'self'",
      "connect-src 'self'",
      `form-action ${formTargets}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
  );
  h.set("X-Frame-Options", "DENY");
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Referrer-Policy", "no-referrer");
  h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
});
