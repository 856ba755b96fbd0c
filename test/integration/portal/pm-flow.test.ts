import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import {
  fullConfiguration,
  openFullPortal,
  openPortal,
  type PortalBrowser,
  pageText,
} from "../../helpers/portal-session";

const MONTHLY = DEMO.customers.monthly;
const DONE_URL = "https://merchant.example/card-updated";

async function customer(h: Harness, id: string): Promise<Stripe.Customer> {
  return (await h.stripe.customers.retrieve(id)) as Stripe.Customer;
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

/**
 * Adds a method the way the customer does: the portal's add form, Stripe Checkout (the
 * emulator's stand-in) choosing `method`, and back to the portal's return URL.
 */
async function addThroughCheckout(
  h: Harness,
  browser: PortalBrowser,
  page: string,
  extra: Record<string, string> = {},
  method = "card_4444",
): Promise<{ checkoutUrl: string; returnPath: string; back: Response }> {
  const start = await browser.submit(page, "/p/payment-methods/add", extra);
  expect(start.status).toBe(303);
  const checkoutUrl = start.headers.get("Location") ?? "";
  expect(checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:12111\/checkout\/cs_test_/);
  const done = await h.emulator.fetch(checkoutUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ method }).toString(),
  });
  expect(done.status).toBe(303);
  const success = new URL(done.headers.get("Location") ?? "");
  const returnPath = success.pathname + success.search;
  return { checkoutUrl, returnPath, back: await browser.get(returnPath) };
}

async function lastCheckoutParams(h: Harness): Promise<Record<string, unknown>> {
  const entry = h.emulator.log
    .filter((e) => e.method === "POST" && e.path === "/v1/checkout/sessions")
    .at(-1);
  return entry?.params ?? {};
}

describe("adding a payment method through Checkout", () => {
  it("creates a setup-mode Checkout Session for the customer and makes the new method the default", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    const { returnPath, back } = await addThroughCheckout(h, browser, "/p/payment-methods");

    const params = await lastCheckoutParams(h);
    expect(params).toMatchObject({ mode: "setup", customer: MONTHLY, currency: "usd", locale: "en" });
    expect(String(params.success_url)).toBe(
      "http://localhost/p/payment-methods/added?session_id={CHECKOUT_SESSION_ID}",
    );
    expect(String(params.cancel_url)).toBe("http://localhost/p/payment-methods");
    expect(returnPath).toMatch(/^\/p\/payment-methods\/added\?session_id=cs_test_/);

    expect(back.status).toBe(303);
    expect(back.headers.get("Location")).toBe("/p/payment-methods?notice=added");
    const after = await customer(h, MONTHLY);
    const pm = await h.stripe.paymentMethods.retrieve(
      idOf(after.invoice_settings.default_payment_method) ?? "",
    );
    expect(pm.card?.last4).toBe("4444");
    expect(idOf(pm.customer)).toBe(MONTHLY);
    const text = pageText(await (await browser.get("/p/payment-methods?notice=added")).text());
    expect(text).toContain("Your new payment method was added and is now your default.");
    expect(text).toMatch(/Mastercard ending in 4444 Expires \d{2}\/\d{4} Default/);
  });

  it("repeats nothing when the return page is reloaded", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    const { returnPath } = await addThroughCheckout(h, browser, "/p/payment-methods");
    const firstKeys = h.emulator
      .writes()
      .filter((w) => w.path === `/v1/customers/${MONTHLY}`)
      .map((w) => w.idempotencyKey);
    expect(firstKeys).toHaveLength(1);
    h.emulator.clearLog();
    const again = await browser.get(returnPath);
    expect(again.status).toBe(303);
    // The same idempotency key as the first time: Stripe replays instead of applying again.
    const againKeys = h.emulator.writes().map((w) => w.idempotencyKey);
    expect(againKeys).toEqual(firstKeys);
  });

  it("clears subscription-level overrides only when the customer ticks the box", async () => {
    const h = createHarness();
    const [oldCard] = (await h.stripe.customers.listPaymentMethods(MONTHLY)).data;
    await h.stripe.subscriptions.update(DEMO.subscriptions.monthly, {
      default_payment_method: oldCard?.id ?? "",
    });
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    const page = pageText(await (await browser.get("/p/payment-methods")).text());
    expect(page).toContain("Also use it for my subscription that has its own payment method");

    await addThroughCheckout(h, browser, "/p/payment-methods");
    const kept = await h.stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(idOf(kept.default_payment_method)).toBe(oldCard?.id);

    await addThroughCheckout(h, browser, "/p/payment-methods", { clear_overrides: "1" });
    const cleared = await h.stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(cleared.default_payment_method).toBeNull();
    const newDefault = idOf((await customer(h, MONTHLY)).invoice_settings.default_payment_method);
    expect(newDefault).not.toBe(oldCard?.id);
  });

  it("offers methods for the currency the customer's subscriptions bill in", async () => {
    const h = createHarness();
    await h.stripe.subscriptions.create({
      customer: DEMO.customers.invoicesOnly,
      items: [{ price: DEMO.prices.basicMonthlyEur }],
    });
    await h.stripe.subscriptions.create({
      customer: DEMO.customers.invoicesOnly,
      items: [{ price: DEMO.prices.basicMonthlyEur }],
    });
    const browser = await openFullPortal(h, { customer: DEMO.customers.invoicesOnly, locale: "en" });
    await browser.submit("/p/payment-methods", "/p/payment-methods/add");
    expect((await lastCheckoutParams(h)).currency).toBe("eur");
  });

  it("answers 404 for a Checkout Session of another customer or a malformed id, changing nothing", async () => {
    const h = createHarness();
    const foreign = await h.stripe.checkout.sessions.create({
      mode: "setup",
      customer: DEMO.customers.manyMethods,
      currency: "usd",
      success_url: "https://example.com/ok",
    });
    await h.emulator.fetch(foreign.url ?? "", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "method=card_4242",
    });
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    h.emulator.clearLog();
    for (const id of [foreign.id, "cs_test_DoesNotExist", "pi_123", ""]) {
      expect((await browser.get(`/p/payment-methods/added?session_id=${id}`)).status, id).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
  });

  it("says so when the customer comes back without finishing Checkout", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    const start = await browser.submit("/p/payment-methods", "/p/payment-methods/add");
    const id = new URL(start.headers.get("Location") ?? "").pathname.split("/").pop();
    h.emulator.clearLog();
    const res = await browser.get(`/p/payment-methods/added?session_id=${id}`);
    expect(res.status).toBe(409);
    expect(pageText(await res.text())).toContain("The payment method wasn't added.");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("shows a message and keeps the page when Checkout cannot be opened", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: MONTHLY, locale: "en" });
    const form = await browser.form("/p/payment-methods", "/p/payment-methods/add");
    // The SDK retries 5xx twice; fail all three attempts.
    h.emulator.setFaults({ failNext: 3, errorStatus: 503, pathPattern: "/v1/checkout/sessions" });
    const res = await browser.post("/p/payment-methods/add", form.fields);
    expect(res.status).toBe(502);
    expect(pageText(await res.text())).toContain("We couldn't open the secure page to add a payment method.");
  });
});

