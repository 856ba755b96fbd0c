import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const C = DEMO.customers;

describe("emulator payment methods", () => {
  it("lists a customer's methods by type, both list endpoints", async () => {
    const { stripe } = createHarness();
    const all = await stripe.customers.listPaymentMethods(C.manyMethods);
    expect(all.data.map((pm) => pm.type).sort()).toEqual(["card", "sepa_debit", "us_bank_account"]);
    const cards = await stripe.paymentMethods.list({ customer: C.manyMethods, type: "card" });
    expect(cards.data).toHaveLength(1);
    expect(cards.data[0]?.card?.last4).toBe("4242");
    const bank = await stripe.customers.listPaymentMethods(C.manyMethods, { type: "us_bank_account" });
    expect(bank.data[0]?.us_bank_account).toMatchObject({ last4: "6789", routing_number: "110000000" });
  });

  it("attaches a test card and detaches it, clearing the default", async () => {
    const { stripe } = createHarness();
    const pm = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: C.monthly });
    expect(pm).toMatchObject({ customer: C.monthly, card: { last4: "4444", brand: "mastercard" } });
    await stripe.customers.update(C.monthly, { invoice_settings: { default_payment_method: pm.id } });
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    const customer = await stripe.customers.retrieve(C.monthly);
    if (customer.deleted) throw new Error("deleted");
    expect(customer.invoice_settings.default_payment_method).toBeNull();
    const retrieved = await stripe.paymentMethods.retrieve(pm.id);
    expect(retrieved.customer).toBeNull();
  });

  it("refuses to attach a card that declines on attach", async () => {
    const { stripe } = createHarness();
    await expect(
      stripe.paymentMethods.attach("pm_card_visa_chargeDeclined", { customer: C.monthly }),
    ).rejects.toMatchObject({ statusCode: 402, type: "StripeCardError", code: "card_declined" });
  });

  it("detaching an unattached method is an error", async () => {
    const { stripe } = createHarness();
    const pm = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" } });
    await expect(stripe.paymentMethods.detach(pm.id)).rejects.toMatchObject({ statusCode: 400 });
  });
});
