import { describe, expect, it } from "vitest";
import {
  checkTaxId,
  isTaxIdType,
  normalizeTaxIdValue,
  TAX_ID_TYPES,
  taxIdExample,
} from "../../../worker/billing/tax-id-types";

describe("tax ID types", () => {
  it("lists every type Stripe accepts on create, without the read-only `unknown`", () => {
    expect(TAX_ID_TYPES).toHaveLength(135);
    expect(TAX_ID_TYPES).toContain("eu_vat");
    expect(TAX_ID_TYPES).toContain("zw_tin");
    expect(TAX_ID_TYPES).not.toContain("unknown");
    expect(isTaxIdType("unknown")).toBe(false);
    expect(isTaxIdType("toString")).toBe(false);
  });

  it.each(TAX_ID_TYPES)("accepts the documented example of %s", (type) => {
    expect(checkTaxId(type, taxIdExample(type))).toBeNull();
  });

  it.each([
    ["eu_vat", "DE123456789"],
    ["eu_vat", "de 123 456 789"],
    ["eu_vat", "ATU12345678"],
    ["eu_vat", "FRAB123456789"],
    ["eu_vat", "NL123456789B12"],
    ["eu_vat", "XI123456789"],
    ["gb_vat", "GB 123 4567 89"],
    ["us_ein", "12-3456789"],
    ["us_ein", "123456789"],
    ["au_abn", "12 345 678 912"],
    ["ch_vat", "CHE-123.456.789 MWST"],
    ["ch_vat", "CHE-123.456.789 TVA"],
    ["br_cnpj", "01234456543210"],
    ["jp_trn", "t1234567891234"],
    ["in_gst", "12ABCDE3456FGZH"],
  ])("accepts %s %s", (type, value) => {
    expect(checkTaxId(type, value)).toBeNull();
  });

  it.each([
    ["eu_vat", "DE12345678"], // one digit short
    ["eu_vat", "US123456789"], // not an EU prefix
    ["eu_vat", "GB123456789"], // UK numbers are gb_vat
    ["gb_vat", "DE123456789"],
    ["us_ein", "12-345678"],
    ["au_abn", "1234567891"],
    ["ca_gst_hst", "123456789"],
    ["jp_trn", "1234567891234"],
    ["no_vat", "123456789"],
    ["eu_vat", "DE123456789; DROP"],
  ])("refuses %s %s as badly formatted", (type, value) => {
    expect(checkTaxId(type, value)).toBe("format_invalid");
  });

  it("tells an unknown type, an empty value and an overlong value apart", () => {
    expect(checkTaxId("xx_vat", "123")).toBe("type_unknown");
    expect(checkTaxId("unknown", "123")).toBe("type_unknown");
    expect(checkTaxId("eu_vat", "   ")).toBe("value_missing");
    expect(checkTaxId("eu_vat", "DE".padEnd(60, "1"))).toBe("value_too_long");
  });

  it("normalizes by removing whitespace and upper-casing", () => {
    expect(normalizeTaxIdValue(" de 1234\t56789 ")).toBe("DE123456789");
  });
});
