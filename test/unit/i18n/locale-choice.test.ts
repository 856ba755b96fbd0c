import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import type { AppEnv } from "../../../worker/env";
import { sha256Hex } from "../../../worker/lib/crypto";
import { locale } from "../../../worker/middleware/locale";
import { portalSession } from "../../../worker/middleware/portal-session";
import type { SessionRecord } from "../../../worker/store/session-store";
import { createHarness, type Harness } from "../../helpers/harness";

/**
 * The customer's language choice behind the real middleware, with a stand-in page that
 * reports the resolved locale, so the test does not depend on any portal page.
 */
function probeApp(h: Harness) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", { stripeFetch: h.emulator.fetch, now: h.clock.now, outboundFetch: fetch });
    await next();
  });
  app.use(locale);
  app.get("/p/probe", portalSession, (c) => c.text(c.var.locale));
  return async (cookie: string, query = "", headers: Record<string, string> = {}) => {
    const res = await app.request(`/p/probe${query}`, { headers: { Cookie: cookie, ...headers } }, env);
    expect(res.status).toBe(200);
    return res.text();
  };
}

describe("a language chosen with ?locale=", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  async function open(params: { locale?: "fr" | "auto" } = {}) {
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: "https://example.com/account",
      ...params,
    });
    const path = new URL(session.url).pathname;
    const token = path.split("/").pop() as string;
    const entry = await h.request(path);
    expect(entry.status).toBe(303);
    const cookie = (entry.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
    const stored = async () =>
      (await env.SESSIONS.get<SessionRecord>(`session:v1:${await sha256Hex(token)}`, "json"))?.uiLocale;
    return { cookie, stored };
  }

  it("renders in that language and sticks for the rest of the session", async () => {
    const probe = probeApp(h);
    const { cookie, stored } = await open();
    expect(await probe(cookie, "", { "Accept-Language": "it" })).not.toBe("de");
    expect(await probe(cookie, "?locale=de", { "Accept-Language": "it" })).toBe("de");
    expect(await stored()).toBe("de");
    expect(await probe(cookie, "", { "Accept-Language": "it" })).toBe("de");
  });

  it("beats the merchant's session locale, and a regional tag is stored as the locale it maps to", async () => {
    const probe = probeApp(h);
    const { cookie, stored } = await open({ locale: "fr" });
    expect(await probe(cookie)).toBe("fr");
    expect(await probe(cookie, "?locale=es-MX")).toBe("es-419");
    expect(await stored()).toBe("es-419");
    expect(await probe(cookie)).toBe("es-419");
  });

  it("ignores a value that is no language and keeps the earlier choice", async () => {
    const probe = probeApp(h);
    const { cookie, stored } = await open();
    await probe(cookie, "?locale=he");
    expect(await probe(cookie, "?locale=%3Cscript%3E")).toBe("he");
    expect(await probe(cookie, "?locale=xx-YY")).toBe("he");
    expect(await stored()).toBe("he");
  });
});
