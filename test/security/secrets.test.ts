/**
 * Secrets never leave: the portal's Stripe key, the merchant API keys and customers' session
 * tokens appear in no log line, response header (but the session cookie itself) or page,
 * through a session's whole life including Stripe failures, a revoked Stripe key, a KV outage
 * and expiry. Unique canary values make any leak, even a partial copy, findable.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness } from "../helpers/harness";
import { parseForms } from "../helpers/portal-session";
import { captureConsole, failingKv, withBindings } from "./helpers";

const STRIPE_KEY = "sk_test_CanaryStripeSecret0123456789abcdef";
const REVOKED_KEY = "rk_live_CanaryRevokedSecret0123456789abcdef";
const API_KEY = "sk_live_CanaryPortalApiKey0123456789abcdef";
/** The part of each secret that no redaction may show. */
const secretCore = (key: string) => key.slice(8, -4);

describe("secrets in logs, headers and pages", () => {
  it("never show the Stripe key, the API keys or a session token", async () => {
    const h = withBindings(createHarness(), { STRIPE_SECRET_KEY: STRIPE_KEY, PORTAL_API_KEYS: API_KEY });
    const seen: string[] = [];
    const tokens: string[] = [];
    const record = async (res: Response) => {
      const headers: string[] = [];
      res.headers.forEach((value, name) => {
        if (name.toLowerCase() !== "set-cookie") headers.push(`${name}: ${value}`);
      });
      seen.push(headers.join("\n"), await res.clone().text());
      return res;
    };
    const api = (key: string, body: string, idempotencyKey?: string) =>
      h
        .request("/v1/billing_portal/sessions", {
          method: "POST",
          headers: {
            Authorization: `Bearer ${key}`,
            "Content-Type": "application/x-www-form-urlencoded",
            ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
          },
          body,
        })
        // The session URL in a successful answer is the one place a token must appear.
        .then((res) => (res.status === 200 ? res : record(res)));

    const logs = await captureConsole(async () => {
      const body = `customer=${DEMO.customers.monthly}&return_url=https://merchant.example/&locale=en`;
      const created = await api(API_KEY, body, "idem-canary-1");
      expect(created.status).toBe(200);
      expect((await api(API_KEY, body, "idem-canary-1")).headers.get("Idempotent-Replayed")).toBe("true");
      const { url } = (await created.json()) as { url: string };
      const path = new URL(url).pathname;
      tokens.push(path.split("/").pop() ?? "");
      // A wrong key one character off, and the right key in the wrong place.
      expect((await api(`${API_KEY.slice(0, -1)}x`, body)).status).toBe(401);
      expect((await api("", `${body}&key=${API_KEY}`)).status).toBe(401);

      const entry = await record(await h.request(path));
      const cookie = (entry.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
      const get = async (p: string, hh = h) => record(await hh.request(p, { headers: { Cookie: cookie } }));
      expect((await get("/p")).status).toBe(200);
      const cancelPage = `/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`;
      const form = parseForms(await (await get(cancelPage)).text()).find((f) => f.method === "post");
      const posted = await record(
        await h.request(cancelPage, {
          method: "POST",
          headers: {
            Cookie: cookie,
            Origin: "http://localhost",
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ ...form?.fields, feedback: "other", comment: "bye" }).toString(),
        }),
      );
      expect(posted.status).toBe(303);

      // Stripe failing, the Stripe key revoked, KV down: logged, never shown, never leaking.
      h.emulator.setFaults({ errorRate: 1, errorStatus: 500 });
      expect((await get("/p")).status).toBe(502);
      h.emulator.setFaults({ errorRate: 0 });
      const revoked = withBindings(h, { STRIPE_SECRET_KEY: REVOKED_KEY, PORTAL_API_KEYS: API_KEY });
      expect((await get("/p", revoked)).status).toBeGreaterThanOrEqual(500);
      const revokedApi = await record(
        await revoked.request("/v1/billing_portal/sessions", {
          method: "POST",
          headers: {
            Authorization: `Bearer ${API_KEY}`,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body,
        }),
      );
      expect(revokedApi.status).toBe(500);
      const kvDown = withBindings(h, { SESSIONS: failingKv(env.SESSIONS), PORTAL_API_KEYS: API_KEY });
      expect((await get("/p", kvDown)).status).toBeGreaterThanOrEqual(500);
      expect((await get(`/p/session/${tokens[0]}`, kvDown)).status).toBeGreaterThanOrEqual(500);

      h.clock.advance(2 * 60 * 60 * 1000);
      expect((await get("/p")).status).toBe(410);
    });

    // The canaries must have been exercised: the failures above were logged.
    expect(logs).toMatch(/portal page failed|unhandled error|merchant API error/);
    const everything = [logs, ...seen].join("\n");
    for (const secret of [STRIPE_KEY, REVOKED_KEY, API_KEY]) {
      expect(everything.includes(secretCore(secret)), secret).toBe(false);
    }
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(20);
      expect(everything.includes(token), "session token").toBe(false);
    }
  });
});
