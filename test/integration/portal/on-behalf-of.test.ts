import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText } from "../../helpers/portal-session";

const CUSTOMER = DEMO.customers.onBehalfOf;
/** Charged on behalf of the connected account: the session's. */
const OWN = DEMO.subscriptions.onBehalfOf;
/** The platform's own subscription of the same customer: foreign to the session. */
const OTHER = DEMO.subscriptions.onBehalfOfPlatform;

async function invoicesOf(h: Harness, subscription: string): Promise<Stripe.Invoice[]> {
  const list = await h.stripe.invoices.list({ customer: CUSTOMER, subscription, limit: 100 });
  expect(list.data.length, `seeded invoices of ${subscription}`).toBeGreaterThan(0);
  return list.data;
}

function openSession(h: Harness): Promise<PortalBrowser> {
  return openFullPortal(h, { customer: CUSTOMER, on_behalf_of: DEMO_ACCOUNT });
}

describe("portal session with on_behalf_of", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("lists both subscriptions without on_behalf_of, only the account's with it", async () => {
    const plain = await openFullPortal(h, { customer: CUSTOMER });
    const all = await (await plain.get("/p")).text();
    expect(all).toContain(`/p/subscriptions/${OWN}/cancel"`);
    expect(all).toContain(`/p/subscriptions/${OTHER}/cancel"`);

    const browser = await openSession(h);
    const res = await browser.get("/p");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain("$29.00 per month");
    expect(text).not.toContain("$9.00 per month");
    expect(html).toContain(`/p/subscriptions/${OWN}/cancel"`);
    expect(html).not.toContain(OTHER);
  });

  it("shows only the account's invoices in the history", async () => {
    const own = await invoicesOf(h, OWN);
    const other = await invoicesOf(h, OTHER);
    expect(own.every((i) => i.on_behalf_of === DEMO_ACCOUNT)).toBe(true);
    expect(other.every((i) => i.on_behalf_of === null)).toBe(true);

    const browser = await openSession(h);
    const res = await browser.get("/p/invoices");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    for (const invoice of own) {
      expect(text).toContain(invoice.number ?? "missing number");
      expect(html).toContain(`href="${invoice.hosted_invoice_url}"`);
    }
    for (const invoice of other) {
      expect(text).not.toContain(invoice.number ?? "missing number");
      expect(html).not.toContain(`href="${invoice.hosted_invoice_url}"`);
    }
  });

  it("answers 404 for the other subscription's pages and actions and writes nothing", async () => {
    const browser = await openSession(h);
    const base = `/p/subscriptions/${OTHER}`;
    h.emulator.clearLog();
    for (const page of [
      `${base}/update`,
      `${base}/update/confirm?price=${DEMO.prices.basicYearly}`,
      `${base}/cancel`,
      `${base}/pause`,
    ]) {
      expect((await browser.get(page)).status, page).toBe(404);
    }
    for (const action of [
      `${base}/update/confirm`,
      `${base}/cancel`,
      `${base}/retention`,
      `${base}/renew`,
      `${base}/pause`,
      `${base}/resume`,
    ]) {
      const fields = { ...(await browser.csrfFields()), price: DEMO.prices.basicYearly, option: "1-month" };
      expect((await browser.post(action, fields)).status, action).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
    const other = await h.stripe.subscriptions.retrieve(OTHER);
    expect(other).toMatchObject({
      status: "active",
      cancel_at_period_end: false,
      cancel_at: null,
      pause_collection: null,
    });
    expect(other.items.data[0]?.price.id).toBe(DEMO.prices.basicMonthly);
  });

  it("refuses to pay the other subscription's invoice (404) but knows its own (409: already paid)", async () => {
    const [foreign] = await invoicesOf(h, OTHER);
    const [own] = await invoicesOf(h, OWN);
    const browser = await openSession(h);
    h.emulator.clearLog();
    const refused = await browser.post(`/p/invoices/${foreign?.id}/pay`, await browser.csrfFields());
    expect(refused.status).toBe(404);
    const paid = await browser.post(`/p/invoices/${own?.id}/pay`, await browser.csrfFields());
    expect(paid.status).toBe(409);
    expect(h.emulator.writes()).toEqual([]);
  });

  it("acts on the account's own subscription", async () => {
    const browser = await openSession(h);
    const path = `/p/subscriptions/${OWN}/cancel`;
    const res = await browser.submit(path, path, { feedback: "unused" });
    expect(res.status).toBe(303);
    const own = await h.stripe.subscriptions.retrieve(OWN);
    expect(own).toMatchObject({ cancel_at_period_end: true, on_behalf_of: DEMO_ACCOUNT });
    expect((await h.stripe.subscriptions.retrieve(OTHER)).cancel_at_period_end).toBe(false);
  });
});
