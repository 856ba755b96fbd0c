import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const C = DEMO.customers;

describe("emulator invoices", () => {
  it("paginates a long history with has_more, starting_after and ending_before", async () => {
    const { stripe } = createHarness();
    const all = await stripe.invoices.list({ customer: C.taxIds, limit: 100 });
    expect(all.data.length).toBeGreaterThanOrEqual(24);
    const created = all.data.map((i) => i.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    const first = await stripe.invoices.list({ customer: C.taxIds, limit: 10 });
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/invoices" });
    expect(first.data.map((i) => i.id)).toEqual(all.data.slice(0, 10).map((i) => i.id));
    const second = await stripe.invoices.list({
      customer: C.taxIds,
      limit: 10,
      starting_after: first.data[9]!.id,
    });
    expect(second.data.map((i) => i.id)).toEqual(all.data.slice(10, 20).map((i) => i.id));
    const back = await stripe.invoices.list({
      customer: C.taxIds,
      limit: 5,
      ending_before: second.data[0]!.id,
    });
    expect(back.data.map((i) => i.id)).toEqual(all.data.slice(5, 10).map((i) => i.id));
    expect(back.has_more).toBe(true);
    const last = await stripe.invoices.list({
      customer: C.taxIds,
      limit: 100,
      starting_after: all.data[all.data.length - 3]!.id,
    });
    expect(last).toMatchObject({ has_more: false });
    expect(last.data).toHaveLength(2);
  });

  it("auto-paginates through the SDK", async () => {
    const { stripe } = createHarness();
    const ids = await stripe.invoices
      .list({ customer: C.taxIds, limit: 7 })
      .autoPagingToArray({ limit: 1000 });
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids.map((i) => i.id)).size).toBe(ids.length);
  });

  it("rejects a bad limit and an unknown cursor", async () => {
    const { stripe } = createHarness();
    await expect(stripe.invoices.list({ limit: 0 })).rejects.toMatchObject({
      statusCode: 400,
      param: "limit",
    });
    await expect(stripe.invoices.list({ starting_after: "in_nope" })).rejects.toMatchObject({
      param: "starting_after",
    });
  });

  it("has current-API invoice shapes: parent.subscription_details, pricing, discounts", async () => {
    const { stripe } = createHarness();
    const [latest] = (await stripe.invoices.list({ customer: C.taxIds, limit: 1 })).data;
    expect(latest).toMatchObject({
      status: "paid",
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: DEMO.subscriptions.taxIds },
      },
      subtotal: 2900,
      total: 2175,
      amount_due: 2175,
      amount_paid: 2175,
      amount_remaining: 0,
    });
    expect(latest!.total_discount_amounts?.[0]?.amount).toBe(725);
    expect(latest!.lines.data[0]?.pricing?.price_details?.price).toBe(DEMO.prices.proMonthly);
    expect(latest!.hosted_invoice_url).toBe(`http://127.0.0.1:12111/invoices/${latest!.id}`);
    expect(latest!.number).toMatch(/^[A-Z0-9]{8}-\d{4}$/);
  });

  it("filters by status and subscription; lists lines; includes confirmation_secret when expanded", async () => {
    const { stripe } = createHarness();
    const open = await stripe.invoices.list({
      customer: C.invoicesOnly,
      status: "open",
      expand: ["data.confirmation_secret"],
    });
    expect(open.data).toHaveLength(1);
    expect(open.data[0]?.confirmation_secret?.type).toBe("payment_intent");
    expect((await stripe.invoices.list({ customer: C.invoicesOnly, status: "paid" })).data).toHaveLength(4);
    const bySub = await stripe.invoices.list({ subscription: DEMO.subscriptions.pastDue });
    expect(
      bySub.data.every((i) => i.parent?.subscription_details?.subscription === DEMO.subscriptions.pastDue),
    ).toBe(true);
    const lines = await stripe.invoices.listLineItems(open.data[0]!.id);
    expect(lines.data[0]).toMatchObject({ object: "line_item", quantity: 5, amount: 75000 });
  });

  it("includes payments (with the payment intent) only when expanded", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly, {
      expand: ["latest_invoice.payments"],
    });
    const invoice = sub.latest_invoice;
    if (!invoice || typeof invoice === "string") throw new Error("not expanded");
    expect(invoice.payments?.data[0]).toMatchObject({
      object: "invoice_payment",
      status: "paid",
      amount_paid: 900,
    });
    expect(invoice.payments?.data[0]?.payment.payment_intent).toMatch(/^pi_/);
    expect(await stripe.invoices.retrieve(invoice.id)).not.toHaveProperty("payments");
    await expect(
      stripe.subscriptions.retrieve(DEMO.subscriptions.monthly, {
        expand: ["latest_invoice.payment_intent"],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("serves the hosted invoice page and lets the customer pay it", async () => {
    const { stripe, emulator } = createHarness();
    const [open] = (await stripe.invoices.list({ customer: C.invoicesOnly, status: "open" })).data;
    const res = await emulator.fetch(open!.hosted_invoice_url!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(open!.number!);
    expect(html).toContain("750.00 USD");
    expect(html).toContain("Acme Cloud");
    const pay = await emulator.fetch(`${open!.hosted_invoice_url}/pay`, {
      method: "POST",
      body: new URLSearchParams({ method: "default" }),
      redirect: "manual",
    });
    expect(pay.status).toBe(303);
    expect((await stripe.invoices.retrieve(open!.id)).status).toBe("paid");
  });

  it("shows a decline on the hosted page and keeps the invoice open", async () => {
    const { stripe, emulator } = createHarness();
    const [open] = (await stripe.invoices.list({ customer: C.pastDue, status: "open" })).data;
    const pay = await emulator.fetch(`${open!.hosted_invoice_url}/pay`, {
      method: "POST",
      body: new URLSearchParams({ method: "default" }),
    });
    expect(pay.status).toBe(402);
    expect(await pay.text()).toContain("Your card was declined.");
    expect((await stripe.invoices.retrieve(open!.id)).status).toBe("open");
  });

  it("serves a valid PDF, also for a connected account's invoice", async () => {
    const { stripe, emulator } = createHarness();
    const [invoice] = (
      await stripe.invoices.list(
        { customer: DEMO.connect.customer, limit: 1 },
        { stripeAccount: DEMO_ACCOUNT },
      )
    ).data;
    const res = await emulator.fetch(invoice!.invoice_pdf!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // The xref offsets point at the objects they name.
    const xrefAt = Number(text.match(/startxref\n(\d+)/)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => {
      expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    });
    expect(text).toContain(`Invoice ${invoice!.number}`);
    expect(text).toContain("Nordlicht Studio");
    expect((await emulator.fetch("http://127.0.0.1:12111/invoices/in_nope/pdf")).status).toBe(404);
  });
});
