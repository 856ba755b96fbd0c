/**
 * Attacks on the portal session: guessing, a stolen KV dump, cookie tossing over http or from
 * a sibling subdomain, replay after expiry, and one customer's cookie reaching another's data.
 * Cookie flags, the clean redirect and the idle/unused lifetimes are proven in
 * test/integration/api/session-lifecycle.test.ts and not repeated here.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, pageText, RETURN_URL } from "../helpers/portal-session";

const MINUTE = 60_000;
const HTTPS = "https://portal.example";

function base64UrlBytes(token: string): number {
  const padded = token.replace(/-/g, "+").replace(/_/g, "/");
  return atob(padded + "=".repeat((4 - (padded.length % 4)) % 4)).length;
}

async function newSession(h: Harness, customer: string = DEMO.customers.monthly) {
  const session = await h.portal.billingPortal.sessions.create({ customer, return_url: RETURN_URL });
  const path = new URL(session.url).pathname;
  return { session, path, token: path.split("/").pop() ?? "" };
}

/** Every key and value in the SESSIONS namespace. */
async function dumpKv(): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<unknown> = await env.SESSIONS.list(cursor ? { cursor } : {});
    for (const { name } of page.keys) out.push(name, (await env.SESSIONS.get(name)) ?? "");
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

describe("session tokens", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("carry at least 128 random bits and never repeat", async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, async () => (await newSession(h)).token));
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(base64UrlBytes(token)).toBeGreaterThanOrEqual(16);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are not in KV: a dump of every key and value contains neither token nor a cookie", async () => {
    const opened = await newSession(h);
    await h.request(opened.path);
    const unused = await newSession(h, DEMO.customers.taxIds);
    const dump = await dumpKv();
    expect(dump.some((entry) => entry.startsWith("session:v1:"))).toBe(true);
    for (const { token } of [opened, unused]) {
      expect(dump.filter((entry) => entry.includes(token))).toEqual([]);
    }
  });

  it("on https work only as the __Host- cookie; the unprefixed name (settable over http or by a subdomain) is ignored", async () => {
    const { path, token } = await newSession(h);
    const entry = await h.request(`${HTTPS}${path}`);
    expect(entry.status).toBe(303);
    expect(entry.headers.get("Location")).toBe("/p");
    const ok = await h.request(`${HTTPS}/p`, { headers: { Cookie: `__Host-portal_session=${token}` } });
    expect(ok.status).toBe(200);
    const tossed = await h.request(`${HTTPS}/p`, { headers: { Cookie: `portal_session=${token}` } });
    expect(tossed.status).toBe(404);
    expect(pageText(await tossed.text())).not.toContain("Mia Monthly");
  });

  it("appear in no response header but the cookie and in no page, through a whole visit", async () => {
    const { path, token } = await newSession(h);
    const entry = await h.request(path);
    const cookie = `portal_session=${token}`;
    const responses = [entry];
    for (const page of [
      "/p",
      `/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`,
      "/p/billing",
      "/p/nope",
    ]) {
      responses.push(await h.request(page, { headers: { Cookie: cookie } }));
    }
    for (const res of responses) {
      res.headers.forEach((value, name) => {
        if (name.toLowerCase() !== "set-cookie") expect(value, name).not.toContain(token);
      });
      expect(await res.text()).not.toContain(token);
    }
  });

  it("cannot be replayed after expiry: the link and the cookie both answer 410 and set nothing", async () => {
    const { path, token } = await newSession(h);
    expect((await h.request(path)).status).toBe(303);
    h.clock.advance(61 * MINUTE);
    const link = await h.request(path);
    expect(link.status).toBe(410);
    expect(link.headers.get("Set-Cookie")).toBeNull();
    const page = await h.request("/p", { headers: { Cookie: `portal_session=${token}` } });
    expect(page.status).toBe(410);
    const post = await h.request(`/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`, {
      method: "POST",
      headers: { Cookie: `portal_session=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "_csrf=x&_submission=aaaaaaaaaaaaaaaaaaaa",
    });
    expect(post.status).toBe(410);
    expect(h.emulator.writes()).toEqual([]);
  });

  it("keep customers apart: a cookie shows its own customer only and reaches no one else's objects", async () => {
    const mia = await openFullPortal(h, { customer: DEMO.customers.monthly });
    const tax = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    const miaHome = pageText(await (await mia.get("/p")).text());
    const taxHome = pageText(await (await tax.get("/p")).text());
    expect(miaHome).toContain("Mia Monthly");
    expect(taxHome).not.toContain("Mia Monthly");
    expect(miaHome).not.toContain(DEMO.subscriptions.taxIds);
    h.emulator.clearLog();
    for (const page of ["update", "cancel", "pause"]) {
      const res = await mia.get(`/p/subscriptions/${DEMO.subscriptions.taxIds}/${page}`);
      expect(res.status, page).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
  });
});
