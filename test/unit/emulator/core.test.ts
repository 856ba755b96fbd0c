import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT, PLATFORM_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

describe("emulator core", () => {
  it("retrieves a seeded customer through the SDK", async () => {
    const { stripe } = createHarness();
    const customer = await stripe.customers.retrieve(DEMO.customers.monthly);
    expect(customer.id).toBe(DEMO.customers.monthly);
    expect(customer.object).toBe("customer");
  });

  it("answers an unknown customer with resource_missing 404", async () => {
    const { stripe } = createHarness();
    const err = await stripe.customers.retrieve("cus_nope").catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 404,
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "id",
      message: "No such customer: 'cus_nope'",
    });
  });

  it("scopes data per account", async () => {
    const { stripe } = createHarness();
    const connected = await stripe.customers.retrieve(
      DEMO.connect.customer,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(connected.id).toBe(DEMO.connect.customer);
    await expect(stripe.customers.retrieve(DEMO.connect.customer)).rejects.toMatchObject({
      code: "resource_missing",
    });
    const accounts = await stripe.accounts.list();
    expect(accounts.data.map((a) => a.id)).toEqual([DEMO_ACCOUNT]);
    const me = await stripe.accounts.retrieve(null);
    expect(me.id).toBe(PLATFORM_ACCOUNT);
  });
});
