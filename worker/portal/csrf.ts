/**
 * CSRF protection for every state-changing portal request. Two independent checks, both must
 * pass: the form carries the session's secret token (`_csrf`), and the browser says the
 * request comes from this origin (`Origin`, or `Sec-Fetch-Site` when sent). A failure renders
 * a 403 page and nothing downstream runs.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { h, type VNode } from "preact";
import { ForbiddenPage } from "../../views/pages/forbidden-page";
import type { AppEnv } from "../env";
import { timingSafeEqualStrings } from "../lib/crypto";
import { renderPage } from "../lib/render-page";

/** Name of the hidden form field carrying the session's CSRF token. */
export const CSRF_FIELD = "_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SAME_SITE_FETCH = new Set(["same-origin", "none"]);

/**
 * True when the browser's own provenance headers allow the request. Absent headers pass (old
 * browsers, non-browser clients): the token check is what stops those.
 */
export function sameOriginRequest(requestUrl: string, headers: Headers): boolean {
  const origin = headers.get("Origin");
  const site = headers.get("Sec-Fetch-Site");
  if (site !== null && !SAME_SITE_FETCH.has(site)) return false;
  // Our own `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on same-origin
  // form posts; then only Sec-Fetch-Site can vouch for the request.
  if (origin === "null") return site === "same-origin";
  if (origin !== null && origin !== new URL(requestUrl).origin) return false;
  return true;
}

async function tokenMatches(c: Context<AppEnv>): Promise<boolean> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return false;
  }
  const sent = body[CSRF_FIELD];
  if (typeof sent !== "string" || sent.length === 0) return false;
  return timingSafeEqualStrings(sent, c.var.session.record.csrfToken);
}

/**
 * Middleware for the portal routes (after `portalSession`): every non-safe request must carry
 * the session's token and come from this origin, else a 403 page.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const ok = sameOriginRequest(c.req.url, c.req.raw.headers) && (await tokenMatches(c));
  if (!ok) {
    return renderPage(c, h(ForbiddenPage, { homeHref: "/p" }) as VNode, {
      title: c.var.t("portal.csrf_title"),
      status: 403,
    });
  }
  return next();
});
