import { isLocale, type Locale } from "./locales";

/** Inputs to locale resolution, in priority order. */
export interface LocaleInputs {
  /** An explicit `?locale=` choice from the language menu. */
  query?: string | undefined;
  /** The customer's language choice stored on the session. */
  chosen?: string | null | undefined;
  /** The session's `locale` when the merchant set one (not `auto`). */
  sessionLocale?: string | null | undefined;
  /** The Stripe customer's `preferred_locales`. */
  preferredLocales?: readonly string[] | undefined;
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | undefined;
}

/**
 * Picks the locale to render. Exact supported tags only for now; region fallback for
 * Accept-Language lives with the locale catalogs.
 */
export function resolveRequestLocale(inputs: LocaleInputs): Locale {
  const candidates = [
    inputs.query,
    inputs.chosen,
    inputs.sessionLocale && inputs.sessionLocale !== "auto" ? inputs.sessionLocale : undefined,
    ...(inputs.preferredLocales ?? []),
    ...parseAcceptLanguage(inputs.acceptLanguage),
  ];
  for (const candidate of candidates) {
    if (candidate && isLocale(candidate)) return candidate;
  }
  return "en";
}

function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}
