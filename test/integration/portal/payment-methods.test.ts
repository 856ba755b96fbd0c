import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { fullConfiguration, openFullPortal, openPortal, pageText } from "../../helpers/portal-session";

const MANU = DEMO.customers.manyMethods;

async function methodsOf(h: Harness, customer: string, account?: string): Promise<Stripe.PaymentMethod[]> {
  const options = account ? { stripeAccount: account } : {};
  return (await h.stripe.customers.listPaymentMethods(customer, { limit: 100 }, options)).data;
}

async function defaultOf(h: Harness, customer: string): Promise<string | null> {
  const c = (await h.stripe.customers.retrieve(customer)) as Stripe.Customer;
  const pm = c.invoice_settings.default_payment_method;
  return typeof pm === "string" ? pm : (pm?.id ?? null);
}

function byType(methods: Stripe.PaymentMethod[], type: string): Stripe.PaymentMethod {
  const pm = methods.find((m) => m.type === type);
  if (!pm) throw new Error(`no ${type} method`);
  return pm;
}

describe("payment methods list", () => {
  it("labels every method readably and marks the default", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MANU, locale: "en" });
    const res = await browser.get("/p/payment-methods");
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain("Visa ending in 4242");
    expect(text).toMatch(/Visa ending in 4242 Expires \d{2}\/\d{4} Default/);
    expect(text).toContain("SEPA Direct Debit ending in 3000");
    expect(text).toContain("STRIPE TEST BANK ending in 6789 US bank account");
    // Only the non-default methods can be made default.
    const html = await (await browser.get("/p/payment-methods")).text();
    const methods = await methodsOf(h, MANU);
    expect(html).not.toContain(`/p/payment-methods/${byType(methods, "card").id}/default`);
    expect(html).toContain(`/p/payment-methods/${byType(methods, "sepa_debit").id}/default`);
  });

  it("is part of the home page", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MANU, locale: "en" });
    const text = pageText(await (await browser.get("/p")).text());
    expect(text).toContain("Payment methods");
    expect(text).toContain("SEPA Direct Debit ending in 3000");
  });

  it("does not exist when payment method updates are disabled", async () => {
    const h = createHarness();
    const browser = await openFullPortal(
      h,
      { customer: MANU, locale: "en" },
      { payment_method_update: { enabled: false }, subscription_update: { enabled: false } },
    );
    expect((await browser.get("/p/payment-methods")).status).toBe(404);
    expect((await browser.get("/p/payment-methods/add")).status).toBe(404);
  });
});

describe("set default", () => {
  it("makes another method the customer's default, with an idempotency key", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MANU, locale: "en" });
    const sepa = byType(await methodsOf(h, MANU), "sepa_debit");
    h.emulator.clearLog();
    const res = await browser.submit("/p/payment-methods", `/p/payment-methods/${sepa.id}/default`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/payment-methods?notice=default_set");
    expect(await defaultOf(h, MANU)).toBe(sepa.id);
    const writes = h.emulator.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.idempotencyKey).toMatch(/^portal-/);
    const text = pageText(await (await browser.get("/p/payment-methods?notice=default_set")).text());
    expect(text).toContain("Your default payment method was updated.");
    expect(text).toMatch(/SEPA Direct Debit ending in 3000 Default/);
  });

  it("applies a double submit once", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MANU, locale: "en" });
    const sepa = byType(await methodsOf(h, MANU), "sepa_debit");
    const action = `/p/payment-methods/${sepa.id}/default`;
    const form = await browser.form("/p/payment-methods", action);
    h.emulator.clearLog();
    const first = await browser.post(action, form.fields);
    const second = await browser.post(action, form.fields);
    expect(second.status).toBe(303);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(h.emulator.writes()).toHaveLength(1);
  });
});

