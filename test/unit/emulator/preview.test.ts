import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, DEFAULT_START } from "../../helpers/harness";

const S = DEMO.subscriptions;
const PR = DEMO.prices;
const DAY = 86_400;
// The monthly demo subscription started 20 days before the harness clock (2026-10-13 12:00 UTC);
// its period is 31 days, so 11 of 31 days are left at the clock's start.
const NOW = DEFAULT_START / 1000;

async function monthlyItem(h: ReturnType<typeof createHarness>) {
  const sub = await h.stripe.subscriptions.retrieve(S.monthly);
  return { sub, item: sub.items.data[0]! };
}

describe("invoice preview (create_preview) proration arithmetic", () => {
  it("seeds the monthly subscription 20 days into a 31-day period", async () => {
    const h = createHarness();
    const { item } = await monthlyItem(h);
    expect(item.current_period_start).toBe(NOW - 20 * DAY);
    expect(item.current_period_end).toBe(NOW + 11 * DAY);
  });

  it("credits unused time and charges remaining time on an upgrade (create_prorations → next invoice)", async () => {
    const h = createHarness();
    const { item } = await monthlyItem(h);
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: {
        items: [{ id: item.id, price: PR.proMonthly }],
        proration_behavior: "create_prorations",
        proration_date: NOW,
      },
    });
    const amounts = preview.lines.data.map((l) => [
      l.amount,
      l.parent?.subscription_item_details?.proration ?? l.parent?.invoice_item_details?.proration,
    ]);
    // −round(900 × 11/31) = −319, +round(2900 × 11/31) = +1029, then the next period at 2900.
    expect(amounts).toEqual([
      [-319, true],
      [1029, true],
      [2900, false],
    ]);
    expect(preview.lines.data[0]!.period).toEqual({ start: NOW, end: NOW + 11 * DAY });
    expect(preview).toMatchObject({
      subtotal: 3610,
      total: 3610,
      amount_due: 3610,
      billing_reason: "upcoming",
    });
    expect(preview.lines.data[0]!.description).toBe("Unused time on Basic after 02 Nov 2026");
  });

  it("uses the proration date and quantities", async () => {
    const h = createHarness();
    const { item } = await monthlyItem(h);
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: {
        items: [{ id: item.id, quantity: 3 }],
        proration_behavior: "always_invoice",
        proration_date: NOW + DAY,
      },
    });
    // 10 of 31 days left: −round(900 × 10/31) = −290, +round(2700 × 10/31) = +871.
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-290, 871]);
    expect(preview.total).toBe(581);
    expect(preview.parent?.subscription_details?.subscription_proration_date).toBe(NOW + DAY);
  });

  it("shows no proration lines with proration_behavior=none", async () => {
    const h = createHarness();
    const { item } = await monthlyItem(h);
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: { items: [{ id: item.id, price: PR.proMonthly }], proration_behavior: "none" },
    });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([2900]);
  });

  it("restarts the period and charges the full new amount on an interval change", async () => {
    const h = createHarness();
    const { item } = await monthlyItem(h);
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: { items: [{ id: item.id, price: PR.basicYearly }], proration_date: NOW },
    });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-319, 9000]);
    expect(preview.lines.data[1]!.period).toEqual({ start: NOW, end: Date.UTC(2027, 10, 2, 12) / 1000 });
    expect(preview.amount_due).toBe(8681);
  });

  it("previews billing_cycle_anchor=now as an immediate full charge with a credit", async () => {
    const h = createHarness();
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: { billing_cycle_anchor: { type: "now" }, proration_date: NOW },
    });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-319, 900]);
    expect(preview.billing_reason).toBe("subscription_update");
  });

  it("applies a coupon or a promotion code to the preview's subtotal", async () => {
    const h = createHarness();
    const withCoupon = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      discounts: [{ coupon: DEMO.coupons.retention }],
    });
    expect(withCoupon).toMatchObject({ subtotal: 900, total: 675, amount_due: 675 });
    expect(withCoupon.total_discount_amounts?.[0]?.amount).toBe(225);
    const withCode = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      discounts: [{ promotion_code: DEMO.promotionCodes.welcome }],
    });
    expect(withCode.total).toBe(810);
    await expect(
      h.stripe.invoices.createPreview({
        subscription: S.monthly,
        discounts: [{ promotion_code: DEMO.promotionCodes.expired }],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "discounts[0][promotion_code]" });
  });

  it("previews an immediate cancellation with a credit", async () => {
    const h = createHarness();
    const preview = await h.stripe.invoices.createPreview({
      subscription: S.monthly,
      subscription_details: {
        cancel_now: true,
        proration_behavior: "create_prorations",
        proration_date: NOW,
      },
    });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-319]);
    expect(preview.amount_due).toBe(0);
  });

  it("has no upcoming invoice for a subscription cancelling at period end", async () => {
    const h = createHarness();
    await expect(h.stripe.invoices.createPreview({ subscription: S.cancelScheduled })).rejects.toMatchObject({
      statusCode: 404,
      code: "invoice_upcoming_none",
    });
    const renewed = await h.stripe.invoices.createPreview({
      subscription: S.cancelScheduled,
      subscription_details: { cancel_at_period_end: false },
    });
    expect(renewed.total).toBe(2900);
  });
});
