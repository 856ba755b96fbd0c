import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createTranslator } from "../lib/i18n";
import { resolveRequestLocale } from "../lib/resolve-locale";

/** Resolves the UI locale for requests without a session and exposes `c.var.t`. */
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const resolved = resolveRequestLocale({
    query: c.req.query("locale"),
    acceptLanguage: c.req.header("Accept-Language"),
  });
  c.set("locale", resolved);
  c.set("t", createTranslator(resolved));
  await next();
});
