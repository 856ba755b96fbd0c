/**
 * Every locale the portal renders: Stripe's 46 portal locales plus Arabic and Hebrew.
 * Order matters only for the language menu.
 */
export const SUPPORTED_LOCALES = [
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "en-AU",
  "en-CA",
  "en-GB",
  "en-IE",
  "en-IN",
  "en-NZ",
  "en-SG",
  "es",
  "es-419",
  "et",
  "fi",
  "fil",
  "fr",
  "fr-CA",
  "hr",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "ms",
  "mt",
  "nb",
  "nl",
  "pl",
  "pt",
  "pt-BR",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "th",
  "tr",
  "vi",
  "zh",
  "zh-HK",
  "zh-TW",
  "ar",
  "he",
] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Stripe's `locale` enum for portal sessions (without `auto`). */
export const STRIPE_PORTAL_LOCALES: readonly string[] = SUPPORTED_LOCALES.filter(
  (l) => l !== "ar" && l !== "he",
);

const RTL = new Set<string>(["ar", "he"]);

/** Text direction for a locale. */
export function directionOf(locale: Locale): "ltr" | "rtl" {
  return RTL.has(locale) ? "rtl" : "ltr";
}

/** Narrows an arbitrary string to a supported locale tag (exact match only). */
export function isLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
