import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { periodAmount } from "../../../worker/billing/price-amount";
import {
  isDecreasingItemAmount,
  isShorteningInterval,
  shouldScheduleAtPeriodEnd,
} from "../../../worker/billing/schedule-at-period-end";
import { price, recurring } from "./fixtures";

const monthly10 = price({ id: "m10", unit_amount: 1000 });
const monthly20 = price({ id: "m20", unit_amount: 2000 });
const yearly100 = price({ id: "y100", unit_amount: 10000, recurring: recurring("year") });
const yearly130 = price({ id: "y130", unit_amount: 13000, recurring: recurring("year") });
const yearly120 = price({ id: "y120", unit_amount: 12000, recurring: recurring("year") });
const otherProductCheaper = price({ id: "o5", unit_amount: 500, product: "prod_other" });
const decreasing = [{ type: "decreasing_item_amount" as const }];
const shortening = [{ type: "shortening_interval" as const }];

describe("decreasing_item_amount", () => {
  it("matches a cheaper price and a lower quantity", () => {
    expect(isDecreasingItemAmount({ price: monthly20, quantity: 1 }, { price: monthly10, quantity: 1 })).toBe(
      true,
    );
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 3 }, { price: monthly10, quantity: 2 })).toBe(
      true,
    );
  });

  it("does not match an upgrade or the same amount", () => {
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 1 }, { price: monthly20, quantity: 1 })).toBe(
      false,
    );
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 2 }, { price: monthly20, quantity: 1 })).toBe(
      false,
    );
  });

  it("compares different intervals in the long term: monthly 10 → yearly 100 is cheaper", () => {
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 1 }, { price: yearly100, quantity: 1 })).toBe(
      true,
    );
  });

  it("monthly 10 → yearly 130 is dearer in the long term, monthly 10 → yearly 120 the same", () => {
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 1 }, { price: yearly130, quantity: 1 })).toBe(
      false,
    );
    expect(isDecreasingItemAmount({ price: monthly10, quantity: 1 }, { price: yearly120, quantity: 1 })).toBe(
      false,
    );
  });
});

describe("shortening_interval", () => {
  it("matches yearly → monthly with the same quantity", () => {
    expect(isShorteningInterval({ price: yearly100, quantity: 1 }, { price: monthly10, quantity: 1 })).toBe(
      true,
    );
  });
  it("does not match when the quantity changes too, or the interval grows", () => {
    expect(isShorteningInterval({ price: yearly100, quantity: 1 }, { price: monthly10, quantity: 2 })).toBe(
      false,
    );
    expect(isShorteningInterval({ price: monthly10, quantity: 1 }, { price: yearly100, quantity: 1 })).toBe(
      false,
    );
  });
});

describe("shouldScheduleAtPeriodEnd", () => {
  it("schedules when any configured condition matches", () => {
    const from = { price: monthly20, quantity: 1 };
    const to = { price: monthly10, quantity: 1 };
    expect(shouldScheduleAtPeriodEnd(from, to, decreasing)).toBe(true);
    expect(shouldScheduleAtPeriodEnd(from, to, [...shortening, ...decreasing])).toBe(true);
    expect(shouldScheduleAtPeriodEnd(from, to, shortening)).toBe(false);
    expect(shouldScheduleAtPeriodEnd(from, to, [])).toBe(false);
  });

  it("never schedules across products (Stripe only downgrades within one product at period end)", () => {
    expect(
      shouldScheduleAtPeriodEnd(
        { price: monthly20, quantity: 1 },
        { price: otherProductCheaper, quantity: 1 },
        decreasing,
      ),
    ).toBe(false);
  });

  it("does not schedule a no-op", () => {
    expect(
      shouldScheduleAtPeriodEnd(
        { price: monthly10, quantity: 1 },
        { price: monthly10, quantity: 1 },
        decreasing,
      ),
    ).toBe(false);
  });
});

describe("periodAmount", () => {
  it("multiplies per-unit prices and applies transform_quantity", () => {
    expect(periodAmount(monthly10, 3)).toBe(3000);
    expect(
      periodAmount(
        price({ id: "p", unit_amount: 500, transform_quantity: { divide_by: 10, round: "up" } }),
        11,
      ),
    ).toBe(1000);
  });

  it("computes graduated and volume tiers", () => {
    // Decimal fields arrive as strings on the wire; the rule reads them with Number().
    const tiers = [
      {
        up_to: 5,
        unit_amount: 100,
        flat_amount: null,
        flat_amount_decimal: null,
        unit_amount_decimal: "100",
      },
      {
        up_to: null,
        unit_amount: 50,
        flat_amount: 200,
        flat_amount_decimal: "200",
        unit_amount_decimal: "50",
      },
    ] as unknown as Stripe.Price.Tier[];
    const graduated = price({
      id: "g",
      billing_scheme: "tiered",
      tiers_mode: "graduated",
      unit_amount: null,
      tiers,
    });
    const volume = price({
      id: "v",
      billing_scheme: "tiered",
      tiers_mode: "volume",
      unit_amount: null,
      tiers,
    });
    expect(periodAmount(graduated, 7)).toBe(5 * 100 + 2 * 50 + 200);
    expect(periodAmount(volume, 7)).toBe(7 * 50 + 200);
    expect(periodAmount(price({ id: "t", billing_scheme: "tiered", unit_amount: null }), 2)).toBeNull();
  });
});
