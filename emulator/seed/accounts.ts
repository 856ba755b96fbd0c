import type Stripe from "stripe";

/** Options of a seeded account object. */
export interface AccountSeed {
  id: string;
  name: string;
  email: string;
  country: string;
  currency: string;
  primaryColor: string;
  secondaryColor: string;
  created: number;
}

/** A standard account object with business profile and branding, as the portal reads them. */
export function buildAccount(seed: AccountSeed): Stripe.Account {
  return {
    id: seed.id,
    object: "account",
    business_profile: {
      mcc: "5734",
      minority_owned_business_designation: null,
      name: seed.name,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: seed.email,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: "company",
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    controller: { type: "account" },
    country: seed.country,
    created: seed.created,
    default_currency: seed.currency,
    details_submitted: true,
    email: seed.email,
    metadata: {},
    payouts_enabled: true,
    settings: {
      branding: {
        icon: null,
        logo: null,
        primary_color: seed.primaryColor,
        secondary_color: seed.secondaryColor,
      },
      card_payments: {
        decline_on: { avs_failure: false, cvc_failure: true },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: seed.name, timezone: "Etc/UTC" },
      payments: {
        statement_descriptor: seed.name.toUpperCase().slice(0, 22),
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
    },
    type: "standard",
  };
}
