import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, DEFAULT_START } from "../../helpers/harness";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const NOW = DEFAULT_START / 1000;
const DAY = 86_400;

describe("emulator clock-driven lifecycle", () => {
  it("renews at period end with a paid invoice", async () => {
    const h = createHarness();
    const before = await h.stripe.invoices.list({ customer: C.monthly });
    h.clock.advance(12 * DAY * 1000);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["latest_invoice"] });
    expect(sub.items.data[0]).toMatchObject({
      current_period_start: NOW + 11 * DAY,
      current_period_end: Date.UTC(2026, 11, 13, 12) / 1000,
    });
    expect(sub.latest_invoice).toMatchObject({
      status: "paid",
      amount_paid: 900,
      billing_reason: "subscription_cycle",
    });
    expect((await h.stripe.invoices.list({ customer: C.monthly })).data).toHaveLength(before.data.length + 1);
  });

  it("includes pending prorations in the renewal invoice", async () => {
    const h = createHarness();
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    await h.stripe.subscriptions.update(S.monthly, {
      items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
      proration_date: NOW,
    });
    h.clock.advance(12 * DAY * 1000);
    const renewed = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["latest_invoice"] });
    expect(renewed.latest_invoice).toMatchObject({ amount_paid: 3610 });
  });

  it("ends a subscription cancelling at period end", async () => {
    const h = createHarness();
    h.clock.set(Date.UTC(2026, 10, 26));
    const sub = await h.stripe.subscriptions.retrieve(S.cancelScheduled);
    expect(sub).toMatchObject({ status: "canceled", ended_at: Date.UTC(2026, 10, 25, 12) / 1000 });
  });

  it("ends a flexible subscription at its cancel_at period end, without a renewal invoice", async () => {
    const h = createHarness();
    const periodEnd = (await h.stripe.subscriptions.retrieve(S.manyMethods)).items.data[0]!
      .current_period_end;
    await h.stripe.subscriptions.update(S.manyMethods, { cancel_at: periodEnd });
    const before = await h.stripe.invoices.list({ customer: C.manyMethods });
    h.clock.set((periodEnd + DAY) * 1000);
    const sub = await h.stripe.subscriptions.retrieve(S.manyMethods);
    expect(sub).toMatchObject({ status: "canceled", ended_at: periodEnd, cancel_at_period_end: false });
    expect((await h.stripe.invoices.list({ customer: C.manyMethods })).data).toHaveLength(before.data.length);
  });

  it("resumes a paused subscription at resumes_at, voiding the renewals before it", async () => {
    const h = createHarness();
    await h.stripe.subscriptions.update(S.monthly, {
      pause_collection: { behavior: "void", resumes_at: NOW + 15 * DAY },
    });
    h.clock.advance(14 * DAY * 1000);
    const paused = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["latest_invoice"] });
    expect(paused.pause_collection).toMatchObject({ resumes_at: NOW + 15 * DAY });
    expect(paused.latest_invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "void" });
    h.clock.advance(2 * DAY * 1000);
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).pause_collection).toBeNull();
  });

  it("ends the trial and charges when the trial is over", async () => {
    const h = createHarness();
    h.clock.advance(11 * DAY * 1000);
    const sub = await h.stripe.subscriptions.retrieve(S.trialing, { expand: ["latest_invoice"] });
    expect(sub.status).toBe("active");
    expect(sub.latest_invoice).toMatchObject({ amount_paid: 2900 });
  });

  it("moves the scheduled subscription into its next phase", async () => {
    const h = createHarness();
    h.clock.advance(21 * DAY * 1000);
    const sub = await h.stripe.subscriptions.retrieve(S.scheduled);
    expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    const schedule = await h.stripe.subscriptionSchedules.retrieve(DEMO.schedules.scheduled);
    expect(schedule.current_phase?.start_date).toBe(schedule.phases[1]?.start_date);
  });
});

