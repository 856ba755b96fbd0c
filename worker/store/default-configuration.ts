import { EMPTY_BRANDING, type PortalConfiguration } from "./configuration-types";

/**
 * The configuration an account gets when it creates its first session without one: Stripe
 * Dashboard defaults (see stripe-portal-api.md §2.6), not the bare API defaults, because a
 * merchant who never configured anything expects a usable portal.
 */
export function buildDefaultConfiguration(
  nowSeconds: number,
): Omit<PortalConfiguration, "id" | "is_default" | "account"> {
  return {
    object: "billing_portal.configuration",
    active: true,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: nowSeconds,
    default_return_url: null,
    features: {
      customer_update: { enabled: true, allowed_updates: ["name", "email", "address", "phone"] },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true, payment_method_configuration: null },
      subscription_cancel: {
        enabled: true,
        mode: "at_period_end",
        proration_behavior: "none",
        cancellation_reason: {
          enabled: true,
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
