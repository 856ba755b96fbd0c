/**
 * The billing details form: reading it from a POST body, checking it, and turning it into the
 * `customers.update` parameters for exactly the fields the configuration lets the customer edit.
 * Pure: no Stripe, no Hono.
 */
import type Stripe from "stripe";
import type { MessageKey, MessageValues } from "../../lib/i18n";
import { isCountryCode } from "./countries";
import type { CustomerDetails } from "./types";

/** The editable groups, as named in `features.customer_update.allowed_updates`. */
export type EditableField = "name" | "email" | "phone" | "address" | "shipping";

const ADDRESS_PARTS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number];
type AddressValues = Record<AddressPart, string>;

/** What the customer typed, kept as strings so the form can show it back unchanged. */
export interface BillingFormValues {
  name: string;
  email: string;
  phone: string;
  address: AddressValues;
  shipping: AddressValues & { name: string; phone: string };
}

/** One field's problem: the input's name and the message explaining it. */
export interface BillingFormError {
  field: string;
  message: MessageKey;
  values?: MessageValues;
}

const MAX_NAME = 256;
const MAX_EMAIL = 512;
const MAX_PHONE = 20;
const MAX_PART = 200;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9 ().-]+$/;

function emptyAddress(): AddressValues {
  return { line1: "", line2: "", city: "", state: "", postal_code: "", country: "" };
}

/** The form pre-filled from the customer as Stripe has it. */
export function valuesFromCustomer(customer: CustomerDetails): BillingFormValues {
  const address = emptyAddress();
  const shippingAddress = emptyAddress();
  for (const part of ADDRESS_PARTS) {
    address[part] = customer.address?.[part] ?? "";
    shippingAddress[part] = customer.shipping?.address?.[part] ?? "";
  }
  return {
    name: customer.name ?? "",
    email: customer.email ?? "",
    phone: customer.phone ?? "",
    address,
    shipping: {
      ...shippingAddress,
      name: customer.shipping?.name ?? "",
      phone: customer.shipping?.phone ?? "",
    },
  };
}

/** Reads the POSTed form; anything missing reads as empty, every value is trimmed. */
export function valuesFromBody(body: Record<string, unknown>): BillingFormValues {
  const read = (key: string) => {
    const v = body[key];
    return typeof v === "string" ? v.trim() : "";
  };
  const address = emptyAddress();
  const shippingAddress = emptyAddress();
  for (const part of ADDRESS_PARTS) {
    address[part] = read(`address_${part}`);
    shippingAddress[part] = read(`shipping_${part}`);
  }
  address.country = address.country.toUpperCase();
  shippingAddress.country = shippingAddress.country.toUpperCase();
  return {
    name: read("name"),
    email: read("email"),
    phone: read("phone"),
    address,
    shipping: { ...shippingAddress, name: read("shipping_name"), phone: read("shipping_phone") },
  };
}

function checkAddress(prefix: string, a: AddressValues, errors: BillingFormError[]): void {
  for (const part of ADDRESS_PARTS) {
    if (a[part].length > MAX_PART)
      errors.push({ field: `${prefix}_${part}`, message: "billing.errors.too_long" });
  }
  if (a.line1 === "") errors.push({ field: `${prefix}_line1`, message: "billing.errors.line1_required" });
  if (a.country === "")
    errors.push({ field: `${prefix}_country`, message: "billing.errors.country_required" });
  else if (!isCountryCode(a.country))
    errors.push({ field: `${prefix}_country`, message: "billing.errors.country_invalid" });
}

function isBlank(values: Record<string, string>): boolean {
  return Object.values(values).every((v) => v === "");
}

/** Checks only the fields the customer may edit; the others are not read at all. */
export function validateBillingForm(
  values: BillingFormValues,
  editable: ReadonlySet<EditableField>,
): BillingFormError[] {
  const errors: BillingFormError[] = [];
  if (editable.has("name") && values.name.length > MAX_NAME)
    errors.push({ field: "name", message: "billing.errors.too_long" });
  if (editable.has("email") && values.email !== "") {
    if (values.email.length > MAX_EMAIL) errors.push({ field: "email", message: "billing.errors.too_long" });
    else if (!EMAIL.test(values.email))
      errors.push({ field: "email", message: "billing.errors.email_invalid" });
  }
  if (editable.has("phone") && values.phone !== "") {
    if (
      values.phone.length > MAX_PHONE ||
      !PHONE.test(values.phone) ||
      values.phone.replace(/\D/g, "").length < 4
    )
      errors.push({ field: "phone", message: "billing.errors.phone_invalid" });
  }
  // An address is either cleared completely or has at least a first line and a country.
  if (editable.has("address") && !isBlank(values.address)) checkAddress("address", values.address, errors);
  if (editable.has("shipping") && !isBlank(values.shipping)) {
    const { name, phone, ...address } = values.shipping;
    if (name === "")
      errors.push({ field: "shipping_name", message: "billing.errors.shipping_name_required" });
    else if (name.length > MAX_NAME)
      errors.push({ field: "shipping_name", message: "billing.errors.too_long" });
    if (phone !== "" && (phone.length > MAX_PHONE || !PHONE.test(phone)))
      errors.push({ field: "shipping_phone", message: "billing.errors.phone_invalid" });
    checkAddress("shipping", address, errors);
  }
  return errors;
}

function addressParam(a: AddressValues): Stripe.AddressParam {
  return {
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    state: a.state,
    postal_code: a.postal_code,
    country: a.country,
  };
}

/**
 * The `customers.update` parameters for a valid form. An empty string unsets a field in
 * Stripe, which is what clearing a field in the form means.
 */
export function customerUpdateParams(
  values: BillingFormValues,
  editable: ReadonlySet<EditableField>,
): Stripe.CustomerUpdateParams {
  const params: Stripe.CustomerUpdateParams = {};
  if (editable.has("name")) params.name = values.name;
  if (editable.has("email")) params.email = values.email;
  if (editable.has("phone")) params.phone = values.phone;
  if (editable.has("address")) params.address = isBlank(values.address) ? "" : addressParam(values.address);
  if (editable.has("shipping")) {
    const { name, phone, ...address } = values.shipping;
    params.shipping = isBlank(values.shipping) ? "" : { name, phone, address: addressParam(address) };
  }
  return params;
}

const EDITABLE: ReadonlySet<string> = new Set(["name", "email", "phone", "address", "shipping"]);

function isEditableField(value: string): value is EditableField {
  return EDITABLE.has(value);
}

/** The editable groups of a configuration (`tax_id` is handled by the tax ID forms). */
export function editableFields(
  customerUpdate: Stripe.BillingPortal.Configuration.Features.CustomerUpdate,
): Set<EditableField> {
  const fields = new Set<EditableField>();
  if (!customerUpdate.enabled) return fields;
  for (const f of customerUpdate.allowed_updates) {
    if (isEditableField(f)) fields.add(f);
  }
  return fields;
}
