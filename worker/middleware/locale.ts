import { createMiddleware } from "hono/factory";
// Registers every shipped catalog before the first request is served.
import "../../locales/index";
import type { AppEnv } from "../env";
import { createTranslator } from "../lib/i18n";
import { resolveRequestLocale } from "../lib/resolve-locale";

/**
 * Resolves the UI locale from `?locale=` and `Accept-Language` and exposes `c.var.t`. Every
 * page gets this; the portal-session middleware refines it with the session's sources.
 */
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const resolved = resolveRequestLocale({
    query: c.req.query("locale"),
    acceptLanguage: c.req.header("Accept-Language"),
  });
  c.set("locale", resolved);
  c.set("t", createTranslator(resolved));
  await next();
});
