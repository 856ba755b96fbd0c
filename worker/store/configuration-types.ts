import type Stripe from "stripe";

/**
 * Visual branding for the portal pages. An extension beyond Stripe's configuration object
 * (Stripe keeps branding in account settings); every field is optional and null means "use
 * the portal's default look".
 */
export interface Branding {
  /** https URL of a logo shown in the header. */
  logo_url: string | null;
  /** https URL of a square icon (favicon). */
  icon_url: string | null;
  /** `#rrggbb`; buttons and links. Text on it is chosen black or white for WCAG AA contrast. */
  primary_color: string | null;
  /** `#rrggbb`; page background. */
  background_color: string | null;
  /** One of the portal's font stacks. */
  font_family: "system" | "serif" | "rounded" | "monospace" | null;
  /** Corner radius of cards and buttons. */
  corner_radius: "none" | "small" | "medium" | "large" | null;
}

/** A product the customer may switch to, as stored (always complete, unlike API responses). */
export type ConfigurationProduct = Stripe.BillingPortal.Configuration.Features.SubscriptionUpdate.Product;

/**
 * A portal configuration as stored: Stripe's object, with `features.subscription_update.products`
 * always present (the API hides it unless expanded) and the `branding` extension.
 */
export type PortalConfiguration = Omit<Stripe.BillingPortal.Configuration, "features"> & {
  features: Omit<Stripe.BillingPortal.Configuration.Features, "subscription_update"> & {
    subscription_update: Stripe.BillingPortal.Configuration.Features.SubscriptionUpdate & {
      products: ConfigurationProduct[];
    };
  };
  branding: Branding;
  /** The `Stripe-Account` this configuration belongs to; never returned by the API. */
  account: string | null;
};

/** Branding with every field unset. */
export const EMPTY_BRANDING: Branding = {
  logo_url: null,
  icon_url: null,
  primary_color: null,
  background_color: null,
  font_family: null,
  corner_radius: null,
};
