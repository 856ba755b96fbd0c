import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const C = DEMO.customers;

describe("emulator checkout (setup mode) and setup intents", () => {
  it("completes a setup through the hosted stand-in and redirects to success_url", async () => {
    const { stripe, emulator } = createHarness();
    const session = await stripe.checkout.sessions.create({
      mode: "setup",
      customer: C.monthly,
      currency: "usd",
      success_url: "http://portal.test/done?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://portal.test/cancel",
    });
    expect(session).toMatchObject({
      status: "open",
      mode: "setup",
      payment_method_types: ["card", "us_bank_account"],
    });
    expect(session.url).toBe(`http://127.0.0.1:12111/checkout/${session.id}`);

    const pageRes = await emulator.fetch(session.url!);
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain("Mia Monthly");
    expect(html).toContain("Acme Cloud");
    expect(html).toContain('href="http://portal.test/cancel"');

    const post = await emulator.fetch(session.url!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "method=card_4444&name=Mia",
      redirect: "manual",
    });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe(`http://portal.test/done?session_id=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    expect(done.status).toBe("complete");
    const intent = done.setup_intent;
    if (!intent || typeof intent === "string") throw new Error("setup_intent not expanded");
    expect(intent.status).toBe("succeeded");
    const pm = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(pm).toMatchObject({ customer: C.monthly, card: { last4: "4444" } });
  });

  it("works for a connected account's session, with SEPA", async () => {
    const { stripe, emulator } = createHarness();
    const session = await stripe.checkout.sessions.create(
      {
        mode: "setup",
        customer: DEMO.connect.customer,
        allowed_payment_method_types: ["sepa_debit"],
        success_url: "http://x.test/ok",
      },
      { stripeAccount: DEMO_ACCOUNT },
    );
    const html = await (await emulator.fetch(session.url!)).text();
    expect(html).toContain("Nordlicht Studio");
    const post = await emulator.fetch(session.url!, {
      method: "POST",
      body: new URLSearchParams({ method: "sepa_debit" }),
      redirect: "manual",
    });
    expect(post.status).toBe(303);
    const methods = await stripe.paymentMethods.list(
      { customer: DEMO.connect.customer, type: "sepa_debit" },
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(methods.data).toHaveLength(2);
  });

  it("requires currency or payment_method_types in setup mode", async () => {
    const { stripe } = createHarness();
    await expect(
      stripe.checkout.sessions.create({
        mode: "setup",
        customer: C.monthly,
        success_url: "http://x.test/ok",
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "currency" });
  });

  it("takes a payment method configuration and the SetupIntent's data, echoing them back", async () => {
    const { stripe } = createHarness();
    const session = await stripe.checkout.sessions.create({
      mode: "setup",
      customer: C.onBehalfOf,
      currency: "usd",
      success_url: "http://x.test/ok",
      payment_method_configuration: "pmc_1DemoPortalConfig",
      setup_intent_data: {
        metadata: { portal_session: "bps_1" },
        description: "Portal",
        on_behalf_of: DEMO_ACCOUNT,
      },
      expand: ["setup_intent"],
    });
    expect(session.payment_method_configuration_details).toEqual({
      id: "pmc_1DemoPortalConfig",
      parent: null,
    });
    expect(session.setup_intent).toMatchObject({
      metadata: { portal_session: "bps_1" },
      description: "Portal",
      on_behalf_of: DEMO_ACCOUNT,
      payment_method_configuration_details: { id: "pmc_1DemoPortalConfig", parent: null },
    });
    const again = await stripe.checkout.sessions.retrieve(session.id);
    expect(again.payment_method_configuration_details?.id).toBe("pmc_1DemoPortalConfig");
  });

  it("refuses a malformed payment method configuration or an unknown on_behalf_of, creating nothing", async () => {
    const { stripe } = createHarness();
    const base = {
      mode: "setup" as const,
      customer: C.monthly,
      currency: "usd",
      success_url: "http://x.test/ok",
    };
    const before = (await stripe.checkout.sessions.list({ customer: C.monthly })).data.length;
    await expect(
      stripe.checkout.sessions.create({ ...base, payment_method_configuration: "card" }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "payment_method_configuration",
      message: "No such payment method configuration: 'card'",
    });
    await expect(
      stripe.checkout.sessions.create({ ...base, payment_method_configuration: "" }),
    ).rejects.toMatchObject({ statusCode: 400, param: "payment_method_configuration" });
    await expect(
      stripe.checkout.sessions.create({
        ...base,
        setup_intent_data: { on_behalf_of: "acct_1NoSuchAccount00" },
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "setup_intent_data[on_behalf_of]",
    });
    expect((await stripe.checkout.sessions.list({ customer: C.monthly })).data).toHaveLength(before);
  });

  it("creates and confirms a setup intent", async () => {
    const { stripe } = createHarness();
    const pm = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" } });
    const intent = await stripe.setupIntents.create({
      customer: C.trialing,
      payment_method: pm.id,
      confirm: true,
    });
    expect(intent.status).toBe("succeeded");
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBe(C.trialing);
    expect((await stripe.setupIntents.retrieve(intent.id)).payment_method).toBe(pm.id);
  });
});
