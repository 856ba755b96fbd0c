import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import type { AppEnv } from "../../../worker/env";
import { sha256Hex } from "../../../worker/lib/crypto";
import { locale } from "../../../worker/middleware/locale";
import { portalSession } from "../../../worker/middleware/portal-session";
import { securityHeaders } from "../../../worker/middleware/security-headers";
import { createHarness, type Harness } from "../../helpers/harness";

const MINUTE = 60_000;
const RETURN = "https://example.com/account";

/** A stand-in customer page behind the real session middleware, independent of the portal pages. */
function probeApp(h: Harness) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", { stripeFetch: h.emulator.fetch, now: h.clock.now, outboundFetch: fetch });
    await next();
  });
  app.use(securityHeaders, locale);
  app.get("/p/probe", portalSession, (c) =>
    c.json({
      customer: c.var.session.record.customer,
      account: c.var.stripeAccount,
      configuration: c.var.configuration.id,
    }),
  );
  return (cookie: string) => app.request("/p/probe", { headers: { Cookie: cookie } }, env);
}

describe("session link and lifetime", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  async function newSession() {
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: RETURN,
    });
    const url = new URL(session.url);
    return { session, path: url.pathname, token: url.pathname.split("/").pop() as string };
  }

  it("exchanges the token for an HttpOnly cookie and redirects to the clean portal URL", async () => {
    const { path, token } = await newSession();
    expect(path).toMatch(/^\/p\/session\/[A-Za-z0-9_-]{22,}$/);
    const res = await h.request(path);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p");
    expect(res.headers.get("Location")).not.toContain(token);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toContain(`portal_session=${token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    const secure = await h.request(`https://portal.test${path}`);
    const secureCookie = secure.headers.get("Set-Cookie") ?? "";
    expect(secureCookie).toMatch(/^__Host-portal_session=/);
    expect(secureCookie).toMatch(/Secure/);
    expect(secureCookie).not.toMatch(/Domain=/i);
  });

  it("expires an unused link after 5 minutes with a translated 410 page and the return link", async () => {
    const { path } = await newSession();
    h.clock.advance(5 * MINUTE);
    const res = await h.request(path);
    expect(res.status).toBe(410);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("This link has expired");
    expect(html).toContain(`href="${RETURN}"`);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers an unknown link with a 404 page", async () => {
    const res = await h.request("/p/session/not-a-real-token-at-all-xxxxxxxx");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("This link is not valid");
  });

  it("once opened, keeps the session 59 minutes idle but not 61", async () => {
    const { path, token } = await newSession();
    h.clock.advance(4 * MINUTE);
    expect((await h.request(path)).status).toBe(303);
    const probe = probeApp(h);
    const cookie = `portal_session=${token}`;

    h.clock.advance(59 * MINUTE);
    const alive = await probe(cookie);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toMatchObject({ customer: DEMO.customers.monthly, account: null });

    h.clock.advance(61 * MINUTE);
    const gone = await probe(cookie);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain(`href="${RETURN}"`);
  });

  it("throttles activity writes: requests within the interval leave KV untouched", async () => {
    const { path, token } = await newSession();
    const key = `session:v1:${await sha256Hex(token)}`;
    await h.request(path);
    const afterOpen = await env.SESSIONS.get(key);
    const probe = probeApp(h);
    h.clock.advance(30_000);
    expect((await probe(`portal_session=${token}`)).status).toBe(200);
    expect(await env.SESSIONS.get(key)).toBe(afterOpen);
    h.clock.advance(31_000);
    expect((await probe(`portal_session=${token}`)).status).toBe(200);
    const touched = JSON.parse((await env.SESSIONS.get(key)) ?? "{}") as { touchedAt: number };
    expect(touched.touchedAt).toBe(h.clock.now());
  });

  it("shows the 404 page to a request without a session cookie", async () => {
    const probe = probeApp(h);
    const res = await probe("");
    expect(res.status).toBe(404);
  });
});
