/**
 * Every locale the portal renders: Stripe's 46 portal locales plus Arabic and Hebrew, in the
 * order the language menu lists them (by tag).
 */
export const SUPPORTED_LOCALES = [
  "ar",
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
  "he",
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

/**
 * The tag to hand `Intl` for a UI locale. Stripe's `pt` is Portugal's Portuguese (Brazil has
 * `pt-BR`), but `Intl`'s bare `pt` is Brazil's: `€ 1.234,50` and "0 → one" instead of
 * Portugal's `1234,50 €` and "0 → other". Every other tag means the same to both.
 */
export function intlLocale(locale: Locale): string {
  return locale === "pt" ? "pt-PT" : locale;
}

/** Narrows an arbitrary string to a supported locale tag (exact match only). */
export function isLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Each language named in its own language, for the language menu: a reader who cannot read
 * the current page must still find their own language.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  bg: "Български",
  cs: "Čeština",
  da: "Dansk",
  de: "Deutsch",
  el: "Ελληνικά",
  en: "English (US)",
  "en-AU": "English (Australia)",
  "en-CA": "English (Canada)",
  "en-GB": "English (UK)",
  "en-IE": "English (Ireland)",
  "en-IN": "English (India)",
  "en-NZ": "English (New Zealand)",
  "en-SG": "English (Singapore)",
  es: "Español (España)",
  "es-419": "Español (Latinoamérica)",
  et: "Eesti",
  fi: "Suomi",
  fil: "Filipino",
  fr: "Français (France)",
  "fr-CA": "Français (Canada)",
  hr: "Hrvatski",
  hu: "Magyar",
  id: "Bahasa Indonesia",
  it: "Italiano",
  ja: "日本語",
  ko: "한국어",
  lt: "Lietuvių",
  lv: "Latviešu",
  ms: "Bahasa Melayu",
  mt: "Malti",
  nb: "Norsk bokmål",
  nl: "Nederlands",
  pl: "Polski",
  pt: "Português (Portugal)",
  "pt-BR": "Português (Brasil)",
  ro: "Română",
  ru: "Русский",
  sk: "Slovenčina",
  sl: "Slovenščina",
  sv: "Svenska",
  th: "ไทย",
  tr: "Türkçe",
  vi: "Tiếng Việt",
  zh: "简体中文",
  "zh-HK": "繁體中文（香港）",
  "zh-TW": "繁體中文（台灣）",
  ar: "العربية",
  he: "עברית",
};
