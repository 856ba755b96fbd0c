import type Stripe from "stripe";
import type { Ctx } from "../core/context";

/** A test card the emulator knows. `declines` cards attach fine but fail every charge. */
export interface TestCard {
  last4: string;
  brand: string;
  declines: boolean;
  /** Refused already when attaching (like Stripe's 4000000000000002). */
  declinesOnAttach?: boolean;
  /** Every charge needs 3-D Secure, even off-session (Stripe's 4000002760003184). */
  requiresAuthentication?: boolean;
}

/** Stripe's test cards by number, token and magic PaymentMethod id. */
export const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { last4: "4242", brand: "visa", declines: false },
  "5555555555554444": { last4: "4444", brand: "mastercard", declines: false },
  "378282246310005": { last4: "0005", brand: "amex", declines: false },
  "4000000000000341": { last4: "0341", brand: "visa", declines: true },
  "4000000000000002": { last4: "0002", brand: "visa", declines: true, declinesOnAttach: true },
  "4000002760003184": { last4: "3184", brand: "visa", declines: false, requiresAuthentication: true },
};

/** Magic ids (`pm_card_visa`, tokens `tok_visa`) → card number. */
export const MAGIC_CARDS: Record<string, string> = {
  visa: "4242424242424242",
  mastercard: "5555555555554444",
  amex: "378282246310005",
  chargeCustomerFail: "4000000000000341",
  visa_chargeDeclined: "4000000000000002",
  chargeDeclined: "4000000000000002",
  authenticationRequired: "4000002760003184",
};

/** Whether charging this payment method fails (card ending 0341 or 0002). */
export function paymentMethodDeclines(pm: Stripe.PaymentMethod): boolean {
  return pm.type === "card" && (pm.card?.last4 === "0341" || pm.card?.last4 === "0002");
}

/**
 * Whether every charge on this payment method needs the cardholder's 3-D Secure
 * authentication (card ending 3184), so no off-session attempt succeeds.
 */
export function paymentMethodRequiresAuthentication(pm: Stripe.PaymentMethod): boolean {
  return pm.type === "card" && pm.card?.last4 === "3184";
}

function base(
  ctx: Ctx,
  type: Stripe.PaymentMethod.Type,
  customer: string | null,
  billing?: Partial<Stripe.PaymentMethod.BillingDetails>,
): Stripe.PaymentMethod {
  return {
    id: ctx.state.ids.id("pm"),
    object: "payment_method",
    allow_redisplay: "always",
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null, ...billing },
    created: ctx.ts(),
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type,
  };
}

/** A card payment method. */
export function buildCard(
  ctx: Ctx,
  card: { last4: string; brand: string; exp_month?: number; exp_year?: number },
  customer: string | null,
  billing?: Partial<Stripe.PaymentMethod.BillingDetails>,
): Stripe.PaymentMethod {
  const year = new Date(ctx.now()).getUTCFullYear();
  return {
    ...base(ctx, "card", customer, billing),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: card.brand,
      exp_month: card.exp_month ?? 12,
      exp_year: card.exp_year ?? year + 3,
      fingerprint: `fp${card.brand}${card.last4}`,
      funding: "credit",
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
  };
}

/** A SEPA Direct Debit payment method from an IBAN. */
export function buildSepaDebit(
  ctx: Ctx,
  iban: string,
  customer: string | null,
  billing?: Partial<Stripe.PaymentMethod.BillingDetails>,
): Stripe.PaymentMethod {
  const clean = iban.replace(/\s/g, "").toUpperCase();
  return {
    ...base(ctx, "sepa_debit", customer, billing),
    sepa_debit: {
      bank_code: clean.slice(4, 12) || null,
      branch_code: "",
      country: clean.slice(0, 2),
      fingerprint: `fpsepa${clean.slice(-4)}`,
      generated_from: { charge: null, setup_attempt: null },
      last4: clean.slice(-4),
    },
  };
}

/** A US bank account payment method (ACH). */
export function buildUsBankAccount(
  ctx: Ctx,
  account: {
    routing_number: string;
    account_number: string;
    account_holder_type?: "individual" | "company";
    account_type?: "checking" | "savings";
  },
  customer: string | null,
  billing?: Partial<Stripe.PaymentMethod.BillingDetails>,
): Stripe.PaymentMethod {
  return {
    ...base(ctx, "us_bank_account", customer, billing),
    us_bank_account: {
      account_holder_type: account.account_holder_type ?? "individual",
      account_type: account.account_type ?? "checking",
      bank_name: "STRIPE TEST BANK",
      financial_connections_account: null,
      fingerprint: `fpach${account.account_number.slice(-4)}`,
      last4: account.account_number.slice(-4),
      networks: { preferred: "ach", supported: ["ach"] },
      routing_number: account.routing_number,
      status_details: null,
    },
  };
}

/** Shapes of the other payment method types the portal may list. */
export function buildOther(
  ctx: Ctx,
  type: "bacs_debit" | "au_becs_debit" | "acss_debit" | "link" | "paypal" | "cashapp",
  customer: string | null,
  email = "customer@example.com",
): Stripe.PaymentMethod {
  const pm = base(ctx, type, customer, { email });
  switch (type) {
    case "bacs_debit":
      return { ...pm, bacs_debit: { fingerprint: "fpbacs2345", last4: "2345", sort_code: "108800" } };
    case "au_becs_debit":
      return { ...pm, au_becs_debit: { bsb_number: "000000", fingerprint: "fpbecs3456", last4: "3456" } };
    case "acss_debit":
      return {
        ...pm,
        acss_debit: {
          bank_name: "TEST BANK",
          fingerprint: "fpacss6789",
          institution_number: "000",
          last4: "6789",
          transit_number: "11000",
        },
      };
    case "link":
      return { ...pm, link: { email } };
    case "paypal":
      return { ...pm, paypal: { country: "DE", payer_email: email, payer_id: "PAYERID1234" } };
    case "cashapp":
      return { ...pm, cashapp: { buyer_id: "BUYER123", cashtag: "$demo" } };
  }
}
