/**
 * 3-D Secure without JavaScript: the plan change and the invoice payment send the customer to
 * the bank's page (the emulator's stand-in) through Stripe's manual redirect, and the return
 * URL finishes what was started, or leaves everything as it was.
 */
import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { savePendingPayment } from "../../../worker/portal/payments/pending-payment";
import { findSession } from "../../../worker/store/session-store";
import { createHarness, type Harness } from "../../helpers/harness";
import {
  openFullPortal,
  PORTAL_ORIGIN,
  type PortalBrowser,
  pageText,
  parseForms,
} from "../../helpers/portal-session";

const C = DEMO.customers;
const S = DEMO.subscriptions;
const PR = DEMO.prices;
const EMULATOR = "http://127.0.0.1:12111";
const confirmPath = (sub: string) => `/p/subscriptions/${sub}/update/confirm`;

/** Plan changes that are invoiced at once: what makes Stripe collect (and ask the bank) now. */
const ALWAYS_INVOICE: Partial<Stripe.BillingPortal.ConfigurationCreateParams.Features> = {
  subscription_update: {
    enabled: true,
    default_allowed_updates: ["price", "promotion_code"],
    proration_behavior: "always_invoice",
    products: [
      { product: DEMO.products.basic, prices: [PR.basicMonthly] },
      { product: DEMO.products.pro, prices: [PR.proMonthly] },
    ],
  },
};

/** Opens the preview of a change and posts its confirm form, as the customer's browser does. */
async function confirmChange(browser: PortalBrowser, sub: string, query: Record<string, string>) {
  const html = await (await browser.get(`${confirmPath(sub)}?${new URLSearchParams(query)}`)).text();
  const form = parseForms(html).find((f) => f.method === "post" && f.action === confirmPath(sub));
  expect(form, pageText(html).slice(0, 300)).toBeDefined();
  return browser.post(confirmPath(sub), form?.fields ?? {});
}

