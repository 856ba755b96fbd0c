/**
 * Failure behaviour: Stripe answering 5xx or 429, a response lost after Stripe applied a
 * write, every attempt timing out, KV failing, a configuration gone. The customer gets a
 * translated page (their input kept where there is a form), nothing applies twice, nothing
 * is half-written, nothing crashes. A declined card on an upgrade is proven in
 * test/integration/portal/subscriptions.test.ts ("leaves the subscription unchanged and says
 * so when the immediate payment fails").
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import {
  fullConfiguration,
  openFullPortal,
  type PortalBrowser,
  pageText,
  parseForms,
} from "../helpers/portal-session";
import { captureConsole, failingKv, stateWrites, withBindings, withStripeFetch } from "./helpers";

const C = DEMO.customers;
const S = DEMO.subscriptions;
const PR = DEMO.prices;
const CONFIRM = `/p/subscriptions/${S.monthly}/update/confirm`;
const SUB_PATH = `/v1/subscriptions/${S.monthly}`;

/** Prorations invoiced at once, so a plan change applied twice would bill twice. */
const invoicingConfiguration = {
  subscription_update: {
    enabled: true,
    default_allowed_updates: ["price" as const],
    proration_behavior: "always_invoice" as const,
    products: [
      { product: DEMO.products.basic, prices: [PR.basicMonthly] },
      { product: DEMO.products.pro, prices: [PR.proMonthly] },
    ],
  },
};

/** A Stripe connection that loses (or never delivers) matching requests. */
function lossy(
  h: Harness,
  matches: (method: string, path: string) => boolean,
  mode: { forward: boolean; times: number },
): Harness {
  let left = mode.times;
  return withStripeFetch(h, (inner) => async (input, init) => {
    const request = new Request(input, init);
    if (left > 0 && matches(request.method, new URL(request.url).pathname)) {
      left -= 1;
      // Stripe applies the request, then the answer never arrives (or the request never does).
      if (mode.forward) await inner(request);
      throw new DOMException("The operation timed out.", "TimeoutError");
    }
    return inner(request);
  });
}

async function confirmFields(browser: PortalBrowser): Promise<Record<string, string>> {
  const page = await browser.get(`${CONFIRM}?price=${PR.proMonthly}`);
  const form = parseForms(await page.text()).find((f) => f.method === "post" && f.action === CONFIRM);
  expect(form, "confirm form").toBeDefined();
  return form?.fields ?? {};
}

async function upgradeInvoices(h: Harness): Promise<number> {
  const invoices = await h.stripe.invoices.list({ subscription: S.monthly, limit: 100 });
  return invoices.data.filter((i) => i.billing_reason === "subscription_update").length;
}

