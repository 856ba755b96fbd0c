/**
 * The add-tax-ID form: reading and checking it before Stripe is called. Pure.
 */
import { checkTaxId, isTaxIdType, type TaxIdType, taxIdExample } from "../../billing/tax-id-types";
import type { MessageKey } from "../../lib/i18n";
import type { BillingFormError } from "./form";

/** What the customer typed, kept to show back on an error. */
export interface TaxIdFormValues {
  type: string;
  value: string;
}

/** Reads the POSTed tax ID form. */
export function taxIdValuesFromBody(body: Record<string, unknown>): TaxIdFormValues {
  const type = typeof body.tax_id_type === "string" ? body.tax_id_type.trim() : "";
  const value = typeof body.tax_id_value === "string" ? body.tax_id_value.trim() : "";
  return { type, value };
}

const MESSAGES: Record<Exclude<ReturnType<typeof checkTaxId>, null>, MessageKey> = {
  type_unknown: "tax_ids.errors.type_unknown",
  value_missing: "tax_ids.errors.value_missing",
  value_too_long: "tax_ids.errors.value_too_long",
  format_invalid: "tax_ids.errors.format_invalid",
};

/**
 * Checks the form. On success returns the type and the value to send (as typed, trimmed:
 * Stripe normalizes it itself); otherwise the error to show on the right field.
 */
export function checkTaxIdForm(
  values: TaxIdFormValues,
): { ok: true; type: TaxIdType; value: string } | { ok: false; error: BillingFormError } {
  const problem = checkTaxId(values.type, values.value);
  if (problem === null && isTaxIdType(values.type)) {
    return { ok: true, type: values.type, value: values.value };
  }
  if (problem === null || problem === "type_unknown") {
    return { ok: false, error: { field: "tax_id_type", message: MESSAGES.type_unknown } };
  }
  // checkTaxId only gets past type_unknown for a known type, so the example always exists.
  const example = isTaxIdType(values.type) ? taxIdExample(values.type) : "";
  return { ok: false, error: { field: "tax_id_value", message: MESSAGES[problem], values: { example } } };
}
