import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText, parseForms } from "../../helpers/portal-session";

const IVAN = DEMO.customers.invoicesOnly;

async function invoicesOf(h: Harness, customer: string, account?: string): Promise<Stripe.Invoice[]> {
  const options = account ? { stripeAccount: account } : {};
  return (await h.stripe.invoices.list({ customer, limit: 100 }, options)).data;
}

async function openInvoice(h: Harness, customer: string): Promise<Stripe.Invoice> {
  const open = (await invoicesOf(h, customer)).find((i) => i.status === "open");
  if (!open) throw new Error(`no open invoice for ${customer}`);
  return open;
}

/** Any POST form of the page: a valid CSRF token and submission for crafted requests. */
async function anyForm(browser: PortalBrowser, page: string): Promise<Record<string, string>> {
  const form = parseForms(await (await browser.get(page)).text()).find((f) => f.method === "post");
  if (!form) throw new Error(`no form on ${page}`);
  return form.fields;
}

describe("invoice history", () => {
  it("lists number, date, amount and status with view and download links", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const res = await browser.get("/p/invoices");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    const invoices = await invoicesOf(h, IVAN);
    expect(invoices.length).toBeGreaterThanOrEqual(5);
    for (const invoice of invoices) {
      expect(text).toContain(invoice.number ?? "missing number");
      expect(html).toContain(`href="${invoice.hosted_invoice_url}"`);
      expect(html).toContain(`href="${invoice.invoice_pdf}"`);
    }
    expect(text).toContain("$600.00"); // 4 consulting hours at $150
    expect(text).toContain("Paid");
    expect(text).toContain("Due");
    expect(text).toContain("Pay $750.00");
  });

  it("is on the home page of a customer with invoices and no subscription", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const res = await browser.get("/p");
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain("Invoice history");
    expect(text).toContain("Pay $750.00");
  });

  it("pages through a long history with Stripe's cursors", async () => {
    const h = createHarness();
    const customer = DEMO.customers.taxIds;
    const all = (await invoicesOf(h, customer)).filter((i) => i.status !== "draft");
    expect(all.length).toBeGreaterThan(10);
    const browser = await openFullPortal(h, { customer, locale: "en" });
    const first = await (await browser.get("/p/invoices")).text();
    const older = /href="(\/p\/invoices\?after=[^"]+)"/.exec(first)?.[1];
    expect(older).toBeDefined();
    expect(first).not.toContain("?before=");
    expect(pageText(first)).toContain(all[0]?.number ?? "");
    expect(pageText(first)).not.toContain(all[10]?.number ?? "");

    const second = await (await browser.get(older ?? "")).text();
    expect(pageText(second)).toContain(all[10]?.number ?? "");
    expect(pageText(second)).not.toContain(all[0]?.number ?? "");
    const newer = /href="(\/p\/invoices\?before=[^"]+)"/.exec(second)?.[1];
    expect(newer).toBeDefined();
    const back = await (await browser.get(newer ?? "")).text();
    expect(pageText(back)).toContain(all[0]?.number ?? "");
    expect(back).not.toContain("?before=");
  });

  it("does not exist when invoice history is disabled", async () => {
    const h = createHarness();
    const browser = await openFullPortal(
      h,
      { customer: IVAN, locale: "en" },
      { invoice_history: { enabled: false } },
    );
    expect((await browser.get("/p/invoices")).status).toBe(404);
    expect(pageText(await (await browser.get("/p")).text())).not.toContain("Invoice history");
  });
});

describe("paying an open invoice", () => {
  it("charges the default payment method with an idempotency key", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const invoice = await openInvoice(h, IVAN);
    const customer = (await h.stripe.customers.retrieve(IVAN)) as Stripe.Customer;
    h.emulator.clearLog();
    const res = await browser.submit("/p/invoices", `/p/invoices/${invoice.id}/pay`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/invoices?notice=paid");
    const [write] = h.emulator.writes();
    expect(write?.path).toBe(`/v1/invoices/${invoice.id}/pay`);
    expect(write?.params.payment_method).toBe(customer.invoice_settings.default_payment_method);
    expect(write?.idempotencyKey).toMatch(/^portal-/);
    expect((await h.stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
    const text = pageText(await (await browser.get("/p/invoices?notice=paid")).text());
    expect(text).toContain("Thank you. The invoice was paid.");
    expect(text).not.toContain("Pay $750.00");
  });

  it("turns a decline into a translated message and leaves the invoice open", async () => {
    const h = createHarness();
    const customer = DEMO.customers.pastDue;
    const invoice = await openInvoice(h, customer);
    const browser = await openFullPortal(h, { customer, locale: "en" });
    const res = await browser.submit("/p/invoices", `/p/invoices/${invoice.id}/pay`);
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain("Your payment method was declined.");
    expect((await h.stripe.invoices.retrieve(invoice.id)).status).toBe("open");
  });

  it("refuses an invoice that is not open, changing nothing", async () => {
    const h = createHarness();
    const paid = (await invoicesOf(h, IVAN)).find((i) => i.status === "paid");
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const fields = await anyForm(browser, "/p/invoices");
    h.emulator.clearLog();
    const res = await browser.post(`/p/invoices/${paid?.id}/pay`, fields);
    expect(res.status).toBe(409);
    expect(pageText(await res.text())).toContain("This invoice can't be paid any more.");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("asks for a payment method when the customer has none", async () => {
    const h = createHarness();
    const invoice = await openInvoice(h, IVAN);
    const [card] = (await h.stripe.customers.listPaymentMethods(IVAN)).data;
    await h.stripe.paymentMethods.detach(card?.id ?? "");
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const html = await (await browser.get("/p/invoices")).text();
    expect(html).not.toContain(`/p/invoices/${invoice.id}/pay`);
    const fields = await anyForm(browser, "/p/payment-methods");
    h.emulator.clearLog();
    const res = await browser.post(`/p/invoices/${invoice.id}/pay`, fields);
    expect(res.status).toBe(409);
    expect(pageText(await res.text())).toContain("Add a payment method before paying this invoice.");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("says when the payment service is unavailable", async () => {
    const h = createHarness();
    const invoice = await openInvoice(h, IVAN);
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const form = await browser.form("/p/invoices", `/p/invoices/${invoice.id}/pay`);
    h.emulator.setFaults({ failNext: 3, errorStatus: 503, pathPattern: "/pay" });
    const res = await browser.post(`/p/invoices/${invoice.id}/pay`, form.fields);
    expect(res.status).toBe(502);
    expect(pageText(await res.text())).toContain("We couldn't reach the payment service.");
    expect((await h.stripe.invoices.retrieve(invoice.id)).status).toBe("open");
  });

  it("answers 404 for another customer's, a malformed, or another account's invoice, changing nothing", async () => {
    const h = createHarness();
    const foreign = await openInvoice(h, DEMO.customers.pastDue);
    const [connectInvoice] = await invoicesOf(h, DEMO.connect.customer, DEMO_ACCOUNT);
    const browser = await openFullPortal(h, { customer: IVAN, locale: "en" });
    const fields = await anyForm(browser, "/p/invoices");
    h.emulator.clearLog();
    for (const id of [
      foreign.id,
      connectInvoice?.id ?? "in_connect_missing",
      "in_DoesNotExist001",
      "sub_123",
    ]) {
      expect((await browser.post(`/p/invoices/${id}/pay`, fields)).status, id).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
    expect((await h.stripe.invoices.retrieve(foreign.id)).status).toBe("open");
  });
});