describe("Stripe failing", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it.each([500, 503, 429])("retries a %i on a read, and the customer sees the page", async (status) => {
    const browser = await openFullPortal(h);
    h.emulator.clearLog();
    h.emulator.setFaults({ failNext: 1, errorStatus: status, pathPattern: `/v1/customers/${C.monthly}` });
    const res = await browser.get("/p");
    expect(res.status).toBe(200);
    expect(pageText(await res.text())).toContain("Mia Monthly");
    const attempts = h.emulator.log.filter((e) => e.path === `/v1/customers/${C.monthly}`);
    expect(attempts.map((e) => e.status)).toEqual([status, 200]);
  });

  it("retries a write whose answer was lost with the same idempotency key: one change, one invoice", async () => {
    const lost = lossy(h, (m, p) => m === "POST" && p === SUB_PATH, { forward: true, times: 1 });
    const browser = await openFullPortal(lost, {}, invoicingConfiguration);
    const fields = await confirmFields(browser);
    h.emulator.clearLog();
    const res = await browser.post(CONFIRM, fields);
    expect(res.status).toBe(303);
    const writes = stateWrites(h).filter((w) => w.path === SUB_PATH);
    expect(writes).toHaveLength(2);
    expect(new Set(writes.map((w) => w.idempotencyKey)).size).toBe(1);
    expect(await upgradeInvoices(h)).toBe(1);
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).items.data[0]?.price.id).toBe(PR.proMonthly);
  });

  it("after every attempt timed out, says the change could not be confirmed; sending the same form again bills once", async () => {
    const lost = lossy(h, (m, p) => m === "POST" && p === SUB_PATH, { forward: true, times: 3 });
    const browser = await openFullPortal(lost, {}, invoicingConfiguration);
    const fields = await confirmFields(browser);
    const failed = await browser.post(CONFIRM, fields);
    expect(failed.status).toBe(502);
    const html = await failed.text();
    const text = pageText(html);
    // Stripe did apply it: the page must not claim otherwise, nor push a retry.
    expect(text).toContain("We couldn't confirm your change");
    expect(text).toContain("Check your billing overview before you try again");
    expect(text).not.toContain("Nothing was changed.");
    expect(html).not.toContain(`href="${CONFIRM}?`);
    expect(text).not.toMatch(/TimeoutError|StripeConnectionError|stack/);
    // The browser's resend (or the back button and the same button): the same submission. The
    // first attempt did reach Stripe, so the plan is already Pro: the resend finds nothing left
    // to change (422, "choose a different plan") and bills nothing more.
    const again = await browser.post(CONFIRM, fields);
    expect(again.status).toBeLessThan(500);
    expect(await upgradeInvoices(h)).toBe(1);
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).items.data[0]?.price.id).toBe(PR.proMonthly);
    const keys = new Set(
      stateWrites(h)
        .filter((w) => w.path === SUB_PATH)
        .map((w) => w.idempotencyKey),
    );
    expect(keys.size).toBe(1);
  });

  it("a lost answer to a cancel: cannot confirm, and the resend finds it done and writes nothing", async () => {
    const path = `/v1/subscriptions/${S.monthly}`;
    const lost = lossy(h, (m, p) => m === "POST" && p === path, { forward: true, times: 3 });
    const browser = await openFullPortal(lost);
    const cancel = `/p/subscriptions/${S.monthly}/cancel`;
    const form = await browser.form(`${cancel}?step=reasons`, cancel);
    const fields = { ...form.fields, reason: "too_expensive" };
    const failed = await browser.post(cancel, fields);
    expect(failed.status).toBe(502);
    const text = pageText(await failed.text());
    expect(text).toContain("We couldn't confirm your change");
    expect(text).not.toContain("Nothing was changed.");
    const after = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(after.cancel_at_period_end || after.cancel_at !== null).toBe(true);
    const keys = new Set(
      stateWrites(h)
        .filter((w) => w.path === path)
        .map((w) => w.idempotencyKey),
    );
    expect(keys.size).toBe(1);

    h.emulator.clearLog();
    const again = await browser.post(cancel, fields);
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain("already set to be cancelled");
    expect(stateWrites(h)).toEqual([]);
  });

  it("a Stripe 5xx on a write is still 'nothing was changed': Stripe answered and did nothing", async () => {
    const browser = await openFullPortal(h);
    const cancel = `/p/subscriptions/${S.monthly}/cancel`;
    const form = await browser.form(`${cancel}?step=reasons`, cancel);
    h.emulator.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: `/v1/subscriptions/${S.monthly}` });
    const res = await browser.post(cancel, { ...form.fields, reason: "too_expensive" });
    h.emulator.setFaults({ errorRate: 0 });
    expect(res.status).toBe(502);
    expect(pageText(await res.text())).toContain("Nothing was changed.");
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).cancel_at_period_end).toBe(false);
  });

  it("keeps what the customer typed on a try-again page when saving billing details times out", async () => {
    const down = lossy(h, (m, p) => m === "POST" && p === `/v1/customers/${C.taxIds}`, {
      forward: false,
      times: 3,
    });
    const browser = await openFullPortal(down, { customer: C.taxIds });
    const res = await browser.submit("/p/billing", "/p/billing", {
      name: "Ada Lovelace",
      phone: "+44 20 7946 0958",
    });
    expect(res.status).toBe(502);
    const html = await res.text();
    expect(pageText(html)).toContain("We couldn't save your details just now. Please try again in a moment.");
    expect(html).toContain('value="Ada Lovelace"');
    expect(html).toContain('value="+44 20 7946 0958"');
    expect((await h.stripe.customers.retrieve(C.taxIds)) as { name?: string }).not.toMatchObject({
      name: "Ada Lovelace",
    });
  });
});

