import { match } from "@formatjs/intl-localematcher";
import { parseAccept } from "hono/utils/accept";
import { isLocale, type Locale, SUPPORTED_LOCALES } from "./locales";

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

/** What the matcher returns when nothing is close enough; never a supported tag. */
const NO_MATCH = "und";
/** Bounds on untrusted input: real browsers send a handful of short tags. */
const MAX_HEADER_CHARS = 2048;
const MAX_TAGS = 24;
const MAX_TAG_CHARS = 64;

/**
 * Canonicalises untrusted language tags, dropping anything that is not a well-formed BCP 47
 * tag (the matcher throws on those) and the `*` wildcard (it names no language).
 */
function canonicalTags(tags: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of tags.slice(0, MAX_TAGS)) {
    if (typeof raw !== "string") continue;
    // Underscores are common in the wild (`en_US` from Java or POSIX) and unambiguous.
    const tag = raw.trim().replaceAll("_", "-");
    if (!tag || tag === "*" || tag.length > MAX_TAG_CHARS) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && !out.includes(canonical)) out.push(canonical);
    } catch {
      // Not a language tag: ignore it, as a browser would.
    }
  }
  return out;
}

/**
 * Finds the supported locale a person asking for `tags` (most preferred first) would expect,
 * using CLDR's language-matching distances (FormatJS best fit): `es-MX` → `es-419`,
 * `zh-Hant` → `zh-TW`, `nn` → `nb`, `tl` → `fil`, `en-ZA` → `en-GB`. Null when none is
 * close enough. Never throws.
 */
export function matchLocale(tags: readonly unknown[]): Locale | null {
  const requested = canonicalTags(tags);
  if (requested.length === 0) return null;
  try {
    const found = match(requested, SUPPORTED_LOCALES, NO_MATCH, { algorithm: "best fit" });
    return isLocale(found) ? found : null;
  } catch {
    return null;
  }
}

/** The tags of an `Accept-Language` header, most preferred first (q-values, stable order). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (typeof header !== "string" || !header) return [];
  try {
    return parseAccept(header.slice(0, MAX_HEADER_CHARS))
      .filter((entry) => entry.q > 0)
      .map((entry) => entry.type);
  } catch {
    return [];
  }
}

/**
 * Picks the locale to render. Each source is matched on its own, in order, and the first
 * that yields a supported locale wins: the customer's explicit choice (`?locale=`, then the
 * choice stored on the session), the merchant's session `locale` unless `auto`, the
 * customer's Stripe `preferred_locales`, the browser's `Accept-Language`, and English.
 */
export function resolveRequestLocale(inputs: LocaleInputs): Locale {
  const sources: (readonly unknown[])[] = [
    [inputs.query],
    [inputs.chosen],
    [inputs.sessionLocale === "auto" ? undefined : inputs.sessionLocale],
    Array.isArray(inputs.preferredLocales) ? inputs.preferredLocales : [],
    acceptLanguageTags(inputs.acceptLanguage),
  ];
  for (const tags of sources) {
    const found = matchLocale(tags);
    if (found) return found;
  }
  return "en";
}
