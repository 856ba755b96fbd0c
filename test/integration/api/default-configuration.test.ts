import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";
import { expectApiError } from "./helpers";

// This file's KV starts empty (storage is per test file), so the platform has no configuration.
describe("the default configuration", () => {
  it("is not created by a session request that fails", async () => {
    const h = createHarness();
    await expectApiError(
      h.portal.billingPortal.sessions.create({
        customer: "cus_doesNotExist",
        return_url: "https://example.com",
      }),
      { status: 400, param: "customer" },
    );
    expect((await h.portal.billingPortal.configurations.list()).data).toEqual([]);
  });

  it("is created on first use with usable defaults, then reused", async () => {
    const h = createHarness();
    const first = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: "https://example.com",
    });
    const second = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.trialing,
      return_url: "https://example.com",
    });
    expect(second.configuration).toBe(first.configuration);
    const list = await h.portal.billingPortal.configurations.list();
    expect(list.data).toHaveLength(1);
    const config = list.data[0];
    expect(config?.id).toBe(first.configuration);
    expect(config?.is_default).toBe(true);
    expect(config?.features.subscription_cancel.enabled).toBe(true);
    expect(config?.features.payment_method_update.enabled).toBe(true);
    expect(config?.features.invoice_history.enabled).toBe(true);
    expect(config?.features.subscription_update.enabled).toBe(false);
  });
});
