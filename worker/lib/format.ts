/**
 * Money and date formatting in the customer's locale. Stripe amounts are integers in the
 * currency's minor unit; how many decimals that unit has is Stripe's rule, not always ISO's.
 */
import { intlLocale, isLocale } from "./locales";

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

/**
 * workerd's ICU has no number or date data for Maltese (Intl silently falls back to en-US),
 * while every other supported locale is covered; `test/unit/i18n/intl-data.test.ts` keeps
 * that true. Malta's English locale uses the same number conventions as Maltese
 * (`€1,234.50`, `US$19.99`), and Maltese long dates are spelled here from CLDR's pattern
 * `d 'ta'’ MMMM y`. Both step aside by themselves once the runtime gains the data.
 */
const MALTESE = "mt";
const MALTESE_MONTHS = [
  "Jannar",
  "Frar",
  "Marzu",
  "April",
  "Mejju",
  "Ġunju",
  "Lulju",
  "Awwissu",
  "Settembru",
  "Ottubru",
  "Novembru",
  "Diċembru",
];
const runtimeHasMaltese = Intl.DateTimeFormat.supportedLocalesOf([MALTESE]).length > 0;

/** The tag to hand Intl.NumberFormat for a UI locale. */
function numberLocale(locale: string): string {
  if (locale === MALTESE && !runtimeHasMaltese) return "en-MT";
  return isLocale(locale) ? intlLocale(locale) : locale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a Stripe amount (minor units) as money, e.g. 1999 usd → "$19.99" in en. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}|${currency}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(locale), {
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
  const date = new Date(unixSeconds * 1000);
  if (locale === MALTESE && !runtimeHasMaltese) {
    return `${date.getUTCDate()} ta’ ${MALTESE_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(isLocale(locale) ? intlLocale(locale) : locale, {
      dateStyle: "long",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
