import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { platformDemoConfiguration } from "../../../worker/api/demo-configuration";
import { createHarness, type Harness } from "../../helpers/harness";
import { expectApiError, freshAccount, on } from "./helpers";

const PRODUCTS = "features.subscription_update.products";
type Features = Stripe.BillingPortal.ConfigurationCreateParams.Features;

function withUpdate(
  update: Partial<Features["subscription_update"]>,
): Stripe.BillingPortal.ConfigurationCreateParams {
  return {
    features: {
      payment_method_update: { enabled: true },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ["price"],
        products: [
          { product: DEMO.products.basic, prices: [DEMO.prices.basicMonthly, DEMO.prices.basicYearly] },
        ],
        ...update,
      },
    },
  };
}

describe("configurations API", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("creates a configuration, hiding products unless expanded", async () => {
    const created = await h.portal.billingPortal.configurations.create({
      ...platformDemoConfiguration(),
      default_return_url: "https://example.com/account",
    });
    expect(created.id).toMatch(/^bpc_/);
    expect(created.object).toBe("billing_portal.configuration");
    expect(created.active).toBe(true);
    expect(created.livemode).toBe(false);
    expect(created.default_return_url).toBe("https://example.com/account");
    expect(created.features.subscription_update.enabled).toBe(true);
    expect(created.features.subscription_update.proration_behavior).toBe("create_prorations");
    expect(created.features.subscription_update).not.toHaveProperty("products");
    expect(created).not.toHaveProperty("account");

    const retrieved = await h.portal.billingPortal.configurations.retrieve(created.id, {
      expand: [PRODUCTS],
    });
    expect(retrieved.features.subscription_update.products).toEqual([
      {
        product: DEMO.products.basic,
        prices: [DEMO.prices.basicMonthly, DEMO.prices.basicYearly],
        adjustable_quantity: { enabled: true, minimum: 1, maximum: 50 },
      },
      expect.objectContaining({ product: DEMO.products.pro }),
      expect.objectContaining({ product: DEMO.products.enterprise }),
    ]);
    const plain = await h.portal.billingPortal.configurations.retrieve(created.id);
    expect(plain.features.subscription_update).not.toHaveProperty("products");
  });

  it("makes an account's first configuration its default", async () => {
    const account = freshAccount();
    const params = { features: { invoice_history: { enabled: true } } };
    const first = await h.portal.billingPortal.configurations.create(params, on(account));
    const second = await h.portal.billingPortal.configurations.create(params, on(account));
    expect(first.is_default).toBe(true);
    expect(second.is_default).toBe(false);
  });

  it("merges updates, unsets emptyable fields and deactivates non-default configurations", async () => {
    const account = freshAccount();
    await h.portal.billingPortal.configurations.create(
      { features: { invoice_history: { enabled: true } } },
      on(account),
    );
    const config = await h.portal.billingPortal.configurations.create(
      {
        business_profile: { headline: "Acme billing" },
        features: { customer_update: { enabled: true, allowed_updates: ["email", "address"] } },
        metadata: { team: "billing", tier: "gold" },
        name: "Main",
      },
      on(account),
    );
    h.clock.advance(60_000);
    const updated = await h.portal.billingPortal.configurations.update(
      config.id,
      {
        business_profile: { privacy_policy_url: "https://example.com/privacy" },
        features: { customer_update: { allowed_updates: "" } },
        metadata: { tier: "" },
        name: "",
        active: false,
      },
      on(account),
    );
    expect(updated.business_profile).toEqual({
      headline: "Acme billing",
      privacy_policy_url: "https://example.com/privacy",
      terms_of_service_url: null,
    });
    expect(updated.features.customer_update).toEqual({ enabled: true, allowed_updates: [] });
    expect(updated.metadata).toEqual({ team: "billing" });
    expect(updated.name).toBeNull();
    expect(updated.active).toBe(false);
    expect(updated.updated).toBe(config.updated + 60);
    expect((await h.portal.billingPortal.configurations.retrieve(config.id, {}, on(account))).active).toBe(
      false,
    );
  });

  it("lists newest first with filters and cursors", async () => {
    const account = freshAccount();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await h.portal.billingPortal.configurations.create(
        { features: { invoice_history: { enabled: true } }, name: `c${i}` },
        on(account),
      );
      made.push(c.id);
    }
    await h.portal.billingPortal.configurations.update(made[1] as string, { active: false }, on(account));

    const page = await h.portal.billingPortal.configurations.list({ limit: 2 }, on(account));
    expect(page.object).toBe("list");
    expect(page.url).toBe("/v1/billing_portal/configurations");
    expect(page.data.map((c) => c.id)).toEqual([made[2], made[1]]);
    expect(page.has_more).toBe(true);
    const next = await h.portal.billingPortal.configurations.list(
      { limit: 2, starting_after: made[1] },
      on(account),
    );
    expect(next.data.map((c) => c.id)).toEqual([made[0]]);
    expect(next.has_more).toBe(false);

    const active = await h.portal.billingPortal.configurations.list({ active: true }, on(account));
    expect(active.data.map((c) => c.id)).toEqual([made[2], made[0]]);
    const defaults = await h.portal.billingPortal.configurations.list({ is_default: true }, on(account));
    expect(defaults.data.map((c) => c.id)).toEqual([made[0]]);

    const all: string[] = [];
    for await (const c of h.portal.billingPortal.configurations.list({ limit: 1 }, on(account)))
      all.push(c.id);
    expect(all).toEqual([...made].reverse());
  });

  it("checks prices against Stripe: existing, of the listed product, recurring, one per interval", async () => {
    const oneTime = await h.stripe.prices.create({
      product: DEMO.products.basic,
      currency: "usd",
      unit_amount: 500,
    });
    const cases: [Partial<Features["subscription_update"]>, string, string?][] = [
      [
        { products: [{ product: DEMO.products.basic, prices: ["price_doesNotExist"] }] },
        "features[subscription_update][products][0][prices][0]",
        "resource_missing",
      ],
      [
        {
          products: [
            { product: DEMO.products.basic, prices: [DEMO.prices.basicMonthly, DEMO.prices.proYearly] },
          ],
        },
        "features[subscription_update][products][0][prices][1]",
      ],
      [
        { products: [{ product: DEMO.products.basic, prices: [oneTime.id] }] },
        "features[subscription_update][products][0][prices][0]",
      ],
      [
        {
          products: [
            { product: DEMO.products.basic, prices: [DEMO.prices.basicMonthly, DEMO.prices.basicMonthlyEur] },
          ],
        },
        "features[subscription_update][products][0][prices]",
      ],
    ];
    const before = await h.portal.billingPortal.configurations.list({ limit: 100 });
    for (const [update, param, code] of cases) {
      await expectApiError(h.portal.billingPortal.configurations.create(withUpdate(update)), {
        status: 400,
        param,
        ...(code ? { code } : {}),
      });
    }
    const after = await h.portal.billingPortal.configurations.list({ limit: 100 });
    expect(after.data.length).toBe(before.data.length);
  });

  it("refuses configurations Stripe refuses, naming the parameter", async () => {
    const cases: [Stripe.BillingPortal.ConfigurationCreateParams, string, string?][] = [
      [withUpdate({ products: "" }), "features[subscription_update][products]", "parameter_missing"],
      [
        { features: { subscription_update: withUpdate({}).features.subscription_update } },
        "features[payment_method_update][enabled]",
      ],
      [
        {
          features: {
            subscription_cancel: {
              enabled: true,
              mode: "at_period_end",
              proration_behavior: "create_prorations",
            },
          },
        },
        "features[subscription_cancel][proration_behavior]",
      ],
      [
        { features: { invoice_history: { enabled: true } }, business_profile: { headline: "x".repeat(61) } },
        "business_profile[headline]",
      ],
      [
        { features: { invoice_history: { enabled: true } }, default_return_url: "not a url" },
        "default_return_url",
        "url_invalid",
      ],
      [
        {
          features: { invoice_history: { enabled: true } },
          login_page: { enabled: "sometimes" as unknown as boolean },
        },
        "login_page[enabled]",
      ],
      [
        { features: { subscription_pause: { enabled: true, duration: { type: "interval_options" } } } },
        "features[subscription_pause][duration][interval_options]",
      ],
      [
        {
          features: {
            subscription_pause: {
              enabled: true,
              duration: {
                type: "interval_options",
                interval_options: [{ interval: "year", interval_count: 4 }],
              },
            },
          },
        },
        "features[subscription_pause][duration][interval_options][0][interval_count]",
      ],
      [
        {
          features: { invoice_history: { enabled: true } },
          is_default: true,
        } as Stripe.BillingPortal.ConfigurationCreateParams,
        "is_default",
        "parameter_unknown",
      ],
      [
        {
          features: { invoice_history: { enabled: true } },
          branding: { primary_color: "blue" },
        } as Stripe.BillingPortal.ConfigurationCreateParams,
        "branding[primary_color]",
      ],
    ];
    for (const [params, param, code] of cases) {
      await expectApiError(h.portal.billingPortal.configurations.create(params), {
        status: 400,
        param,
        ...(code ? { code } : {}),
      });
    }
  });

  it("keeps the default configuration active and answers 404 for unknown ids", async () => {
    const account = freshAccount();
    const config = await h.portal.billingPortal.configurations.create(
      { features: { invoice_history: { enabled: true } } },
      on(account),
    );
    await expectApiError(
      h.portal.billingPortal.configurations.update(config.id, { active: false }, on(account)),
      {
        status: 400,
        param: "active",
      },
    );
    await expectApiError(
      h.portal.billingPortal.configurations.retrieve("bpc_doesNotExist", {}, on(account)),
      {
        status: 404,
        code: "resource_missing",
        param: "configuration",
      },
    );
    await expectApiError(
      h.portal.billingPortal.configurations.update("bpc_doesNotExist", { name: "x" }, on(account)),
      { status: 404, code: "resource_missing" },
    );
    await expectApiError(
      h.portal.billingPortal.configurations.list({ starting_after: "bpc_doesNotExist" }, on(account)),
      { status: 400, param: "starting_after" },
    );
  });

  it("round-trips the branding extension", async () => {
    const config = await h.portal.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
      branding: {
        logo_url: "https://cdn.example.com/logo.svg",
        primary_color: "#336699",
        corner_radius: "small",
      },
    } as Stripe.BillingPortal.ConfigurationCreateParams);
    expect((config as unknown as { branding: unknown }).branding).toEqual({
      logo_url: "https://cdn.example.com/logo.svg",
      icon_url: null,
      primary_color: "#336699",
      background_color: null,
      font_family: null,
      corner_radius: "small",
    });
    const updated = await h.portal.billingPortal.configurations.update(config.id, {
      branding: { primary_color: "" },
    } as Stripe.BillingPortal.ConfigurationUpdateParams);
    expect(
      (updated as unknown as { branding: { primary_color: unknown; corner_radius: unknown } }).branding,
    ).toMatchObject({
      primary_color: null,
      corner_radius: "small",
    });
  });
});