/** Answers the bank's (stand-in) page: loads it and submits one of its two buttons. */
async function answerBank(h: Harness, url: string, result: "complete" | "fail"): Promise<string> {
  expect(url.startsWith(`${EMULATOR}/hosted/authenticate/pi_`), url).toBe(true);
  const page = await h.emulator.fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = parseForms(html)[0];
  expect(form).toBeDefined();
  const res = await h.emulator.fetch(`${EMULATOR}${form?.action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form?.fields, result }).toString(),
  });
  expect(res.status).toBe(303);
  const back = new URL(res.headers.get("Location") ?? "");
  // Stripe sends the browser back to the portal's return URL with the intent in the query.
  expect(back.origin).toBe(PORTAL_ORIGIN);
  expect(back.pathname).toBe("/p/payments/return");
  expect(back.searchParams.get("payment_intent")).toMatch(/^pi_/);
  return `${back.pathname}${back.search}`;
}

async function price(h: Harness, sub: string): Promise<string | undefined> {
  return (await h.stripe.subscriptions.retrieve(sub)).items.data[0]?.price.id;
}

function writesTo(h: Harness, pattern: RegExp) {
  return h.emulator.writes().filter((w) => pattern.test(w.path));
}

describe("plan change that needs 3-D Secure", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("goes to the bank's page, and completing it applies the change and says so", async () => {
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    h.emulator.clearLog();
    const res = await confirmChange(browser, S.sca, { price: PR.proMonthly });
    expect(res.status).toBe(303);
    const bank = res.headers.get("Location") ?? "";

    // Nothing applied yet: Stripe holds the change until the invoice is paid.
    const update = writesTo(h, new RegExp(`^/v1/subscriptions/${S.sca}$`))[0];
    expect(update?.params).toMatchObject({ payment_behavior: "pending_if_incomplete" });
    expect(update?.params.discounts).toBeUndefined();
    const confirm = writesTo(h, /^\/v1\/payment_intents\/pi_\w+\/confirm$/)[0];
    expect(confirm?.params).toEqual({ return_url: `${PORTAL_ORIGIN}/p/payments/return` });
    expect(confirm?.idempotencyKey).toMatch(/^portal-/);
    const pending = await h.stripe.subscriptions.retrieve(S.sca);
    expect(pending.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(pending.pending_update?.subscription_items?.[0]?.price.id).toBe(PR.proMonthly);

    const back = await answerBank(h, bank, "complete");
    const done = await browser.get(back);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/p?notice=plan_updated");
    expect(await price(h, S.sca)).toBe(PR.proMonthly);
    expect((await h.stripe.invoices.retrieve(String(pending.latest_invoice))).status).toBe("paid");
    expect(pageText(await (await browser.get("/p?notice=plan_updated")).text())).toContain(
      "Your plan has been updated.",
    );
  });

  it("a double submit sends the customer to the same bank page and charges once", async () => {
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    const html = await (await browser.get(`${confirmPath(S.sca)}?price=${PR.proMonthly}`)).text();
    const form = parseForms(html).find((f) => f.method === "post" && f.action === confirmPath(S.sca));
    const first = await browser.post(confirmPath(S.sca), form?.fields ?? {});
    const second = await browser.post(confirmPath(S.sca), form?.fields ?? {});
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect((await h.stripe.invoices.list({ customer: C.sca, status: "open" })).data).toHaveLength(1);
  });

  it("failing the bank's page leaves the plan, voids the invoice and offers to try again", async () => {
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    const res = await confirmChange(browser, S.sca, { price: PR.proMonthly });
    const invoice = String((await h.stripe.subscriptions.retrieve(S.sca)).latest_invoice);
    const back = await answerBank(h, res.headers.get("Location") ?? "", "fail");
    const page = await browser.get(back);
    expect(page.status).toBe(422);
    const html = await page.text();
    const text = pageText(html);
    expect(text).toContain("Your payment wasn't confirmed");
    expect(text).toContain("your plan was not changed");
    expect(html).toContain(
      `href="${confirmPath(S.sca)}?price=${PR.proMonthly}&amp;quantity=1&amp;promotion_code="`,
    );
    expect(await price(h, S.sca)).toBe(PR.basicMonthly);
    expect((await h.stripe.invoices.retrieve(invoice)).status).toBe("void");
    const after = await h.stripe.subscriptions.retrieve(S.sca);
    expect(after.pending_update).toBeNull();
    // Coming back to the same URL again changes nothing more.
    h.emulator.clearLog();
    expect((await browser.get(back)).status).toBe(422);
    expect(writesTo(h, /^\/v1\//)).toEqual([]);
  });

  it("a declined card leaves the plan unchanged and voids the invoice, without asking the bank", async () => {
    const bad = await h.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: C.monthly });
    await h.stripe.customers.update(C.monthly, { invoice_settings: { default_payment_method: bad.id } });
    const browser = await openFullPortal(h, { customer: C.monthly }, ALWAYS_INVOICE);
    h.emulator.clearLog();
    const res = await confirmChange(browser, S.monthly, { price: PR.proMonthly });
    expect(res.status).toBe(422);
    const text = pageText(await res.text());
    expect(text).toContain("Your payment didn't go through");
    expect(text).toContain("Nothing was changed.");
    const update = writesTo(h, new RegExp(`^/v1/subscriptions/${S.monthly}$`))[0];
    expect(update?.params).toMatchObject({ payment_behavior: "pending_if_incomplete" });
    expect(writesTo(h, /\/confirm$/)).toEqual([]);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(sub.pending_update).toBeNull();
    const voided = writesTo(h, /^\/v1\/invoices\/in_\w+\/void$/);
    expect(voided).toHaveLength(1);
    expect(voided[0]?.idempotencyKey).toMatch(/^portal-/);
    expect((await h.stripe.invoices.list({ customer: C.monthly, status: "open" })).data).toEqual([]);
  });

  it("with a promotion code the change cannot wait for the bank: it says so and changes nothing", async () => {
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    const before = (await h.stripe.invoices.list({ customer: C.sca })).data.length;
    h.emulator.clearLog();
    const res = await confirmChange(browser, S.sca, { price: PR.proMonthly, promotion_code: "WELCOME10" });
    expect(res.status).toBe(422);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain("Your bank needs to confirm this payment");
    expect(text).toContain("without the promotion code");
    expect(text).not.toContain("declined");
    // "Try again" keeps the plan and drops the code.
    expect(html).toContain(`href="/p/subscriptions/${S.sca}/update?price=${PR.proMonthly}&amp;quantity=1"`);
    const update = writesTo(h, new RegExp(`^/v1/subscriptions/${S.sca}$`))[0];
    expect(update?.params).toMatchObject({ payment_behavior: "error_if_incomplete" });
    expect(update?.params.discounts).toBeDefined();
    const sub = await h.stripe.subscriptions.retrieve(S.sca, { expand: ["discounts"] });
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(sub.discounts).toEqual([]);
    expect((await h.stripe.invoices.list({ customer: C.sca })).data).toHaveLength(before);
  });

  it("inside a deep-link flow, completing the bank's page ends with the flow's redirect", async () => {
    const item = (await h.stripe.subscriptions.retrieve(S.sca)).items.data[0]?.id ?? "";
    const browser = await openFullPortal(
      h,
      {
        customer: C.sca,
        flow_data: {
          type: "subscription_update_confirm",
          subscription_update_confirm: { subscription: S.sca, items: [{ id: item, price: PR.proMonthly }] },
          after_completion: {
            type: "redirect",
            redirect: { return_url: "https://merchant.example/upgraded" },
          },
        },
      },
      ALWAYS_INVOICE,
    );
    const res = await confirmChange(browser, S.sca, {});
    expect(res.status).toBe(303);
    const back = await answerBank(h, res.headers.get("Location") ?? "", "complete");
    const done = await browser.get(back);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("https://merchant.example/upgraded");
    expect(await price(h, S.sca)).toBe(PR.proMonthly);
  });
});

describe("the payment return URL", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  async function intentOfOpenInvoice(customer: string): Promise<{ invoice: string; intent: string }> {
    const [open] = (await h.stripe.invoices.list({ customer, status: "open", expand: ["data.payments"] }))
      .data;
    const intent = open?.payments?.data[0]?.payment.payment_intent;
    expect(typeof intent).toBe("string");
    return { invoice: open?.id ?? "", intent: String(intent) };
  }

  it("is a 404 for another customer's PaymentIntent, and for one this session did not start", async () => {
    const foreign = await intentOfOpenInvoice(C.pastDue);
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    h.emulator.clearLog();
    for (const query of [
      `payment_intent=${foreign.intent}&redirect_status=succeeded`,
      "payment_intent=pi_nope&redirect_status=succeeded",
      "payment_intent=in_123",
      "",
    ]) {
      const res = await browser.get(`/p/payments/return?${query}`);
      expect(res.status, query).toBe(404);
      expect(await res.text()).toContain("Page not found");
    }
    expect(h.emulator.writes()).toEqual([]);
  });

  it("is a 404 when the remembered payment is not the session customer's (nothing voided)", async () => {
    const foreign = await intentOfOpenInvoice(C.pastDue);
    const browser = await openFullPortal(h, { customer: C.sca }, ALWAYS_INVOICE);
    const lookup = await findSession(env.SESSIONS, browser.cookie.split("=")[1] ?? "", h.clock.now());
    if (lookup.status !== "active") throw new Error("session not active");
    // A record naming someone else's invoice (as if KV had been tampered with).
    await savePendingPayment(env.SESSIONS, lookup.session.record.id, foreign.intent, {
      purpose: "plan_change",
      invoice: foreign.invoice,
      subscription: S.pastDue,
      retry: "/p",
    });
    h.emulator.clearLog();
    const res = await browser.get(`/p/payments/return?payment_intent=${foreign.intent}`);
    expect(res.status).toBe(404);
    expect(h.emulator.writes()).toEqual([]);
    expect((await h.stripe.invoices.retrieve(foreign.invoice)).status).toBe("open");
  });

  it("needs the portal session like every customer page", async () => {
    const res = await h.request("/p/payments/return?payment_intent=pi_123");
    expect(res.status).toBe(404);
    expect(pageText(await res.text())).not.toContain("Your plan has been updated");
  });
});

describe("paying an open invoice that needs 3-D Secure", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let invoice: string;

  beforeEach(async () => {
    h = createHarness();
    // The renewal is charged off-session: the 3184 card cannot pay it without the customer.
    const sub = await h.stripe.subscriptions.retrieve(S.sca);
    h.clock.set((sub.items.data[0]!.current_period_end + 3600) * 1000);
    const renewed = await h.stripe.subscriptions.retrieve(S.sca);
    expect(renewed.status).toBe("past_due");
    invoice = String(renewed.latest_invoice);
    browser = await openFullPortal(h, { customer: C.sca });
  });

  async function pay(): Promise<Response> {
    const res = await browser.submit("/p/invoices", `/p/invoices/${invoice}/pay`);
    expect(res.status).toBe(303);
    return res;
  }

  it("goes to the bank's page and comes back to the history with the invoice paid", async () => {
    const res = await pay();
    const back = await answerBank(h, res.headers.get("Location") ?? "", "complete");
    const done = await browser.get(back);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/p/invoices?notice=paid");
    expect(pageText(await (await browser.get("/p/invoices?notice=paid")).text())).toContain(
      "Thank you. The invoice was paid.",
    );
    expect((await h.stripe.invoices.retrieve(invoice)).status).toBe("paid");
    expect((await h.stripe.subscriptions.retrieve(S.sca)).status).toBe("active");
  });

  it("a failed confirmation leaves the invoice open and says so", async () => {
    const res = await pay();
    const back = await answerBank(h, res.headers.get("Location") ?? "", "fail");
    h.emulator.clearLog();
    const page = await browser.get(back);
    expect(page.status).toBe(422);
    expect(pageText(await page.text())).toContain(
      "Your bank didn't confirm the payment, so the invoice is still open.",
    );
    expect(h.emulator.writes()).toEqual([]);
    expect((await h.stripe.invoices.retrieve(invoice)).status).toBe("open");
  });
});
