import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { describePaymentMethod, paymentMethodSummary } from "../../../views/components/payment-method-label";
import { createTranslator } from "../../../worker/lib/i18n";

const t = createTranslator("en");

function pm(type: string, details: Record<string, unknown>): Stripe.PaymentMethod {
  return { id: "pm_1", object: "payment_method", type, [type]: details } as unknown as Stripe.PaymentMethod;
}

describe("payment method labels", () => {
  it("shows a card's brand, last 4, expiry and wallet", () => {
    const d = describePaymentMethod(
      pm("card", {
        brand: "visa",
        last4: "4242",
        exp_month: 3,
        exp_year: 2031,
        wallet: { type: "apple_pay" },
      }),
      t,
    );
    expect(d).toEqual({ name: "Visa", last4: "4242", details: ["Expires 03/2031", "Apple Pay"] });
  });

  it("names an unknown card brand generically", () => {
    expect(describePaymentMethod(pm("card", { brand: "unknown", last4: "1111" }), t).name).toBe("Card");
  });

  it.each([
    ["us_bank_account", { bank_name: "STRIPE TEST BANK", last4: "6789" }, "STRIPE TEST BANK ending in 6789"],
    ["acss_debit", { bank_name: "TD Canada", last4: "1234" }, "TD Canada ending in 1234"],
    ["nz_bank_account", { bank_name: "ANZ", last4: "0010" }, "ANZ ending in 0010"],
    ["sepa_debit", { last4: "3000", country: "DE" }, "SEPA Direct Debit ending in 3000"],
    ["bacs_debit", { last4: "2345", sort_code: "108800" }, "Bacs Direct Debit ending in 2345"],
    ["au_becs_debit", { last4: "3456", bsb_number: "000000" }, "BECS Direct Debit ending in 3456"],
    ["link", { email: "ada@example.com" }, "Link"],
    ["paypal", { payer_email: "ada@example.com" }, "PayPal"],
    ["cashapp", { cashtag: "$ada" }, "Cash App Pay"],
    ["amazon_pay", {}, "Amazon Pay"],
    ["boleto", { tax_id: "123.456.789-01" }, "Boleto ending in 8901"],
    ["custom", { display_name: "Store credit" }, "Store credit"],
  ])("labels %s readably", (type, details, expected) => {
    expect(paymentMethodSummary(pm(type, details), t)).toBe(expected);
  });

  it("shows a bank account without a known bank by its type", () => {
    expect(describePaymentMethod(pm("us_bank_account", { bank_name: null, last4: "6789" }), t)).toEqual({
      name: "US bank account",
      last4: "6789",
      details: [],
    });
  });

  it("still lists a type the portal does not support, with a generic name and its type", () => {
    expect(describePaymentMethod(pm("klarna", {}), t)).toEqual({
      name: "Other payment method",
      last4: null,
      details: ["klarna"],
    });
  });

  it("puts the account email of wallets in the details", () => {
    expect(describePaymentMethod(pm("paypal", { payer_email: "ada@example.com" }), t).details).toEqual([
      "ada@example.com",
    ]);
  });
});
