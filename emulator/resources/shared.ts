import type Stripe from "stripe";
import { invalidParam, parameterMissing } from "../core/errors";
import { hash, type Params, str } from "../core/params";

/** Reads an `address` hash parameter; "" clears it (null). */
export function readAddress(params: Params, key: string): Stripe.Address | null | undefined {
  const value = hash(params, key);
  if (value === undefined || value === null) return value;
  const field = (name: string) => str(value, name, `${key}[${name}]`) ?? null;
  return {
    city: field("city"),
    country: field("country"),
    line1: field("line1"),
    line2: field("line2"),
    postal_code: field("postal_code"),
    state: field("state"),
  };
}

/** Reads `shipping` (name and address required when set; "" clears). */
export function readShipping(params: Params, key = "shipping"): Stripe.Customer.Shipping | null | undefined {
  const value = hash(params, key);
  if (value === undefined || value === null) return value;
  const name = str(value, "name", `${key}[name]`);
  if (!name) throw parameterMissing(`${key}[name]`);
  const address = readAddress(value, "address");
  if (!address) throw parameterMissing(`${key}[address]`);
  return {
    address,
    name,
    phone: str(value, "phone", `${key}[phone]`) ?? null,
    carrier: null,
    tracking_number: null,
  };
}

/** Reads `preferred_locales[]`; "" clears. */
export function readLocales(params: Params): string[] | undefined {
  const value = params.preferred_locales;
  if (value === undefined) return undefined;
  if (value === "") return [];
  const list = Array.isArray(value)
    ? value
    : typeof value === "object" && value
      ? Object.values(value)
      : [value];
  return list.map((locale) => {
    if (typeof locale !== "string" || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
      throw invalidParam("preferred_locales", `Invalid locale: ${String(locale)}`);
    }
    return locale;
  });
}

/** Stripe amounts are integers in minor units; rounding half away from zero. */
export function roundAmount(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
