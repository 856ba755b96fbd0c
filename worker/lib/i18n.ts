import en from "../../locales/en.json";
import { intlLocale, type Locale } from "./locales";

/** The English catalog is the source of truth: its shape is every catalog's type. */
export type Catalog = typeof en;

/**
 * A plural message is an object whose keys are all `Intl.PluralRules` categories, `other`
 * included; any other object is a namespace (so `{"card": …, "other": …}` stays a namespace).
 */
type IsPlural<V> = V extends { other: string }
  ? Exclude<keyof V, Intl.LDMLPluralRule> extends never
    ? true
    : false
  : false;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : IsPlural<T[K]> extends true
      ? `${P}${K}`
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. `"errors.not_found_title"`. */
export type MessageKey = Leaves<Catalog>;

/** Values substituted into `{name}` placeholders; `count` also selects the plural form. */
export type MessageValues = Record<string, string | number>;

/** Looks up a message in the resolved locale. */
export type Translator = (key: MessageKey, values?: MessageValues) => string;

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type CatalogTree = { [key: string]: string | PluralForms | CatalogTree };

const catalogs = new Map<string, CatalogTree>([["en", en as CatalogTree]]);

/** Registers a catalog; locales/index.ts calls this for every shipped locale. */
export function registerCatalog(locale: string, catalog: unknown): void {
  catalogs.set(locale, catalog as CatalogTree);
}

/** The catalog registered for a locale, if any (the catalog tests read what the app ships). */
export function registeredCatalog(locale: string): unknown {
  return catalogs.get(locale);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Plural rules are costly to build and immutable, so each locale's are built once. */
function pluralRulesFor(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(locale));
    pluralRules.set(locale, rules);
  }
  return rules;
}

function lookup(tree: CatalogTree | undefined, key: string): string | PluralForms | undefined {
  let node: CatalogTree | string | PluralForms | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = (node as CatalogTree)[part];
  }
  return node as string | PluralForms | undefined;
}

const PLURAL_CATEGORIES = new Set<string>(["zero", "one", "two", "few", "many", "other"]);

/** Mirrors `IsPlural`: every key a plural category, every value a string, `other` present. */
export function isPluralForms(value: unknown): value is PluralForms {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as PluralForms).other === "string" &&
    entries.every(([category, text]) => PLURAL_CATEGORIES.has(category) && typeof text === "string")
  );
}

/** A usable message: a string or plural forms (a namespace or a broken value is not). */
function asMessage(node: unknown): string | PluralForms | undefined {
  return typeof node === "string" || isPluralForms(node) ? node : undefined;
}

/**
 * Builds a translator for one locale. Missing keys fall back to English so a page never shows
 * a raw key; the catalog tests make sure no key is actually missing.
 */
export function createTranslator(locale: Locale): Translator {
  const catalog = catalogs.get(locale);
  const plurals = pluralRulesFor(locale);
  return (key, values) => {
    const found = asMessage(lookup(catalog, key)) ?? asMessage(lookup(catalogs.get("en"), key)) ?? key;
    let message: string;
    if (typeof found === "string") {
      message = found;
    } else {
      const count = Number(values?.count ?? 0);
      message = found[plurals.select(Number.isFinite(count) ? count : 0)] ?? found.other;
    }
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
