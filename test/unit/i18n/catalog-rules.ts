/**
 * The rules every translated catalog must meet, as plain functions over parsed JSON. Shared by
 * `catalogs.test.ts` (in workerd) and `scripts/check-catalogs.mjs` (in Node), so the test and
 * the translators' CLI can never disagree. No imports: Node runs this file by stripping types.
 */

/** A message: a string, or plural forms keyed by `Intl.PluralRules` category. */
export type Message = string | Record<string, string>;

const CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/** Same test as the translator's `isPluralForms`: only category keys, strings, `other` set. */
export function isPlural(node: unknown): node is Record<string, string> {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
  const entries = Object.entries(node);
  return (
    typeof (node as Record<string, unknown>).other === "string" &&
    entries.every(([category, text]) => CATEGORIES.has(category) && typeof text === "string")
  );
}

/** Flattens a catalog to `dotted.key → message`; anything that is neither is listed in `broken`. */
export function flatten(tree: unknown): { messages: Map<string, Message>; broken: string[] } {
  const messages = new Map<string, Message>();
  const broken: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string" || isPlural(node)) {
      messages.set(path, node);
    } else if (typeof node === "object" && node !== null && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    } else {
      broken.push(path || "(root)");
    }
  };
  walk(tree, "");
  return { messages, broken };
}

/** The distinct `{name}` placeholders of a text, sorted. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1] ?? ""))].sort();
}

/** Every text of a message: the string itself or each plural form. */
function texts(message: Message): string[] {
  return typeof message === "string" ? [message] : Object.values(message);
}

/** True when a text has letters once placeholders are removed (so "{amount}" never counts). */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\{\w+\}/g, ""));
}

const same = (a: readonly string[], b: readonly string[]) => a.join("\u0000") === b.join("\u0000");

/** `{count} {name}`, or "none", for a report line. */
const show = (names: readonly string[]) => (names.length ? names.map((n) => `{${n}}`).join(" ") : "none");

/** Problems found in one catalog, each a list of `key: detail` lines; all empty when it's done. */
export interface CatalogReport {
  /** Keys of en.json the catalog lacks. */
  missing: string[];
  /** Keys the catalog has that en.json does not (typos, renamed or removed keys). */
  extra: string[];
  /** Values that are not a message, or a string where English has plural forms (and back). */
  shape: string[];
  /** Placeholders that differ from English. */
  placeholders: string[];
  /** Plural messages lacking a category the language needs, or having one it never uses. */
  plurals: string[];
  /** Values left in English, empty, or marked TODO. */
  untranslated: string[];
}

export interface CheckOptions {
  /** `new Intl.PluralRules(tag).resolvedOptions().pluralCategories` for the catalog's locale. */
  pluralCategories: readonly string[];
  /** False for English variants (en-GB, …), whose values may rightly equal en.json's. */
  mustDifferFromEnglish: boolean;
  /** Whether a value equal to English is correct here (brand names, codes, allow-listed keys). */
  sameAsEnglishAllowed: (key: string, value: string) => boolean;
}

/** Compares one locale's catalog with en.json. */
export function checkCatalog(english: unknown, catalog: unknown, options: CheckOptions): CatalogReport {
  const source = flatten(english).messages;
  const { messages: target, broken } = flatten(catalog);
  const report: CatalogReport = {
    missing: [],
    extra: [],
    shape: broken.map((key) => `${key}: not a string or plural forms`),
    placeholders: [],
    plurals: [],
    untranslated: [],
  };
  for (const key of target.keys()) if (!source.has(key)) report.extra.push(key);

  for (const [key, en] of source) {
    const message = target.get(key);
    if (message === undefined) {
      if (!broken.includes(key)) report.missing.push(key);
      continue;
    }
    if (typeof en === "string" ? typeof message !== "string" : typeof message === "string") {
      report.shape.push(`${key}: English is ${typeof en === "string" ? "a string" : "plural forms"}`);
      continue;
    }
    const expected = placeholders(texts(en).join(" "));
    if (typeof message === "string") {
      const found = placeholders(message);
      if (!same(found, expected))
        report.placeholders.push(`${key}: has ${show(found)}, English has ${show(expected)}`);
    } else {
      // Forms other than `other` may leave out {count} ("one invoice"), never add a name.
      const other = placeholders(message.other ?? "");
      if (!same(other, expected))
        report.placeholders.push(`${key}.other: has ${show(other)}, English has ${show(expected)}`);
      for (const [category, text] of Object.entries(message)) {
        const unknown = placeholders(text).filter((name) => !expected.includes(name));
        if (unknown.length > 0)
          report.placeholders.push(`${key}.${category}: has ${show(unknown)}, not in English`);
      }
      const lacking = options.pluralCategories.filter((c) => !(c in message));
      const unused = Object.keys(message).filter((c) => !options.pluralCategories.includes(c));
      if (lacking.length > 0) report.plurals.push(`${key}: needs ${lacking.join(", ")}`);
      if (unused.length > 0) report.plurals.push(`${key}: never uses ${unused.join(", ")}`);
    }
    const englishTexts = texts(en);
    for (const text of texts(message)) {
      const trimmed = text.trim();
      if (!trimmed || /\bTODO\b/.test(trimmed)) {
        report.untranslated.push(`${key}: ${JSON.stringify(text)}`);
      } else if (
        options.mustDifferFromEnglish &&
        hasWords(trimmed) &&
        englishTexts.includes(text) &&
        !options.sameAsEnglishAllowed(key, text)
      ) {
        report.untranslated.push(`${key}: still English, ${JSON.stringify(text)}`);
      }
    }
  }
  return report;
}

/** True when a report has nothing left to fix. */
export function isComplete(report: CatalogReport): boolean {
  return Object.values(report).every((lines: string[]) => lines.length === 0);
}

/** Problems in en.json itself: broken values and plural forms English never or always uses. */
export function checkEnglish(english: unknown): string[] {
  const { messages, broken } = flatten(english);
  const problems = broken.map((key) => `${key}: not a string or plural forms`);
  const categories = new Intl.PluralRules("en").resolvedOptions().pluralCategories as string[];
  for (const [key, message] of messages) {
    if (typeof message === "string") {
      if (!message.trim()) problems.push(`${key}: empty`);
      continue;
    }
    const forms = Object.keys(message);
    if (!same([...forms].sort(), [...categories].sort())) {
      problems.push(
        `${key}: English plural forms are exactly ${categories.join(", ")}, found ${forms.join(", ")}`,
      );
    }
  }
  return problems;
}
