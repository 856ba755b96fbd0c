import { Hono } from "hono";
import type { AppEnv } from "../env";
import { writeSessionCookie } from "../lib/session-cookie";
import { renderSessionEnded } from "../middleware/portal-session";
import { findSession, touchSession } from "../store/session-store";

/** `GET /p/session/:token`: the session URL the merchant API hands out. */
export const sessionEntryRoutes = new Hono<AppEnv>();

/**
 * Exchanges the bearer token for the session cookie and sends the browser to the clean portal
 * URL, so the token leaves the address bar and history and never travels in a Referer. Always
 * `/p`: the portal home forwards a flow session to its flow's page. Opening the link counts as
 * activity, which starts the 1-hour idle window.
 */
sessionEntryRoutes.get("/p/session/:token", async (c) => {
  const now = c.var.deps.now();
  const token = c.req.param("token");
  const lookup = await findSession(c.env.SESSIONS, token, now);
  if (lookup.status !== "active") return renderSessionEnded(c, lookup);
  await touchSession(c.env.SESSIONS, lookup.session, now);
  writeSessionCookie(c, token);
  c.header("Cache-Control", "no-store");
  return c.redirect("/p", 303);
});
