import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

describe("emulator catalog, coupons and promotion codes", () => {
  it("lists prices by product and interval with the product expanded", async () => {
    const { stripe } = createHarness();
    const prices = await stripe.prices.list({
      product: DEMO.products.pro,
      active: true,
      expand: ["data.product"],
    });
    expect(prices.data.map((p) => p.id).sort()).toEqual(
      [DEMO.prices.proMonthly, DEMO.prices.proYearly].sort(),
    );
    for (const price of prices.data) {
      expect(price.product).toMatchObject({ id: DEMO.products.pro, name: "Pro" });
      expect(price.tax_behavior).toBe("exclusive");
    }
    const yearly = await stripe.prices.list({ recurring: { interval: "year" }, limit: 100 });
    expect(yearly.data.every((p) => p.recurring?.interval === "year")).toBe(true);
    const legacy = await stripe.prices.retrieve(DEMO.prices.legacyUnspecified);
    expect(legacy.tax_behavior).toBe("unspecified");
    const metered = await stripe.prices.retrieve(DEMO.prices.meteredMonthly);
    expect(metered.recurring?.usage_type).toBe("metered");
    expect(metered.tiers).toBeUndefined(); // tiers are includable only
  });

  it("retrieves the retention coupon", async () => {
    const { stripe } = createHarness();
    const coupon = await stripe.coupons.retrieve(DEMO.coupons.retention);
    expect(coupon).toMatchObject({
      percent_off: 25,
      duration: "repeating",
      duration_in_months: 3,
      valid: true,
    });
  });

  it("finds promotion codes by code case-insensitively, with active filter", async () => {
    const { stripe } = createHarness();
    const welcome = await stripe.promotionCodes.list({ code: "welcome10", active: true });
    expect(welcome.data.map((p) => p.id)).toEqual([DEMO.promotionCodes.welcome]);
    expect(welcome.data[0]?.promotion).toEqual({ type: "coupon", coupon: DEMO.coupons.welcome });
    const expired = await stripe.promotionCodes.list({ code: "EXPIRED5" });
    expect(expired.data[0]).toMatchObject({ active: false });
    expect((await stripe.promotionCodes.list({ code: "EXPIRED5", active: true })).data).toEqual([]);
  });

  it("keeps the connected account's catalog separate", async () => {
    const { stripe } = createHarness();
    const price = await stripe.prices.retrieve(
      DEMO.connect.priceMonthly,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(price.currency).toBe("eur");
    await expect(stripe.prices.retrieve(DEMO.connect.priceMonthly)).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("includable price tiers", () => {
  it("returns tiers when expanded", async () => {
    const { stripe } = createHarness();
    const metered = await stripe.prices.retrieve(DEMO.prices.meteredMonthly, { expand: ["tiers"] });
    expect(metered.tiers?.map((t) => [t.up_to, t.unit_amount])).toEqual([
      [1000, 0],
      [null, 2],
    ]);
  });
});
