import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, DEFAULT_START } from "../../helpers/harness";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const NOW = DEFAULT_START / 1000;
const DAY = 86_400;

describe("emulator subscriptions", () => {
  it("seeds every demo case with the right status and shape", async () => {
    const { stripe } = createHarness();
    const all = await stripe.subscriptions.list({ status: "all", limit: 100 });
    const byId = new Map(all.data.map((s) => [s.id, s]));
    expect(byId.get(S.monthly)).toMatchObject({
      status: "active",
      billing_mode: { type: "classic" },
      collection_method: "charge_automatically",
    });
    expect(byId.get(S.trialing)).toMatchObject({ status: "trialing", trial_end: NOW + 10 * DAY });
    expect(byId.get(S.pastDue)?.status).toBe("past_due");
    expect(byId.get(S.cancelScheduled)).toMatchObject({ cancel_at_period_end: true, status: "active" });
    expect(byId.get(S.multiItem)?.items.data).toHaveLength(2);
    expect(byId.get(S.metered)?.items.data[0]?.price.recurring?.usage_type).toBe("metered");
    expect(byId.get(S.sendInvoice)).toMatchObject({ collection_method: "send_invoice", days_until_due: 30 });
    expect(byId.get(S.scheduled)?.schedule).toBe(DEMO.schedules.scheduled);
    expect(byId.get(S.taxUnspecified)?.items.data[0]?.price.tax_behavior).toBe("unspecified");
    expect(byId.get(S.manyMethods)?.billing_mode.type).toBe("flexible");
    const connect = await stripe.subscriptions.retrieve(
      DEMO.connect.subscription,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(connect).toMatchObject({ status: "active", currency: "eur" });
  });

  it("lists by customer and status, expanding nested data paths", async () => {
    const { stripe } = createHarness();
    const list = await stripe.subscriptions.list({
      customer: C.multiItem,
      expand: ["data.items.data.price.product", "data.latest_invoice", "data.default_payment_method"],
    });
    const sub = list.data[0]!;
    expect(
      sub.items.data
        .map((i) => (typeof i.price.product === "string" ? i.price.product : i.price.product.id))
        .sort(),
    ).toEqual([DEMO.products.addon, DEMO.products.pro].sort());
    expect(typeof sub.latest_invoice).toBe("object");
    const pastDue = await stripe.subscriptions.list({ status: "past_due" });
    expect(pastDue.data.map((s) => s.id)).toEqual([S.pastDue]);
    const ended = await stripe.subscriptions.list({ status: "ended" });
    expect(ended.data).toEqual([]);
  });

  it("switches price with create_prorations, leaving prorations for the next invoice", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.retrieve(S.monthly);
    const item = sub.items.data[0]!;
    const updated = await stripe.subscriptions.update(S.monthly, {
      items: [{ id: item.id, price: PR.proMonthly }],
      proration_behavior: "create_prorations",
      proration_date: NOW,
    });
    expect(updated.items.data[0]).toMatchObject({ id: item.id, price: { id: PR.proMonthly } });
    expect(updated.latest_invoice).toBe(sub.latest_invoice);
    const preview = await stripe.invoices.createPreview({ subscription: S.monthly });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-319, 1029, 2900]);
  });

  it("invoices and charges prorations at once with always_invoice", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.retrieve(S.monthly);
    const updated = await stripe.subscriptions.update(S.monthly, {
      items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
      proration_behavior: "always_invoice",
      proration_date: NOW,
      expand: ["latest_invoice"],
    });
    const invoice = updated.latest_invoice;
    if (!invoice || typeof invoice === "string") throw new Error("latest_invoice not expanded");
    expect(invoice).toMatchObject({
      status: "paid",
      amount_paid: 710,
      billing_reason: "subscription_update",
    });
  });

  it("resets the billing cycle to now and invoices the full amount with billing_cycle_anchor=now", async () => {
    const { stripe } = createHarness();
    const updated = await stripe.subscriptions.update(S.monthly, {
      billing_cycle_anchor: { type: "now" },
      proration_behavior: "none",
      expand: ["latest_invoice"],
    });
    expect(updated.items.data[0]).toMatchObject({
      current_period_start: NOW,
      current_period_end: Date.UTC(2026, 11, 2, 12) / 1000,
    });
    expect(updated.billing_cycle_anchor).toBe(NOW);
    expect(updated.latest_invoice).toMatchObject({ amount_paid: 900 });
  });

  it("ends a trial now with an immediate invoice for the price", async () => {
    const { stripe } = createHarness();
    const updated = await stripe.subscriptions.update(S.trialing, {
      trial_end: "now",
      expand: ["latest_invoice"],
    });
    expect(updated).toMatchObject({ status: "active", trial_end: NOW });
    expect(updated.latest_invoice).toMatchObject({ status: "paid", amount_paid: 2900 });
  });

  it("schedules and clears cancellation, with details", async () => {
    const { stripe } = createHarness();
    const scheduled = await stripe.subscriptions.update(S.monthly, {
      cancel_at_period_end: true,
      cancellation_details: { comment: "too pricey", feedback: "too_expensive" },
    });
    expect(scheduled).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: NOW + 11 * DAY,
      canceled_at: NOW,
      cancellation_details: { comment: "too pricey", feedback: "too_expensive" },
    });
    const renewed = await stripe.subscriptions.update(S.monthly, { cancel_at_period_end: false });
    expect(renewed).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null });
  });

  it("sets cancel_at on a flexible subscription, including min_period_end, and clears it", async () => {
    const { stripe } = createHarness();
    const at = NOW + 5 * DAY;
    expect(await stripe.subscriptions.update(S.manyMethods, { cancel_at: at })).toMatchObject({
      cancel_at: at,
    });
    const min = await stripe.subscriptions.update(S.manyMethods, { cancel_at: "min_period_end" });
    expect(min.cancel_at).toBe(min.items.data[0]!.current_period_end);
    expect(await stripe.subscriptions.update(S.manyMethods, { cancel_at: "" })).toMatchObject({
      cancel_at: null,
    });
    await expect(
      stripe.subscriptions.update(S.monthly, { cancel_at: "min_period_end" }),
    ).rejects.toMatchObject({ param: "cancel_at" });
  });

  it("keeps cancel_at_period_end false when cancel_at falls on the period end, in either billing mode", async () => {
    const { stripe } = createHarness();
    for (const id of [S.manyMethods, S.monthly]) {
      const periodEnd = (await stripe.subscriptions.retrieve(id)).items.data[0]!.current_period_end;
      expect(await stripe.subscriptions.update(id, { cancel_at: periodEnd })).toMatchObject({
        cancel_at: periodEnd,
        cancel_at_period_end: false,
        canceled_at: NOW,
      });
    }
    // A cancel_at replaces an earlier cancel_at_period_end=true.
    const classicEnd = NOW + 11 * DAY;
    await stripe.subscriptions.update(S.monthly, { cancel_at_period_end: true });
    expect(await stripe.subscriptions.update(S.monthly, { cancel_at: classicEnd - DAY })).toMatchObject({
      cancel_at: classicEnd - DAY,
      cancel_at_period_end: false,
    });
  });

  it("pauses and resumes collection", async () => {
    const { stripe } = createHarness();
    const paused = await stripe.subscriptions.update(S.monthly, {
      pause_collection: { behavior: "void", resumes_at: NOW + 40 * DAY },
    });
    expect(paused.pause_collection).toEqual({ behavior: "void", resumes_at: NOW + 40 * DAY });
    expect(
      (await stripe.subscriptions.update(S.monthly, { pause_collection: "" })).pause_collection,
    ).toBeNull();
  });

  it("applies and removes discounts", async () => {
    const { stripe } = createHarness();
    const withDiscount = await stripe.subscriptions.update(S.monthly, {
      discounts: [{ coupon: DEMO.coupons.retention }],
      expand: ["discounts"],
    });
    expect(withDiscount.discounts[0]).toMatchObject({
      object: "discount",
      source: { coupon: DEMO.coupons.retention },
    });
    expect((await stripe.coupons.retrieve(DEMO.coupons.retention)).times_redeemed).toBe(2);
    const preview = await stripe.invoices.createPreview({ subscription: S.monthly });
    expect(preview.total).toBe(675);
    expect((await stripe.subscriptions.update(S.monthly, { discounts: "" })).discounts).toEqual([]);
  });

  it("sets and clears the subscription's default payment method (only the customer's own)", async () => {
    const { stripe } = createHarness();
    const [card] = (await stripe.paymentMethods.list({ customer: C.manyMethods, type: "sepa_debit" })).data;
    const updated = await stripe.subscriptions.update(S.manyMethods, { default_payment_method: card!.id });
    expect(updated.default_payment_method).toBe(card!.id);
    expect(
      (await stripe.subscriptions.update(S.manyMethods, { default_payment_method: "" }))
        .default_payment_method,
    ).toBeNull();
    await expect(
      stripe.subscriptions.update(S.monthly, { default_payment_method: card!.id }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "default_payment_method",
    });
  });

  it("rejects bad item parameters and changes nothing", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.retrieve(S.monthly);
    const id = sub.items.data[0]!.id;
    await expect(
      stripe.subscriptions.update(S.monthly, { items: [{ id, price: "price_nope" }] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "items[0][price]",
    });
    await expect(
      stripe.subscriptions.update(S.monthly, { items: [{ id, price: PR.basicMonthlyEur }] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "items[0][price]",
    });
    await expect(
      stripe.subscriptions.update(S.monthly, {
        proration_behavior: "sometimes" as never,
        items: [{ id, quantity: 2 }],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "proration_behavior" });
    expect((await stripe.subscriptions.retrieve(S.monthly)).items.data[0]).toMatchObject({
      price: { id: PR.basicMonthly },
      quantity: 1,
    });
  });

  it("refuses item and cancellation changes on a subscription managed by a schedule", async () => {
    const { stripe } = createHarness();
    await expect(
      stripe.subscriptions.update(S.scheduled, { cancel_at_period_end: true }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("cancels immediately with prorate and invoice_now, crediting the customer", async () => {
    const { stripe } = createHarness();
    const canceled = await stripe.subscriptions.cancel(S.monthly, {
      prorate: true,
      invoice_now: true,
      cancellation_details: { feedback: "unused" },
    });
    expect(canceled).toMatchObject({
      status: "canceled",
      canceled_at: NOW,
      ended_at: NOW,
      cancellation_details: { feedback: "unused", reason: "cancellation_requested" },
    });
    const customer = await stripe.customers.retrieve(C.monthly);
    if (customer.deleted) throw new Error("deleted");
    expect(customer.balance).toBe(-319);
    expect((await stripe.subscriptions.list({ customer: C.monthly })).data).toEqual([]);
    expect((await stripe.subscriptions.list({ customer: C.monthly, status: "canceled" })).data).toHaveLength(
      1,
    );
    await expect(
      stripe.subscriptions.update(S.monthly, { items: [{ price: PR.proMonthly }] }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("creates a subscription (for tests) and charges its first invoice", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.create({
      customer: C.invoicesOnly,
      items: [{ price: PR.enterpriseMonthly }],
      expand: ["latest_invoice"],
    });
    expect(sub).toMatchObject({
      status: "active",
      latest_invoice: { amount_paid: 9900, billing_reason: "subscription_create" },
    });
  });
});
