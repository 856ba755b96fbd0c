import en from "../../locales/en.json";
import type { Locale } from "./locales";

/** The English catalog is the source of truth: its shape is every catalog's type. */
export type Catalog = typeof en;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends { other: string }
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
function pluralRulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
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

function isPluralForms(value: unknown): value is PluralForms {
  return typeof value === "object" && value !== null && typeof (value as PluralForms).other === "string";
}

/**
 * Builds a translator for one locale. Missing keys fall back to English so a page never shows
 * a raw key; the catalog tests make sure no key is actually missing.
 */
export function createTranslator(locale: Locale): Translator {
  const catalog = catalogs.get(locale);
  const plurals = pluralRulesFor(locale);
  return (key, values) => {
    let message = lookup(catalog, key) ?? lookup(catalogs.get("en"), key) ?? key;
    if (isPluralForms(message)) {
      const count = Number(values?.count ?? 0);
      message = message[plurals.select(count)] ?? message.other;
    }
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
