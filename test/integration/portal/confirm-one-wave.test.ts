import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { findSession } from "../../../worker/store/session-store";
import { createHarness } from "../../helpers/harness";
import {
  fullConfiguration,
  openFullPortal,
  openPortal,
  type PortalBrowser,
  pageText,
  parseForms,
} from "../../helpers/portal-session";
import { type WaveHarness, withWaveGate } from "../../helpers/stripe-waves";

const C = DEMO.customers;
const S = DEMO.subscriptions;
const PR = DEMO.prices;
const PREVIEW = "POST /v1/invoices/create_preview";

const update = (sub: string) => `/p/subscriptions/${sub}/update`;
const confirm = (sub: string) => `/p/subscriptions/${sub}/update/confirm`;

/** The confirm URL the picker's form submits (hidden fields included), with `choice` on top. */
async function fromPicker(
  browser: PortalBrowser,
  sub: string,
  choice: Record<string, string>,
  tab = "",
): Promise<string> {
  const html = await (await browser.get(`${update(sub)}${tab ? `?interval=${tab}` : ""}`)).text();
  const form = parseForms(html).find((f) => f.method === "get" && f.action === confirm(sub));
  expect(form, "plan form").toBeDefined();
  return `${confirm(sub)}?${new URLSearchParams({ ...form?.fields, quantity: "1", ...choice })}`;
}

describe("confirm page in one wave of Stripe calls", () => {
  let w: WaveHarness;
  beforeEach(() => {
    w = withWaveGate(createHarness());
  });

  async function load(browser: PortalBrowser, url: string) {
    w.reset();
    const res = await browser.get(url);
    return { status: res.status, text: pageText(await res.text()) };
  }

  it("previews the picked plan beside the subscription and plans, the same page as without the guess", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const url = await fromPicker(browser, S.monthly, { price: PR.proMonthly });
    expect(url).toContain("item=si_");
    const guessed = await load(browser, url);
    expect(guessed.status).toBe(200);
    expect(guessed.text).toMatch(/Next invoice \$\d+\.\d\d on November \d+, 2026/);
    expect(w.waves).toHaveLength(1);
    expect(w.waves[0]?.filter((call) => call === PREVIEW)).toHaveLength(1);

    const plain = await load(browser, `${confirm(S.monthly)}?price=${PR.proMonthly}&quantity=1`);
    expect(plain.text).toBe(guessed.text);
    expect(w.waves).toHaveLength(2);
  });

  it("guesses both previews of a change of period (monthly to yearly) from the picker's tab", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const url = await fromPicker(browser, S.monthly, { price: PR.proYearly }, "1-year");
    expect(url).toContain("new_period=1");
    const page = await load(browser, url);
    expect(page.text).toMatch(/Due today \$\d+\.\d\d/);
    expect(page.text).toContain("$290.00");
    expect(w.waves).toHaveLength(1);
    expect(w.waves[0]?.filter((call) => call === PREVIEW)).toHaveLength(2);
  });

  it("guesses a trial ending from the picker", async () => {
    const browser = await openFullPortal(w, { customer: C.trialing });
    const url = await fromPicker(browser, S.trialing, { price: PR.enterpriseMonthly });
    expect(url).toContain("ends_trial=1");
    const page = await load(browser, url);
    expect(page.text).toContain("Changing your plan ends your free trial now");
    expect(w.waves).toHaveLength(1);
  });

  it("drops a wrong guess and previews the right change in a second wave", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const url = await fromPicker(browser, S.monthly, { price: PR.proMonthly });
    const right = await load(browser, url);
    const otherItem = (await w.stripe.subscriptions.retrieve(S.taxIds)).items.data[0]?.id ?? "";
    const wrong = await load(browser, url.replace(/item=si_[A-Za-z0-9]+/, `item=${otherItem}`));
    expect(wrong.status).toBe(200);
    expect(wrong.text).toBe(right.text);
    expect(w.waves).toHaveLength(2);
  });

  it("is still a 404 for another customer's subscription, whatever the guess", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const item = (await w.stripe.subscriptions.retrieve(S.taxIds)).items.data[0]?.id ?? "";
    const page = await load(browser, `${confirm(S.taxIds)}?item=${item}&price=${PR.proMonthly}&quantity=1`);
    expect(page.status).toBe(404);
    expect(page.text).not.toMatch(/Due today|Next invoice/);
  });

  it("looks a promotion code up first: two waves", async () => {
    const browser = await openFullPortal(w, { customer: C.monthly });
    const url = await fromPicker(browser, S.monthly, { price: PR.proMonthly, promotion_code: "WELCOME10" });
    const page = await load(browser, url);
    expect(page.text).toContain("WELCOME10");
    expect(w.waves).toHaveLength(2);
    expect(w.waves[1]).toEqual([PREVIEW]);
  });
});

describe("subscription_update_confirm flow in one wave", () => {
  async function openFlow(w: WaveHarness) {
    const item = (await w.stripe.subscriptions.retrieve(S.trialing)).items.data[0]?.id ?? "";
    const browser = await openPortal(w, {
      customer: C.trialing,
      configurationParams: fullConfiguration(),
      flow_data: {
        type: "subscription_update_confirm",
        subscription_update_confirm: {
          subscription: S.trialing,
          items: [{ id: item, price: PR.enterpriseMonthly }],
        },
      },
    });
    return { browser, item };
  }

  it("starts the flow's previews from the guess stored with the session", async () => {
    const w = withWaveGate(createHarness());
    const { browser, item } = await openFlow(w);
    const lookup = await findSession(env.SESSIONS, browser.cookie.split("=")[1] ?? "", w.clock.now());
    if (lookup.status !== "active") throw new Error("no session");
    expect(lookup.session.record.prefetch?.change).toEqual({
      item,
      price: PR.enterpriseMonthly,
      quantity: 1,
      endsTrial: true,
      newPeriod: false,
    });
    w.reset();
    const res = await browser.get(confirm(S.trialing));
    expect(res.status).toBe(200);
    expect(pageText(await res.text())).toContain("Changing your plan ends your free trial now");
    expect(w.waves).toHaveLength(1);
    expect(w.waves[0]?.filter((call) => call === PREVIEW)).toHaveLength(2);
  });

  it("serves a flow session stored before the guesses existed, in two waves", async () => {
    const w = withWaveGate(createHarness());
    const { browser } = await openFlow(w);
    const lookup = await findSession(env.SESSIONS, browser.cookie.split("=")[1] ?? "", w.clock.now());
    if (lookup.status !== "active") throw new Error("no session");
    const { prefetch: _dropped, ...old } = lookup.session.record;
    await env.SESSIONS.put(lookup.session.key, JSON.stringify(old));
    w.reset();
    const res = await browser.get(confirm(S.trialing));
    expect(res.status).toBe(200);
    expect(pageText(await res.text())).toContain("Changing your plan ends your free trial now");
    expect(w.waves).toHaveLength(2);
  });
});
