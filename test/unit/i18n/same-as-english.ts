/**
 * When a translated value may equal the English one. The "no English left" check in
 * catalogs.test.ts flags every other value that is identical to en.json's.
 */

/** Names and codes that are written the same in every language. */
export const SAME_IN_EVERY_LANGUAGE: ReadonlySet<string> = new Set([
  "OK",
  "IBAN",
  "BIC",
  "SWIFT",
  "BSB",
  "PDF",
  "CVC",
  "Stripe",
  "Link",
  "Visa",
  "Mastercard",
  "American Express",
  "Discover",
  "Diners Club",
  "JCB",
  "UnionPay",
  "Cartes Bancaires",
  "Interac",
  "PayPal",
  "Apple Pay",
  "Google Pay",
  "Amazon Pay",
  "Cash App Pay",
  "Revolut Pay",
  "SEPA",
  "BACS",
  "ACH",
  "iDEAL",
  "Bancontact",
  "EPS",
  "giropay",
  "Sofort",
  "Klarna",
  "Affirm",
  "Afterpay",
  "Clearpay",
  "Alipay",
  "WeChat Pay",
  "BLIK",
  "Przelewy24",
  "GrabPay",
  "FPX",
  "PayNow",
  "PromptPay",
  "Boleto",
  "OXXO",
  "Konbini",
  "Zip",
  "MobilePay",
  "Swish",
  "TWINT",
  "Multibanco",
  "Pix",
  "eftpos",
  "Masterpass",
  "Samsung Pay",
  "Visa Checkout",
  "Amex Express Checkout",
]);

/**
 * Keys whose value is rightly the English word in one language, e.g. `de: ["…status_label"]`
 * for "Status". Add a key only when a native speaker would write exactly that word; a
 * reviewer reads this list.
 */
export const SAME_AS_ENGLISH_BY_LOCALE: Readonly<Partial<Record<string, readonly string[]>>> = {
  de: ["billing.name", "invoices.status"],
  et: ["tax_ids.value_label"],
  fr: ["tax_ids.type_label", "invoices.date", "invoices.actions"],
  "fr-CA": ["tax_ids.type_label", "invoices.date", "invoices.actions"],
  hr: ["invoices.status"],
  da: ["invoices.status"],
  fil: ["dev.account", "billing.email", "payment_methods.types.card"],
  id: ["invoices.status", "subscription.quantity"],
  it: ["dev.account"],
  ms: ["invoices.status", "subscription.quantity"],
  mt: ["invoices.status"],
  nb: ["invoices.status"],
  nl: ["dev.account", "invoices.status", "price.every.week", "pause.durations.week"],
  pl: ["invoices.status"],
  sv: ["invoices.status"],
};

/** Whether `value` under `key` may equal the English value in `locale`. */
export function sameAsEnglishAllowed(locale: string, key: string, value: string): boolean {
  return (
    SAME_IN_EVERY_LANGUAGE.has(value.trim()) || (SAME_AS_ENGLISH_BY_LOCALE[locale]?.includes(key) ?? false)
  );
}
