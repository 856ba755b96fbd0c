import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { SessionEndedPage } from "../../views/pages/session-ended-page";
import type { AppEnv } from "../env";
import { createTranslator } from "../lib/i18n";
import { renderPage } from "../lib/render-page";
import { matchLocale, resolveRequestLocale } from "../lib/resolve-locale";
import { readSessionCookie } from "../lib/session-cookie";
import { sessionConfiguration } from "../login/login-restrictions";
import { getConfiguration } from "../store/configuration-store";
import { findSession, type SessionLookup, saveSession, touchSession } from "../store/session-store";

/**
 * The page for a link or cookie that leads to no live session: 410 when it expired (in the
 * session's language, with its return link), 404 when it never existed. Never cached.
 */
export function renderSessionEnded(
  c: Context<AppEnv>,
  lookup: Exclude<SessionLookup, { status: "active" }>,
): Response {
  const record = lookup.status === "expired" ? lookup.record : null;
  if (record) {
    const locale = resolveRequestLocale({
      chosen: record.uiLocale,
      sessionLocale: record.locale,
      preferredLocales: record.preferredLocales,
      acceptLanguage: c.req.header("Accept-Language"),
    });
    c.set("locale", locale);
    c.set("t", createTranslator(locale));
  }
  c.header("Cache-Control", "no-store");
  return renderPage(
    c,
    <SessionEndedPage reason={record ? "expired" : "unknown"} returnUrl={record?.returnUrl ?? null} />,
    {
      title: record ? c.var.t("session.ended_title") : c.var.t("session.unknown_title"),
      status: record ? 410 : 404,
    },
  );
}

/**
 * Loads the portal session from its cookie for every customer page: the session record, its
 * configuration and the connected account. An unknown session is a 404 and an expired one a
 * 410, both as a translated page; nothing below runs without a live session.
 */
export const portalSession = createMiddleware<AppEnv>(async (c, next) => {
  const now = c.var.deps.now();
  const token = readSessionCookie(c);
  const lookup = token ? await findSession(c.env.SESSIONS, token, now) : ({ status: "unknown" } as const);
  if (lookup.status !== "active") return renderSessionEnded(c, lookup);
  const session = lookup.session;
  await touchSession(c.env.SESSIONS, session, now);
  const configuration = await getConfiguration(
    c.env.SESSIONS,
    session.record.account,
    session.record.configuration,
  );
  if (!configuration) throw new Error(`configuration ${session.record.configuration} missing for session`);

  // A language picked with `?locale=` (the language menu) sticks for the rest of the session.
  const picked = matchLocale([c.req.query("locale")]);
  if (picked && picked !== session.record.uiLocale) {
    session.record = { ...session.record, uiLocale: picked };
    await saveSession(c.env.SESSIONS, session, now);
  }
  const locale = resolveRequestLocale({
    query: c.req.query("locale"),
    chosen: session.record.uiLocale,
    sessionLocale: session.record.locale,
    preferredLocales: session.record.preferredLocales,
    acceptLanguage: c.req.header("Accept-Language"),
  });
  c.set("locale", locale);
  c.set("t", createTranslator(locale));
  c.set("session", session);
  c.set("configuration", sessionConfiguration(configuration, session.record));
  c.set("stripeAccount", session.record.account);
  await next();
});
