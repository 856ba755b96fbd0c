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

  describe("preview_mode=recurring (the long-term recurring bill)", () => {
    it("leaves out the prorations an immediate change invoices and bills the new price for a period", async () => {
      const h = createHarness();
      const { item } = await monthlyItem(h);
      const details = {
        items: [{ id: item.id, price: PR.proMonthly, quantity: 1 }],
        proration_behavior: "always_invoice" as const,
        proration_date: NOW,
      };
      const now = await h.stripe.invoices.createPreview({
        subscription: S.monthly,
        subscription_details: details,
      });
      expect(now.lines.data.map((l) => l.amount)).toEqual([-319, 1029]);
      const recurring = await h.stripe.invoices.createPreview({
        subscription: S.monthly,
        subscription_details: details,
        preview_mode: "recurring",
      });
      expect(recurring.lines.data.map((l) => l.amount)).toEqual([2900]);
      expect(recurring.lines.data[0]!.period).toEqual({
        start: NOW + 11 * DAY,
        end: Date.UTC(2026, 11, 13, 12) / 1000,
      });
      expect(recurring).toMatchObject({
        billing_reason: "upcoming",
        amount_due: 2900,
        created: NOW + 11 * DAY,
      });
      // Nothing was changed by either preview.
      expect((await h.stripe.subscriptions.retrieve(S.monthly)).items.data[0]?.price.id).toBe(
        PR.basicMonthly,
      );
    });

    it("starts after the new period when the change restarts it (monthly → yearly)", async () => {
      const h = createHarness();
      const { item } = await monthlyItem(h);
      const recurring = await h.stripe.invoices.createPreview({
        subscription: S.monthly,
        subscription_details: {
          items: [{ id: item.id, price: PR.basicYearly }],
          proration_behavior: "always_invoice",
          proration_date: NOW,
        },
        preview_mode: "recurring",
      });
      expect(recurring.lines.data.map((l) => l.amount)).toEqual([9000]);
      expect(recurring.lines.data[0]!.period.start).toBe(Date.UTC(2027, 10, 2, 12) / 1000);
      expect(recurring.amount_due).toBe(9000);
    });

    it("keeps repeating and forever coupons, drops once coupons", async () => {
      const h = createHarness();
      const once = await h.stripe.invoices.createPreview({
        subscription: S.monthly,
        discounts: [{ promotion_code: DEMO.promotionCodes.welcome }],
        preview_mode: "recurring",
      });
      expect(once).toMatchObject({ subtotal: 900, total: 900 });
      const repeating = await h.stripe.invoices.createPreview({
        subscription: S.monthly,
        discounts: [{ coupon: DEMO.coupons.retention }],
        preview_mode: "recurring",
      });
      expect(repeating).toMatchObject({ subtotal: 900, total: 675 });
    });

    it("estimates a subscription that is cancelling (cancellations are not part of the estimate)", async () => {
      const h = createHarness();
      const recurring = await h.stripe.invoices.createPreview({
        subscription: S.cancelScheduled,
        preview_mode: "recurring",
      });
      expect(recurring.amount_due).toBe(2900);
    });

    it("needs a subscription or items, and a known mode", async () => {
      const h = createHarness();
      await expect(
        h.stripe.invoices.createPreview({ customer: DEMO.customers.invoicesOnly, preview_mode: "recurring" }),
      ).rejects.toMatchObject({ statusCode: 400, param: "preview_mode" });
      await expect(
        h.stripe.invoices.createPreview({ subscription: S.monthly, preview_mode: "sometimes" as never }),
      ).rejects.toMatchObject({ statusCode: 400, param: "preview_mode" });
      const fresh = await h.stripe.invoices.createPreview({
        customer: DEMO.customers.invoicesOnly,
        subscription_details: { items: [{ price: PR.proMonthly, quantity: 2 }] },
        preview_mode: "recurring",
      });
      expect(fresh.amount_due).toBe(5800);
    });
  });
});
