/**
 * Price tampering against what the configuration switches off: a customer cannot change the
 * price, the quantity or add a promotion code when the merchant did not allow it, whatever the
 * edited form or URL says. (Prices outside the catalog and quantities out of bounds are
 * fuzzed in fuzz-portal.test.ts; a tampered confirm form in
 * test/integration/portal/subscriptions.test.ts.)
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness } from "../helpers/harness";
import { openFullPortal, pageText } from "../helpers/portal-session";
import { stateWrites } from "./helpers";

const PR = DEMO.prices;
const SUB = DEMO.subscriptions.monthly;
const CONFIRM = `/p/subscriptions/${SUB}/update/confirm`;

function updateFeature(
  allowed: Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate.DefaultAllowedUpdate[],
): Partial<Stripe.BillingPortal.ConfigurationCreateParams.Features> {
  return {
    subscription_update: {
      enabled: true,
      default_allowed_updates: allowed,
      proration_behavior: "create_prorations",
      products: [
        {
          product: DEMO.products.basic,
          prices: [PR.basicMonthly],
          adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 },
        },
        { product: DEMO.products.pro, prices: [PR.proMonthly] },
      ],
    },
  };
}

describe("what the configuration does not allow", () => {
  it("refuses a promotion code when promotion codes are not allowed", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, {}, updateFeature(["price", "quantity"]));
    h.emulator.clearLog();
    const res = await browser.get(`${CONFIRM}?price=${PR.proMonthly}&promotion_code=WELCOME10`);
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain("Promotion codes can't be used here.");
    expect(stateWrites(h)).toEqual([]);
  });

  it("refuses another price when only the quantity may change, and another quantity when only the price may", async () => {
    const h = createHarness();
    const quantityOnly = await openFullPortal(h, {}, updateFeature(["quantity"]));
    const price = await quantityOnly.get(`${CONFIRM}?price=${PR.proMonthly}`);
    expect(price.status).toBe(422);
    expect(pageText(await price.text())).toContain("This plan isn't available for your subscription.");
    const priceOnly = await openFullPortal(h, {}, updateFeature(["price"]));
    const quantity = await priceOnly.get(`${CONFIRM}?price=${PR.basicMonthly}&quantity=3`);
    expect(quantity.status).toBe(422);
    expect(pageText(await quantity.text())).toContain("The quantity of this plan can't be changed.");
    expect(stateWrites(h)).toEqual([]);
  });

  it("refuses every change when plan changes are off, even by a hand-made POST", async () => {
    const h = createHarness();
    const off = await openFullPortal(h, {}, { subscription_update: { enabled: false } });
    h.emulator.clearLog();
    const page = await off.get(`${CONFIRM}?price=${PR.proMonthly}`);
    expect(page.status).toBe(409);
    const post = await off.post(CONFIRM, {
      ...(await off.csrfFields()),
      price: PR.proMonthly,
      quantity: "1",
      proration_date: String(Math.floor(h.clock.now() / 1000)),
      signature: "0".repeat(64),
    });
    expect(post.status).toBe(409);
    expect(stateWrites(h)).toEqual([]);
    expect((await h.stripe.subscriptions.retrieve(SUB)).items.data[0]?.price.id).toBe(PR.basicMonthly);
  });
});
