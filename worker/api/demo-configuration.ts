/**
 * The demo portal configurations `npm run dev` creates through the merchant API (and tests
 * reuse): everything enabled, over the emulator's seeded catalog. Not imported by the worker.
 */
import type Stripe from "stripe";
import { DEMO, DEMO_ACCOUNT } from "../../emulator/seed/ids";
import type { Branding } from "../store/configuration-types";

/** Create parameters plus the `branding` extension. */
export type DemoConfigurationParams = Stripe.BillingPortal.ConfigurationCreateParams & {
  branding?: Partial<Branding>;
};

type Product = Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate.Product;

function offered(product: string, prices: string[]): Product {
  return { product, prices, adjustable_quantity: { enabled: true, minimum: 1, maximum: 50 } };
}

function everything(products: Product[]): Stripe.BillingPortal.ConfigurationCreateParams.Features {
  return {
    customer_update: {
      enabled: true,
      allowed_updates: ["name", "email", "address", "shipping", "phone", "tax_id"],
    },
    invoice_history: { enabled: true },
    payment_method_update: { enabled: true },
    subscription_cancel: {
      enabled: true,
      mode: "at_period_end",
      proration_behavior: "none",
      cancellation_reason: {
        enabled: true,
        options: [
          "too_expensive",
          "missing_features",
          "switched_service",
          "unused",
          "customer_service",
          "too_complex",
          "low_quality",
          "other",
        ],
      },
    },
    subscription_pause: {
      enabled: true,
      duration: {
        type: "interval_options",
        interval_options: [
          { interval: "week", interval_count: 2 },
          { interval: "month", interval_count: 1 },
          { interval: "month", interval_count: 3 },
        ],
      },
    },
    subscription_update: {
      enabled: true,
      default_allowed_updates: ["price", "quantity", "promotion_code"],
      products,
      proration_behavior: "create_prorations",
      schedule_at_period_end: { conditions: [{ type: "decreasing_item_amount" }] },
      trial_update_behavior: "end_trial",
    },
  };
}

/** The platform's demo configuration: Basic, Pro and Enterprise, monthly and yearly. */
export function platformDemoConfiguration(): DemoConfigurationParams {
  return {
    name: "Demo: everything enabled",
    business_profile: {
      headline: "Demo Cloud partners with the portal for simple billing.",
      privacy_policy_url: "https://example.com/privacy",
      terms_of_service_url: "https://example.com/terms",
    },
    // Customers can also sign in with email + code; in dev the codes land in /dev/outbox.
    login_page: { enabled: true },
    features: everything([
      offered(DEMO.products.basic, [DEMO.prices.basicMonthly, DEMO.prices.basicYearly]),
      offered(DEMO.products.pro, [DEMO.prices.proMonthly, DEMO.prices.proYearly]),
      offered(DEMO.products.enterprise, [DEMO.prices.enterpriseMonthly, DEMO.prices.enterpriseYearly]),
    ]),
    metadata: { demo: "true" },
  };
}

/** The connected account's demo configuration: its own product, with its own branding. */
export function connectDemoConfiguration(): DemoConfigurationParams {
  return {
    name: "Demo: connected account",
    business_profile: { headline: "Demo Connected Shop: manage your plan." },
    login_page: { enabled: true },
    features: everything([
      offered(DEMO.connect.product, [DEMO.connect.priceMonthly, DEMO.connect.priceYearly]),
    ]),
    metadata: { demo: "true" },
    branding: {
      primary_color: "#0f766e",
      background_color: "#f0fdfa",
      font_family: "rounded",
      corner_radius: "large",
    },
  };
}

/** Every demo configuration with the `Stripe-Account` it belongs to (null: the platform). */
export function demoConfigurations(): { account: string | null; params: DemoConfigurationParams }[] {
  return [
    { account: null, params: platformDemoConfiguration() },
    { account: DEMO_ACCOUNT, params: connectDemoConfiguration() },
  ];
}
