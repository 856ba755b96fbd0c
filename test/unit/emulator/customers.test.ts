import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const C = DEMO.customers;

describe("emulator customers", () => {
  it("updates contact fields, address, shipping and locales, visible on the next read", async () => {
    const { stripe } = createHarness();
    await stripe.customers.update(C.monthly, {
      name: "Mia M.",
      email: "mia.m@example.com",
      phone: "+1 555 0100",
      preferred_locales: ["fr", "en"],
      address: { line1: "1 Main St", city: "Springfield", postal_code: "12345", country: "US" },
      shipping: { name: "Mia", address: { line1: "2 Side St", country: "US" } },
    });
    const customer = await stripe.customers.retrieve(C.monthly);
    expect(customer).toMatchObject({
      name: "Mia M.",
      email: "mia.m@example.com",
      phone: "+1 555 0100",
      preferred_locales: ["fr", "en"],
      address: { line1: "1 Main St", line2: null, city: "Springfield", country: "US" },
      shipping: { name: "Mia", address: { line1: "2 Side St" } },
    });
  });

  it("sets the default payment method only to one of the customer's own", async () => {
    const { stripe } = createHarness();
    const many = await stripe.paymentMethods.list({ customer: C.manyMethods, type: "sepa_debit" });
    const sepa = many.data[0]!;
    await stripe.customers.update(C.manyMethods, { invoice_settings: { default_payment_method: sepa.id } });
    const updated = await stripe.customers.retrieve(C.manyMethods, {
      expand: ["invoice_settings.default_payment_method"],
    });
    expect(updated.deleted).toBeUndefined();
    if (updated.deleted) return;
    expect(updated.invoice_settings.default_payment_method).toMatchObject({
      id: sepa.id,
      type: "sepa_debit",
    });

    const err = await stripe.customers
      .update(C.monthly, { invoice_settings: { default_payment_method: sepa.id } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 400, param: "invoice_settings[default_payment_method]" });
  });

  it("rejects unknown and malformed parameters and changes nothing", async () => {
    const { stripe } = createHarness();
    await expect(stripe.customers.update(C.monthly, { nmae: "x" } as never)).rejects.toMatchObject({
      statusCode: 400,
      code: "parameter_unknown",
      param: "nmae",
      message: "Received unknown parameter: nmae",
    });
    await expect(
      stripe.customers.update(C.monthly, { name: "Changed", shipping: { address: { line1: "x" } } } as never),
    ).rejects.toMatchObject({
      code: "parameter_missing",
      param: "shipping[name]",
      message: "Missing required param: shipping[name].",
    });
    const customer = await stripe.customers.retrieve(C.monthly);
    expect(customer).toMatchObject({ name: "Mia Monthly" });
  });

  it("includes tax_ids only when expanded", async () => {
    const { stripe } = createHarness();
    const plain = await stripe.customers.retrieve(C.taxIds);
    expect(plain).not.toHaveProperty("tax_ids");
    const expanded = await stripe.customers.retrieve(C.taxIds, { expand: ["tax_ids"] });
    if (expanded.deleted) throw new Error("deleted");
    expect(expanded.tax_ids?.data.map((t) => t.value).sort()).toEqual(["DE123456789", "GB123456789"]);
    expect(expanded.address?.city).toBe("Berlin");
    expect(expanded.shipping?.address?.city).toBe("Hamburg");
  });

  it("gives every demo customer a demo_case", async () => {
    const { stripe } = createHarness();
    const list = await stripe.customers.list({ limit: 100 });
    expect(list.data.map((c) => c.id).sort()).toEqual(Object.values(C).sort());
    for (const customer of list.data) expect(customer.metadata.demo_case).toBeTruthy();
  });
});
