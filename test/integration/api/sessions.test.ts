import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { findSession } from "../../../worker/store/session-store";
import { createHarness, type Harness } from "../../helpers/harness";
import { expectApiError } from "./helpers";

const RETURN = "https://example.com/account";

describe("sessions API", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  const tokenOf = (session: Stripe.BillingPortal.Session) =>
    new URL(session.url).pathname.split("/").pop() as string;

  it("returns exactly the fields of stripe-node's BillingPortal.Session", async () => {
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: RETURN,
      locale: "fr",
    });
    expect(Object.keys(session).sort()).toEqual(
      [
        "after_expiration",
        "configuration",
        "created",
        "customer",
        "customer_account",
        "flow",
        "id",
        "livemode",
        "locale",
        "object",
        "on_behalf_of",
        "return_url",
        "url",
      ].sort(),
    );
    expect(session).toMatchObject({
      object: "billing_portal.session",
      customer: DEMO.customers.monthly,
      customer_account: null,
      flow: null,
      livemode: false,
      locale: "fr",
      on_behalf_of: null,
      return_url: RETURN,
      created: Math.floor(h.clock.now() / 1000),
    });
    expect(session.id).toMatch(/^bps_/);
    expect(session.configuration).toMatch(/^bpc_/);
    expect(session.url).toMatch(/^http:\/\/portal\.test\/p\/session\/[A-Za-z0-9_-]{22,}$/);
  });

  it("remembers the customer's preferred locales and the merchant's locale on the session", async () => {
    await h.stripe.customers.update(DEMO.customers.trialing, { preferred_locales: ["de", "en"] });
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.trialing,
      return_url: RETURN,
      locale: "he",
    });
    const found = await findSession(env.SESSIONS, tokenOf(session), h.clock.now());
    expect(found.status).toBe("active");
    if (found.status !== "active") return;
    expect(found.session.record.preferredLocales).toEqual(["de", "en"]);
    expect(found.session.record.locale).toBe("he");
    expect(found.session.record.account).toBeNull();
  });

  it("expands the configuration, with its products on request", async () => {
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: RETURN,
      expand: ["configuration"],
    });
    const config = session.configuration as Stripe.BillingPortal.Configuration;
    expect(config.object).toBe("billing_portal.configuration");
    expect(config.features.subscription_update).not.toHaveProperty("products");
    const withProducts = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: RETURN,
      expand: ["configuration.features.subscription_update.products"],
    });
    expect(
      (withProducts.configuration as Stripe.BillingPortal.Configuration).features.subscription_update
        .products,
    ).toEqual([]);
  });

  it("uses the configuration's default_return_url, and requires return_url without one", async () => {
    const withDefault = await h.portal.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
      default_return_url: "https://example.com/home",
    });
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      configuration: withDefault.id,
    });
    expect(session.return_url).toBe("https://example.com/home");
    expect(session.configuration).toBe(withDefault.id);

    const without = await h.portal.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    await expectApiError(
      h.portal.billingPortal.sessions.create({ customer: DEMO.customers.monthly, configuration: without.id }),
      { status: 400, param: "return_url", code: "parameter_missing" },
    );
  });

  it("refuses invalid sessions with Stripe's status, type and param", async () => {
    const inactive = await h.portal.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    await h.portal.billingPortal.configurations.update(inactive.id, { active: false });
    const cases: [Stripe.BillingPortal.SessionCreateParams, string, string?][] = [
      [{ customer: "cus_doesNotExist", return_url: RETURN }, "customer", "resource_missing"],
      [{ return_url: RETURN }, "customer", "parameter_missing"],
      [
        { customer: DEMO.customers.monthly, return_url: "example.com/no-scheme" },
        "return_url",
        "url_invalid",
      ],
      [{ customer: DEMO.customers.monthly, return_url: RETURN, locale: "tlh" }, "locale"],
      [
        { customer: DEMO.customers.monthly, return_url: RETURN, configuration: "bpc_doesNotExist" },
        "configuration",
        "resource_missing",
      ],
      [{ customer: DEMO.customers.monthly, return_url: RETURN, configuration: inactive.id }, "configuration"],
      [{ customer: DEMO.customers.monthly, return_url: RETURN, expand: ["customer"] }, "expand[0]"],
      [{ customer_account: "acct_1", return_url: RETURN }, "customer_account"],
    ];
    for (const [params, param, code] of cases) {
      await expectApiError(h.portal.billingPortal.sessions.create(params), {
        status: 400,
        param,
        ...(code ? { code } : {}),
      });
    }
    expect(h.emulator.writes()).toEqual([]);
  });

  it("refuses a deleted customer as missing", async () => {
    const customer = await h.stripe.customers.create({ email: "gone@example.com" });
    await h.stripe.customers.del(customer.id);
    await expectApiError(
      h.portal.billingPortal.sessions.create({ customer: customer.id, return_url: RETURN }),
      {
        status: 400,
        param: "customer",
        code: "resource_missing",
      },
    );
  });

  it("checks that on_behalf_of names an existing account, and stores nothing when it does not", async () => {
    const before = (await env.SESSIONS.list({ prefix: "session:" })).keys.length;
    await expectApiError(
      h.portal.billingPortal.sessions.create({
        customer: DEMO.customers.onBehalfOf,
        return_url: RETURN,
        on_behalf_of: "acct_1NoSuchAccount001",
      }),
      {
        status: 400,
        param: "on_behalf_of",
        code: "resource_missing",
        message: "No such account: 'acct_1NoSuchAccount001'",
      },
    );
    expect((await env.SESSIONS.list({ prefix: "session:" })).keys.length).toBe(before);
    const ok = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.onBehalfOf,
      return_url: RETURN,
      on_behalf_of: DEMO_ACCOUNT,
    });
    expect(ok.on_behalf_of).toBe(DEMO_ACCOUNT);
  });
});
