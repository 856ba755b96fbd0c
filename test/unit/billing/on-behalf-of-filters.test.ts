import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { visibleInvoice } from "../../../worker/portal/invoices/load";
import { subscriptionsWithOverride } from "../../../worker/portal/payment-methods/load";

function invoice(fields: Partial<Stripe.Invoice>): Stripe.Invoice {
  return { id: "in_1", status: "paid", on_behalf_of: null, ...fields } as Stripe.Invoice;
}

function sub(fields: Partial<Stripe.Subscription>): Stripe.Subscription {
  return {
    id: "sub_1",
    status: "active",
    on_behalf_of: null,
    default_payment_method: "pm_1",
    ...fields,
  } as Stripe.Subscription;
}

describe("invoices shown in a session", () => {
  it("never shows drafts", () => {
    expect(visibleInvoice(invoice({ status: "draft" }), null)).toBe(false);
    expect(visibleInvoice(invoice({ status: "open" }), null)).toBe(true);
    expect(visibleInvoice(invoice({ status: "void" }), null)).toBe(true);
  });

  it("with on_behalf_of, shows only that account's invoices (id or expanded)", () => {
    const account = "acct_1Seller";
    expect(visibleInvoice(invoice({ on_behalf_of: account }), account)).toBe(true);
    expect(visibleInvoice(invoice({ on_behalf_of: { id: account } as Stripe.Account }), account)).toBe(true);
    expect(visibleInvoice(invoice({ on_behalf_of: "acct_1Other" }), account)).toBe(false);
    expect(visibleInvoice(invoice({ on_behalf_of: null }), account)).toBe(false);
    // Without on_behalf_of on the session, every invoice of the customer is shown.
    expect(visibleInvoice(invoice({ on_behalf_of: "acct_1Other" }), null)).toBe(true);
  });
});

describe("subscriptions whose own payment method 'use for all' clears", () => {
  it("counts live subscriptions with an override, within the session's on_behalf_of", () => {
    const subs = [
      sub({ id: "sub_a" }),
      sub({ id: "sub_b", default_payment_method: null }),
      sub({ id: "sub_c", status: "canceled" }),
      sub({ id: "sub_d", on_behalf_of: "acct_1Seller" }),
    ];
    expect(subscriptionsWithOverride(subs, null).map((s) => s.id)).toEqual(["sub_a", "sub_d"]);
    expect(subscriptionsWithOverride(subs, "acct_1Seller").map((s) => s.id)).toEqual(["sub_d"]);
  });
});
