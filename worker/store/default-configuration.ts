import { EMPTY_BRANDING, type PortalConfiguration } from "./configuration-types";

/** A configuration before it has an id, a default flag or an account. */
export type ConfigurationFields = Omit<PortalConfiguration, "id" | "is_default" | "account">;

/**
 * What `POST /v1/billing_portal/configurations` fills in for everything the request leaves out:
 * Stripe's API defaults (stripe-portal-api.md §2.2), which switch every feature off.
 */
export function apiDefaultConfiguration(nowSeconds: number): ConfigurationFields {
  return {
    object: "billing_portal.configuration",
    active: true,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: nowSeconds,
    default_return_url: null,
    features: {
      customer_update: { enabled: false, allowed_updates: [] },
      invoice_history: { enabled: false },
      payment_method_update: { enabled: false, payment_method_configuration: null },
      subscription_cancel: {
        enabled: false,
        mode: "at_period_end",
        proration_behavior: "none",
        cancellation_reason: {
          enabled: false,
          feedback_options: null,
          options: ["too_expensive", "missing_features", "switched_service", "unused", "other"],
        },
      },
      subscription_pause: { enabled: false, duration: { type: "indefinite", interval_options: [] } },
      subscription_update: {
        enabled: false,
        default_allowed_updates: [],
        products: [],
        proration_behavior: "none",
        billing_cycle_anchor: null,
        schedule_at_period_end: { conditions: [] },
        trial_update_behavior: "end_trial",
      },
    },
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: {},
    name: null,
    updated: nowSeconds,
    branding: { ...EMPTY_BRANDING },
  };
}

/**
 * The configuration an account gets when it creates its first session without one: the API
 * defaults with what a freshly saved Stripe Dashboard portal switches on (§2.6): billing
 * info, payment methods, invoices, cancel with reasons. A merchant who never configured
 * anything expects a usable portal; plan switching stays off until products are listed.
 */
export function buildDefaultConfiguration(nowSeconds: number): ConfigurationFields {
  const base = apiDefaultConfiguration(nowSeconds);
  const { features } = base;
  return {
    ...base,
    features: {
      ...features,
      customer_update: { enabled: true, allowed_updates: ["name", "email", "address", "phone"] },
      invoice_history: { enabled: true },
      payment_method_update: { ...features.payment_method_update, enabled: true },
      subscription_cancel: {
        ...features.subscription_cancel,
        enabled: true,
        cancellation_reason: { ...features.subscription_cancel.cancellation_reason, enabled: true },
      },
    },
  };
}
