/**
 * Money and date formatting in the customer's locale. Stripe amounts are integers in the
 * currency's minor unit; how many decimals that unit has is Stripe's rule, not always ISO's.
 */

/** Currencies Stripe treats as zero-decimal: the amount is already in whole units. */
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);
/** Currencies Stripe treats as three-decimal. */
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Number of decimals in a currency's minor unit, per Stripe. */
export function minorUnitDigits(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a Stripe amount (minor units) as money, e.g. 1999 usd → "$19.99" in en. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}|${currency}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(amountMinor / 10 ** digits);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a Unix timestamp (seconds) as a date, e.g. "2 November 2026", in UTC. */
export function formatDate(unixSeconds: number, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(unixSeconds * 1000));
}