describe("payment_method_update flow", () => {
  function openFlow(h: Harness, after?: Stripe.BillingPortal.SessionCreateParams.FlowData.AfterCompletion) {
    return openPortal(h, {
      customer: MONTHLY,
      locale: "en",
      configurationParams: fullConfiguration(),
      flow_data: { type: "payment_method_update", ...(after ? { after_completion: after } : {}) },
    });
  }

  it("opens straight on adding a method and keeps the customer there", async () => {
    const h = createHarness();
    const browser = await openFlow(h);
    const home = await browser.get("/p");
    expect(home.headers.get("Location")).toBe("/p/payment-methods/add");
    const html = await (await browser.get("/p/payment-methods/add")).text();
    expect(pageText(html)).toContain("Add a payment method");
    expect(html).not.toContain('href="/p"');
    const list = await browser.get("/p/payment-methods");
    expect(list.status).toBe(303);
    expect(list.headers.get("Location")).toBe("/p/payment-methods/add");
    expect((await browser.get("/p/billing")).status).toBe(404);
    expect((await browser.get("/p/invoices")).status).toBe(404);
  });

  it("sets the new method as default, then redirects to after_completion's URL", async () => {
    const h = createHarness();
    const browser = await openFlow(h, { type: "redirect", redirect: { return_url: DONE_URL } });
    const { back } = await addThroughCheckout(h, browser, "/p/payment-methods/add");
    expect((await lastCheckoutParams(h)).cancel_url).toBe("http://localhost/p/payment-methods/add");
    expect(back.status).toBe(303);
    expect(back.headers.get("Location")).toBe(DONE_URL);
    const pmId = idOf((await customer(h, MONTHLY)).invoice_settings.default_payment_method);
    expect((await h.stripe.paymentMethods.retrieve(pmId ?? "")).card?.last4).toBe("4444");
  });

  it("shows the hosted confirmation (default, and with a custom message)", async () => {
    const h = createHarness();
    const plain = await openFlow(h);
    const { back } = await addThroughCheckout(h, plain, "/p/payment-methods/add");
    expect(back.headers.get("Location")).toBe("/p/flow/done?outcome=payment_method_added");

    const custom = await openFlow(h, {
      type: "hosted_confirmation",
      hosted_confirmation: { custom_message: "Your card is on file. Thank you!" },
    });
    const second = await addThroughCheckout(h, custom, "/p/payment-methods/add");
    const location = second.back.headers.get("Location") ?? "";
    expect(location).toBe("/p/flow/done?outcome=payment_method_added");
    expect(pageText(await (await custom.get(location)).text())).toContain("Your card is on file. Thank you!");
  });

  it("goes to the portal home with portal_homepage", async () => {
    const h = createHarness();
    const browser = await openFlow(h, { type: "portal_homepage" });
    const { back } = await addThroughCheckout(h, browser, "/p/payment-methods/add");
    expect(back.headers.get("Location")).toBe("/p?notice=payment_method_added");
    expect((await browser.get("/p/payment-methods")).status).toBe(200);
  });
});
