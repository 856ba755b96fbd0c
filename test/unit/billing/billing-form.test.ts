import { describe, expect, it } from "vitest";
import {
  customerUpdateParams,
  type EditableField,
  editableFields,
  validateBillingForm,
  valuesFromBody,
  valuesFromCustomer,
} from "../../../worker/portal/billing-details/form";
import { checkTaxIdForm } from "../../../worker/portal/billing-details/tax-id-form";

const ALL = new Set<EditableField>(["name", "email", "phone", "address", "shipping"]);

function body(fields: Record<string, string>) {
  return valuesFromBody(fields);
}

describe("billing form", () => {
  it("reads and trims the POSTed fields, upper-casing countries", () => {
    const v = body({
      name: "  Ada ",
      address_line1: " 1 Main St ",
      address_country: "de",
      shipping_name: "Bob",
    });
    expect(v.name).toBe("Ada");
    expect(v.address.line1).toBe("1 Main St");
    expect(v.address.country).toBe("DE");
    expect(v.shipping.name).toBe("Bob");
    expect(v.email).toBe("");
  });

  it("accepts a complete form and an entirely empty address", () => {
    const v = body({
      name: "Ada",
      email: "ada@example.com",
      phone: "+49 (30) 123-45",
      address_line1: "1 Main St",
      address_country: "DE",
    });
    expect(validateBillingForm(v, ALL)).toEqual([]);
  });

  it("reports each problem on its field", () => {
    const v = body({
      email: "not-an-email",
      phone: "call me",
      address_city: "Berlin",
      shipping_line1: "2 Side St",
      shipping_country: "ZZ",
    });
    const fields = validateBillingForm(v, ALL).map((e) => `${e.field}:${e.message}`);
    expect(fields).toEqual([
      "email:billing.errors.email_invalid",
      "phone:billing.errors.phone_invalid",
      "address_line1:billing.errors.line1_required",
      "address_country:billing.errors.country_required",
      "shipping_name:billing.errors.shipping_name_required",
      "shipping_country:billing.errors.country_invalid",
    ]);
  });

  it("ignores fields the configuration does not let the customer edit", () => {
    const v = body({ email: "bad", phone: "bad" });
    expect(validateBillingForm(v, new Set<EditableField>(["name"]))).toEqual([]);
    expect(customerUpdateParams(v, new Set<EditableField>(["name"]))).toEqual({ name: "" });
  });

  it("sends only editable fields, an empty address as a clear", () => {
    const v = body({
      name: "Ada",
      email: "ada@example.com",
      address_line1: "",
      shipping_name: "Bob",
      shipping_line1: "2 Side St",
      shipping_country: "FR",
    });
    const params = customerUpdateParams(v, ALL);
    expect(params.address).toBe("");
    expect(params.shipping).toEqual({
      name: "Bob",
      phone: "",
      address: { line1: "2 Side St", line2: "", city: "", state: "", postal_code: "", country: "FR" },
    });
    expect(params.email).toBe("ada@example.com");
  });

  it("round-trips a customer's details into the form", () => {
    const v = valuesFromCustomer({
      name: "Ada",
      email: null,
      phone: null,
      address: {
        line1: "1 Main St",
        line2: null,
        city: "Berlin",
        state: null,
        postal_code: "10115",
        country: "DE",
      },
      shipping: null,
    });
    expect(v.address).toEqual({
      line1: "1 Main St",
      line2: "",
      city: "Berlin",
      state: "",
      postal_code: "10115",
      country: "DE",
    });
    expect(v.email).toBe("");
  });

  it("derives the editable fields from the configuration", () => {
    expect([...editableFields({ enabled: true, allowed_updates: ["email", "tax_id", "address"] })]).toEqual([
      "email",
      "address",
    ]);
    expect(editableFields({ enabled: false, allowed_updates: ["email"] }).size).toBe(0);
  });
});

describe("tax ID form", () => {
  it("passes a well-formed ID through as typed (trimmed)", () => {
    expect(checkTaxIdForm({ type: "eu_vat", value: "DE 123456789" })).toEqual({
      ok: true,
      type: "eu_vat",
      value: "DE 123456789",
    });
  });

  it("puts an unknown type on the type field and a bad value on the value field with an example", () => {
    expect(checkTaxIdForm({ type: "", value: "DE123456789" })).toEqual({
      ok: false,
      error: { field: "tax_id_type", message: "tax_ids.errors.type_unknown" },
    });
    expect(checkTaxIdForm({ type: "eu_vat", value: "123" })).toEqual({
      ok: false,
      error: {
        field: "tax_id_value",
        message: "tax_ids.errors.format_invalid",
        values: { example: "DE123456789" },
      },
    });
    expect(checkTaxIdForm({ type: "eu_vat", value: "" })).toMatchObject({
      ok: false,
      error: { field: "tax_id_value", message: "tax_ids.errors.value_missing" },
    });
  });
});
