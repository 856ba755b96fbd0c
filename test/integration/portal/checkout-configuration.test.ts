import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";
import { fullConfiguration, openPortal } from "../../helpers/portal-session";

const PMC = "pmc_1DemoPortalMethods";

describe("adding a payment method with a configured payment method configuration", () => {
  it("passes the configuration (and the session's on_behalf_of) to Checkout and completes the setup", async () => {
    const h = createHarness();
    const customer = DEMO.customers.onBehalfOf;
    const browser = await openPortal(h, {
      customer,
      on_behalf_of: DEMO_ACCOUNT,
      configurationParams: fullConfiguration({
        payment_method_update: { enabled: true, payment_method_configuration: PMC },
      }),
    });
    const start = await browser.submit("/p/payment-methods", "/p/payment-methods/add");
    expect(start.status).toBe(303);
    const checkoutUrl = start.headers.get("Location") ?? "";
    const checkoutId = checkoutUrl.split("/").pop() ?? "";
    const session = await h.stripe.checkout.sessions.retrieve(checkoutId, { expand: ["setup_intent"] });
    expect(session.payment_method_configuration_details?.id).toBe(PMC);
    expect(session.setup_intent).toMatchObject({ on_behalf_of: DEMO_ACCOUNT });

    const done = await h.emulator.fetch(checkoutUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ method: "card_4444" }).toString(),
    });
    expect(done.status).toBe(303);
    const success = new URL(done.headers.get("Location") ?? "");
    const back = await browser.get(success.pathname + success.search);
    expect(back.status).toBe(303);
    expect(back.headers.get("Location")).toBe("/p/payment-methods?notice=added");
    const after = (await h.stripe.customers.retrieve(customer)) as Stripe.Customer;
    const pm = await h.stripe.paymentMethods.retrieve(String(after.invoice_settings.default_payment_method));
    expect(pm.card?.last4).toBe("4444");
  });
});
