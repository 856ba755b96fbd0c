import { describe, expect, it } from "vitest";
import {
  chargesAutomatically,
  mayRemovePaymentMethod,
  type SubscriptionForPaymentRules,
  setupCurrency,
} from "../../../worker/billing/payment-method-rules";

function sub(overrides: Partial<SubscriptionForPaymentRules> = {}): SubscriptionForPaymentRules {
  return { status: "active", collection_method: "charge_automatically", currency: "usd", ...overrides };
}

describe("chargesAutomatically", () => {
  it("is true for a live subscription charging automatically, including trialing and past_due", () => {
    expect(chargesAutomatically([sub()])).toBe(true);
    expect(chargesAutomatically([sub({ status: "trialing" })])).toBe(true);
    expect(chargesAutomatically([sub({ status: "past_due" })])).toBe(true);
  });

  it("is false for send_invoice, ended subscriptions, or none", () => {
    expect(chargesAutomatically([])).toBe(false);
    expect(chargesAutomatically([sub({ collection_method: "send_invoice" })])).toBe(false);
    expect(chargesAutomatically([sub({ status: "canceled" }), sub({ status: "incomplete_expired" })])).toBe(
      false,
    );
  });
});

describe("mayRemovePaymentMethod", () => {
  it("refuses the last method while a subscription charges automatically", () => {
    expect(mayRemovePaymentMethod({ methodCount: 1, subscriptions: [sub()] })).toBe("last_method_in_use");
  });

  it("allows removing one of several methods", () => {
    expect(mayRemovePaymentMethod({ methodCount: 2, subscriptions: [sub()] })).toBeNull();
  });

  it("allows removing the last method when nothing charges it", () => {
    expect(mayRemovePaymentMethod({ methodCount: 1, subscriptions: [] })).toBeNull();
    expect(
      mayRemovePaymentMethod({ methodCount: 1, subscriptions: [sub({ collection_method: "send_invoice" })] }),
    ).toBeNull();
    expect(
      mayRemovePaymentMethod({ methodCount: 1, subscriptions: [sub({ status: "canceled" })] }),
    ).toBeNull();
  });
});

describe("setupCurrency", () => {
  it("uses the currency most live subscriptions bill in", () => {
    expect(
      setupCurrency([sub({ currency: "eur" }), sub({ currency: "usd" }), sub({ currency: "eur" })], "gbp"),
    ).toBe("eur");
  });

  it("breaks a tie in favour of the first subscription listed", () => {
    expect(setupCurrency([sub({ currency: "gbp" }), sub({ currency: "usd" })], null)).toBe("gbp");
  });

  it("ignores ended subscriptions and falls back to the customer's currency, then USD", () => {
    expect(setupCurrency([sub({ status: "canceled", currency: "jpy" })], "EUR")).toBe("eur");
    expect(setupCurrency([], null)).toBe("usd");
    expect(setupCurrency([], "")).toBe("usd");
  });
});