describe("KV failing", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("on a customer page or form: a translated error page, no crash, nothing sent to Stripe", async () => {
    const browser = await openFullPortal(h);
    const fields = await browser.csrfFields();
    const down = withBindings(h, { SESSIONS: failingKv(env.SESSIONS) });
    h.emulator.clearLog();
    const logs = await captureConsole(async () => {
      const requests: RequestInit[] = [
        { headers: { Cookie: browser.cookie } },
        {
          method: "POST",
          headers: {
            Cookie: browser.cookie,
            Origin: "http://localhost",
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ ...fields, feedback: "other" }).toString(),
        },
      ];
      for (const init of requests) {
        const res = await down.request(`/p/subscriptions/${S.monthly}/cancel`, init);
        expect(res.status).toBe(500);
        const text = pageText(await res.text());
        expect(text).toContain("Something went wrong");
        expect(text).toContain("Please try again in a moment.");
        expect(text).not.toContain("injected outage");
      }
    });
    expect(logs).toContain("injected outage");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("when the finished-submission record cannot be written after Stripe applied it, a resend still applies once", async () => {
    const browser = await openFullPortal(h, {}, invoicingConfiguration);
    const fields = await confirmFields(browser);
    const flaky = withBindings(h, {
      SESSIONS: failingKv(env.SESSIONS, (op, key) => op === "put" && key.startsWith("submission:")),
    });
    const res = await captureConsole(async () => {
      const failed = await flaky.request(CONFIRM, {
        method: "POST",
        headers: {
          Cookie: browser.cookie,
          Origin: "http://localhost",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(fields).toString(),
      });
      expect(failed.status).toBe(500);
    });
    expect(res).toContain("injected outage");
    const again = await browser.post(CONFIRM, fields);
    expect(again.status).toBeLessThan(500);
    expect(await upgradeInvoices(h)).toBe(1);
  });

  it("on the merchant API: Stripe's 500 envelope and no session half-written", async () => {
    const before = (await env.SESSIONS.list({ prefix: "session:" })).keys.length;
    const down = withBindings(h, {
      SESSIONS: failingKv(env.SESSIONS, (op, key) => op === "put" && key.startsWith("session:")),
    });
    const res = await captureConsole(async () => {
      const r = await down.request("/v1/billing_portal/sessions", {
        method: "POST",
        headers: {
          Authorization: "Bearer sk_test_portal_dev",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: `customer=${C.monthly}&return_url=https://merchant.example/`,
      });
      expect(r.status).toBe(500);
      const body = (await r.json()) as { error: { type: string; message: string } };
      expect(body.error.type).toBe("api_error");
      expect(body.error.message).not.toContain("injected");
    });
    expect(res).toContain("injected outage");
    expect((await env.SESSIONS.list({ prefix: "session:" })).keys.length).toBe(before);
    expect(h.emulator.writes()).toEqual([]);
  });
});

describe("a missing configuration", () => {
  it("is a translated error page, not a crash, and changes nothing", async () => {
    const h = createHarness();
    const configuration = await h.portal.billingPortal.configurations.create(fullConfiguration());
    const browser = await openFullPortal(h, { configuration: configuration.id });
    await env.SESSIONS.delete(`config:v1:platform:${configuration.id}`);
    h.emulator.clearLog();
    await captureConsole(async () => {
      const page = await browser.get("/p");
      expect(page.status).toBe(500);
      expect(pageText(await page.text())).toContain("Something went wrong");
      const post = await browser.post(`/p/subscriptions/${S.monthly}/cancel`, {
        ...(await browser.csrfFields()),
        feedback: "other",
      });
      expect(post.status).toBe(500);
    });
    expect(h.emulator.writes()).toEqual([]);
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).cancel_at_period_end).toBe(false);
  });
});
