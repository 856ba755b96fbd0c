import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, DEFAULT_START } from "../../helpers/harness";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const NOW = DEFAULT_START / 1000;

async function openInvoice(h: ReturnType<typeof createHarness>, customer: string) {
  const open = await h.stripe.invoices.list({ customer, status: "open" });
  expect(open.data).toHaveLength(1);
  return open.data[0]!;
}

describe("emulator payments and declines", () => {
  it("declines paying the past_due invoice with the 0341 card; the invoice stays open", async () => {
    const h = createHarness();
    const invoice = await openInvoice(h, C.pastDue);
    const err = await h.stripe.invoices.pay(invoice.id).catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
    });
    const after = await h.stripe.invoices.retrieve(invoice.id);
    expect(after).toMatchObject({
      status: "open",
      attempt_count: invoice.attempt_count + 1,
      amount_remaining: 900,
    });
    expect((await h.stripe.subscriptions.retrieve(S.pastDue)).status).toBe("past_due");
  });

  it("paying the open invoice with a good card makes the subscription active", async () => {
    const h = createHarness();
    const good = await h.stripe.paymentMethods.attach("pm_card_visa", { customer: C.pastDue });
    await h.stripe.customers.update(C.pastDue, { invoice_settings: { default_payment_method: good.id } });
    const invoice = await openInvoice(h, C.pastDue);
    const paid = await h.stripe.invoices.pay(invoice.id);
    expect(paid).toMatchObject({ status: "paid", amount_paid: 900, amount_remaining: 0 });
    expect((await h.stripe.subscriptions.retrieve(S.pastDue)).status).toBe("active");
  });

  it("pays with an explicit payment method", async () => {
    const h = createHarness();
    const good = await h.stripe.paymentMethods.attach("pm_card_mastercard", { customer: C.pastDue });
    const invoice = await openInvoice(h, C.pastDue);
    expect(await h.stripe.invoices.pay(invoice.id, { payment_method: good.id })).toMatchObject({
      status: "paid",
    });
  });

  it("error_if_incomplete: a declined upgrade answers 402 and changes nothing", async () => {
    const h = createHarness();
    const sub = await h.stripe.subscriptions.retrieve(S.pastDue);
    const before = await h.stripe.invoices.list({ customer: C.pastDue });
    await expect(
      h.stripe.subscriptions.update(S.pastDue, {
        items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
        proration_behavior: "always_invoice",
        payment_behavior: "error_if_incomplete",
      }),
    ).rejects.toMatchObject({ statusCode: 402, code: "card_declined" });
    const after = await h.stripe.subscriptions.retrieve(S.pastDue);
    expect(after.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect((await h.stripe.invoices.list({ customer: C.pastDue })).data).toHaveLength(before.data.length);
  });

  it("pending_if_incomplete: the update is not applied and pending_update is set; paying applies it", async () => {
    const h = createHarness();
    const sub = await h.stripe.subscriptions.retrieve(S.pastDue);
    const updated = await h.stripe.subscriptions.update(S.pastDue, {
      items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
      proration_behavior: "always_invoice",
      payment_behavior: "pending_if_incomplete",
      proration_date: NOW,
    });
    expect(updated.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(updated.pending_update?.subscription_items?.[0]?.price.id).toBe(PR.proMonthly);
    expect(updated.pending_update?.expires_at).toBe(NOW + 23 * 3600);

    const good = await h.stripe.paymentMethods.attach("pm_card_visa", { customer: C.pastDue });
    await h.stripe.invoices.pay(String(updated.latest_invoice), { payment_method: good.id });
    const applied = await h.stripe.subscriptions.retrieve(S.pastDue);
    expect(applied.pending_update).toBeNull();
    expect(applied.items.data[0]?.price.id).toBe(PR.proMonthly);
  });

  it("allow_incomplete: the update is applied and the subscription goes past_due", async () => {
    const h = createHarness();
    const bad = await h.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: C.monthly });
    await h.stripe.customers.update(C.monthly, { invoice_settings: { default_payment_method: bad.id } });
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    const updated = await h.stripe.subscriptions.update(S.monthly, {
      items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
      proration_behavior: "always_invoice",
      payment_behavior: "allow_incomplete",
      expand: ["latest_invoice"],
    });
    expect(updated.status).toBe("past_due");
    expect(updated.items.data[0]?.price.id).toBe(PR.proMonthly);
    expect(updated.latest_invoice).toMatchObject({ status: "open", attempt_count: 1 });
  });

  it("does not replay a decline into a different result: an idempotent retry gives the same 402", async () => {
    const h = createHarness();
    const invoice = await openInvoice(h, C.pastDue);
    const options = { idempotencyKey: "pay-once" };
    await expect(h.stripe.invoices.pay(invoice.id, {}, options)).rejects.toMatchObject({ statusCode: 402 });
    await expect(h.stripe.invoices.pay(invoice.id, {}, options)).rejects.toMatchObject({ statusCode: 402 });
    expect((await h.stripe.invoices.retrieve(invoice.id)).attempt_count).toBe(invoice.attempt_count + 1);
  });
});