describe("remove", () => {
  it("asks for confirmation, then detaches the method", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MANU, locale: "en" });
    const sepa = byType(await methodsOf(h, MANU), "sepa_debit");
    const confirm = await browser.get(`/p/payment-methods/${sepa.id}/remove`);
    expect(confirm.status).toBe(200);
    expect(pageText(await confirm.text())).toContain("Remove SEPA Direct Debit ending in 3000?");
    const res = await browser.submit(
      `/p/payment-methods/${sepa.id}/remove`,
      `/p/payment-methods/${sepa.id}/remove`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/payment-methods?notice=removed");
    const left = await methodsOf(h, MANU);
    expect(left.map((m) => m.id)).not.toContain(sepa.id);
    expect(left).toHaveLength(2);
  });

  it("refuses to remove the last method while a subscription charges it, and explains why", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    const [card] = await methodsOf(h, DEMO.customers.monthly);
    const list = await (await browser.get("/p/payment-methods")).text();
    expect(list).not.toContain(`/p/payment-methods/${card?.id}/remove`);
    expect(pageText(list)).toContain("This is your only payment method and a subscription is charged to it");

    const confirm = await (await browser.get(`/p/payment-methods/${card?.id}/remove`)).text();
    expect(pageText(confirm)).toContain("Add another payment method first");
    expect(confirm).not.toContain(`action="/p/payment-methods/${card?.id}/remove"`);

    // A crafted POST (with a valid form from another page) is refused the same way.
    const form = await browser.form("/p/payment-methods", "/p/payment-methods/add");
    h.emulator.clearLog();
    const res = await browser.post(`/p/payment-methods/${card?.id}/remove`, form.fields);
    expect(res.status).toBe(409);
    expect(h.emulator.writes()).toEqual([]);
    expect(await methodsOf(h, DEMO.customers.monthly)).toHaveLength(1);
  });

  it("lets an invoice-only customer remove their last method", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.invoicesOnly, locale: "en" });
    const [card] = await methodsOf(h, DEMO.customers.invoicesOnly);
    const action = `/p/payment-methods/${card?.id}/remove`;
    const res = await browser.submit(action, action);
    expect(res.status).toBe(303);
    expect(await methodsOf(h, DEMO.customers.invoicesOnly)).toEqual([]);
  });
});

describe("ownership", () => {
  it("answers 404 for another customer's, a malformed, or another account's method, changing nothing", async () => {
    const h = createHarness();
    const foreign = byType(await methodsOf(h, MANU), "sepa_debit");
    const [connectPm] = await methodsOf(h, DEMO.connect.customer, DEMO_ACCOUNT);
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    const form = await browser.form("/p/payment-methods", "/p/payment-methods/add");
    h.emulator.clearLog();
    for (const id of [foreign.id, connectPm?.id, "pm_DoesNotExist0001", "card_123", "pm_../x"]) {
      expect((await browser.post(`/p/payment-methods/${id}/default`, form.fields)).status, String(id)).toBe(
        404,
      );
      expect((await browser.get(`/p/payment-methods/${id}/remove`)).status, String(id)).toBe(404);
      expect((await browser.post(`/p/payment-methods/${id}/remove`, form.fields)).status, String(id)).toBe(
        404,
      );
    }
    expect(h.emulator.writes()).toEqual([]);
    expect(await methodsOf(h, MANU)).toHaveLength(3);
    expect(await defaultOf(h, DEMO.customers.monthly)).not.toBe(foreign.id);
  });

  it("acts on the connected account for a Connect session", async () => {
    const h = createHarness();
    const connect = await openPortal(
      h,
      {
        customer: DEMO.connect.customer,
        locale: "en",
        configurationParams: fullConfiguration({ subscription_update: { enabled: false } }),
      },
      { stripeAccount: DEMO_ACCOUNT },
    );
    const text = pageText(await (await connect.get("/p/payment-methods")).text());
    expect(text).toContain("Payment methods");
    h.emulator.clearLog();
    const res = await connect.submit("/p/payment-methods", "/p/payment-methods/add");
    expect(res.status).toBe(303);
    expect(h.emulator.writes().map((w) => w.account)).toEqual([DEMO_ACCOUNT]);
  });
});
