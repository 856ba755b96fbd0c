import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { findSession, type SessionPrefetch } from "../../../worker/store/session-store";
import { createHarness } from "../../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText } from "../../helpers/portal-session";
import { type WaveHarness, withWaveGate } from "../../helpers/stripe-waves";

const C = DEMO.customers;
const S = DEMO.subscriptions;

async function stored(w: WaveHarness, browser: PortalBrowser) {
  const lookup = await findSession(env.SESSIONS, browser.cookie.split("=")[1] ?? "", w.clock.now());
  if (lookup.status !== "active") throw new Error("session not active");
  return lookup.session;
}

/** Replaces the session's guesses in KV (`undefined`: a record from before they existed). */
async function setGuesses(w: WaveHarness, browser: PortalBrowser, prefetch: SessionPrefetch | undefined) {
  const session = await stored(w, browser);
  const { prefetch: _old, ...rest } = session.record;
  const record = prefetch === undefined ? rest : { ...rest, prefetch };
  await env.SESSIONS.put(session.key, JSON.stringify(record));
}

describe("home page in one wave of Stripe calls", () => {
  let w: WaveHarness;
  beforeEach(() => {
    w = withWaveGate(createHarness());
  });

  async function home(browser: PortalBrowser) {
    w.reset();
    const res = await browser.get("/p");
    expect(res.status).toBe(200);
    return pageText(await res.text());
  }

  it("asks for the subscriptions once, with the invoice previews beside the list", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const text = await home(browser);
    expect(text).toMatch(/Next invoice: \$9\.00 on/);
    expect(w.waves).toHaveLength(1);
    const calls = w.waves[0] ?? [];
    expect(calls.filter((call) => call === "GET /v1/subscriptions")).toHaveLength(1);
    expect(calls).toContain("POST /v1/invoices/create_preview");
    expect(calls).toContain(`GET /v1/customers/${C.monthly}/payment_methods`);
  });

  it("reads a scheduled change's target price in the same wave", async () => {
    const browser = await openFullPortal(w, { customer: C.scheduled });
    const text = await home(browser);
    expect(text).toContain("Pro");
    expect(w.waves).toHaveLength(1);
    expect(w.waves[0]).toContain(`GET /v1/prices/${DEMO.prices.proMonthly}`);
  });

  it("previews a subscription the guesses missed in a second wave, then remembers it", async () => {
    const browser = await openFullPortal(w, { customer: C.invoicesOnly });
    await w.stripe.subscriptions.create({
      customer: C.invoicesOnly,
      items: [{ price: DEMO.prices.proMonthly }],
    });
    const first = await home(browser);
    expect(first).toMatch(/Next invoice: \$\d+\.\d\d on/);
    expect(w.waves).toHaveLength(2);
    expect(w.waves[1]).toEqual(["POST /v1/invoices/create_preview"]);
    const again = await home(browser);
    expect(again).toMatch(/Next invoice: \$\d+\.\d\d on/);
    expect(w.waves).toHaveLength(1);
  });

  it("drops the guess of a subscription that has since ended: never shown, no extra wave", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    await w.stripe.subscriptions.cancel(S.monthly);
    const text = await home(browser);
    expect(text).not.toContain("Next invoice");
    expect(text).not.toContain("$9.00 per month");
    expect(w.waves).toHaveLength(1);
    expect((await stored(w, browser)).record.prefetch?.previews).toEqual([]);
  });

  it("never shows what a guess names when the fresh list does not (another customer's subscription)", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    await setGuesses(w, browser, {
      previews: [S.monthly, S.taxIds],
      prices: [DEMO.prices.enterpriseYearly],
      change: null,
    });
    const res = await browser.get("/p");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain(S.taxIds);
    expect(pageText(html)).not.toContain("Enterprise");
    expect(pageText(html)).toMatch(/Next invoice: \$9\.00 on/);
    // The stored guesses are corrected to what the list says.
    expect((await stored(w, browser)).record.prefetch).toMatchObject({ previews: [S.monthly], prices: [] });
  });

  it("serves a session stored before the guesses existed, in two waves the first time only", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    await setGuesses(w, browser, undefined);
    expect(await home(browser)).toMatch(/Next invoice: \$9\.00 on/);
    expect(w.waves).toHaveLength(2);
    expect(await home(browser)).toMatch(/Next invoice: \$9\.00 on/);
    expect(w.waves).toHaveLength(1);
  });

  it("stores the guesses with the session when it is created", async () => {
    const browser = await openFullPortal(w, { customer: C.scheduled });
    expect((await stored(w, browser)).record.prefetch).toEqual({
      previews: [S.scheduled],
      prices: [DEMO.prices.proMonthly],
      change: null,
    });
  });
});

describe("session creation when the subscription list fails", () => {
  it("still creates the session, without guesses, and the home page loads as before", async () => {
    const w = withWaveGate(createHarness());
    // The API's Stripe client retries twice: three failures exhaust it.
    w.emulator.setFaults({ failNext: 3, errorStatus: 500, pathPattern: "/v1/subscriptions" });
    const browser = await openFullPortal(w, { customer: C.monthly });
    expect((await stored(w, browser)).record.prefetch).toBeNull();
    w.reset();
    const res = await browser.get("/p");
    expect(pageText(await res.text())).toMatch(/Next invoice: \$9\.00 on/);
    expect(w.waves).toHaveLength(2);
  });
});