describe("emulator subscription schedules", () => {
  it("creates a schedule from a subscription, updates phases, and releases it", async () => {
    const h = createHarness();
    const schedule = await h.stripe.subscriptionSchedules.create({ from_subscription: S.monthly });
    expect(schedule).toMatchObject({
      status: "active",
      subscription: S.monthly,
      phases: [{ items: [{ price: PR.basicMonthly }] }],
    });
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).schedule).toBe(schedule.id);
    const phase = schedule.phases[0]!;
    const updated = await h.stripe.subscriptionSchedules.update(schedule.id, {
      end_behavior: "cancel",
      phases: [
        { items: [{ price: PR.basicMonthly }], start_date: phase.start_date, end_date: phase.end_date },
        { items: [{ price: PR.enterpriseMonthly }], duration: { interval: "month", interval_count: 2 } },
      ],
    });
    expect(updated.phases).toHaveLength(2);
    expect(updated.end_behavior).toBe("cancel");
    const released = await h.stripe.subscriptionSchedules.release(schedule.id);
    expect(released).toMatchObject({ status: "released", released_subscription: S.monthly });
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).schedule).toBeNull();
  });

  it("keeps phase discounts and redeems them when the subscription enters the phase", async () => {
    const h = createHarness();
    const taxIds = await h.stripe.subscriptionSchedules.create({ from_subscription: S.taxIds });
    const [kept] = (await h.stripe.subscriptions.retrieve(S.taxIds)).discounts;
    expect(taxIds.phases[0]?.discounts).toEqual([{ coupon: null, discount: kept, promotion_code: null }]);

    const schedule = await h.stripe.subscriptionSchedules.create({ from_subscription: S.monthly });
    const first = schedule.phases[0]!;
    const phases = (code: string) => [
      { items: [{ price: PR.basicMonthly }], start_date: first.start_date, end_date: first.end_date },
      { items: [{ price: PR.proMonthly }], discounts: [{ promotion_code: code }] },
    ];
    await expect(
      h.stripe.subscriptionSchedules.update(schedule.id, { phases: phases(DEMO.promotionCodes.expired) }),
    ).rejects.toMatchObject({ statusCode: 400, param: "phases[1][discounts][0][promotion_code]" });
    expect((await h.stripe.subscriptionSchedules.retrieve(schedule.id)).phases).toHaveLength(1);

    const updated = await h.stripe.subscriptionSchedules.update(schedule.id, {
      phases: phases(DEMO.promotionCodes.welcome),
    });
    expect(updated.phases[1]?.discounts).toEqual([
      { coupon: null, discount: null, promotion_code: DEMO.promotionCodes.welcome },
    ]);
    expect((await h.stripe.subscriptions.retrieve(S.monthly)).discounts).toEqual([]);

    h.clock.advance(12 * DAY * 1000);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["discounts", "latest_invoice"] });
    expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    // Pro at $29.00 with the once-only 10% off: $26.10, after which the code is used up.
    expect(sub.latest_invoice).toMatchObject({ billing_reason: "subscription_cycle", total: 2610 });
    expect(sub.discounts).toEqual([]);
    expect((await h.stripe.promotionCodes.retrieve(DEMO.promotionCodes.welcome)).times_redeemed).toBe(1);
  });

  it("keeps the subscription's flexible billing mode in a schedule made from it", async () => {
    const h = createHarness();
    const schedule = await h.stripe.subscriptionSchedules.create({ from_subscription: S.manyMethods });
    expect(schedule.billing_mode.type).toBe("flexible");
    const classic = await h.stripe.subscriptionSchedules.create({ from_subscription: S.monthly });
    expect(classic.billing_mode.type).toBe("classic");
  });

  it("cancelling a schedule cancels its subscription", async () => {
    const h = createHarness();
    const canceled = await h.stripe.subscriptionSchedules.cancel(DEMO.schedules.scheduled);
    expect(canceled.status).toBe("canceled");
    expect((await h.stripe.subscriptions.retrieve(S.scheduled)).status).toBe("canceled");
  });
});
