/**
 * Every translated catalog against en.json. Translators: run
 *   npm run test:catalogs            (all locales)
 *   npm run test:catalogs -- -t de.json   (one locale)
 * and fix what each failure lists. `npm run check:catalogs -- de` prints the same.
 */
import { describe, expect, it } from "vitest";
import "../../../locales/index";
import en from "../../../locales/en.json";
import { registeredCatalog } from "../../../worker/lib/i18n";
import { intlLocale, SUPPORTED_LOCALES } from "../../../worker/lib/locales";
import { type CatalogReport, checkCatalog, checkEnglish } from "./catalog-rules";
import { sameAsEnglishAllowed } from "./same-as-english";

const TRANSLATED = SUPPORTED_LOCALES.filter((tag) => tag !== "en");

const HEADINGS: Record<keyof CatalogReport, string> = {
  missing: "keys missing (present in en.json)",
  extra: "keys not in en.json (remove or rename)",
  shape: "values of the wrong shape",
  placeholders: "placeholders differing from English",
  plurals: "plural categories wrong for this language (Intl.PluralRules)",
  untranslated: "values not translated (still English, empty or TODO)",
};

/** The report as the translator's to-do list: one section per kind of problem, one line each. */
function describeReport(tag: string, report: CatalogReport): string {
  const sections = (Object.keys(HEADINGS) as (keyof CatalogReport)[])
    .filter((kind) => report[kind].length > 0)
    .map(
      (kind) =>
        `${report[kind].length} ${HEADINGS[kind]}:${report[kind].map((line) => `\n  - ${line}`).join("")}`,
    );
  return `locales/${tag}.json is not done.\n${sections.join("\n")}\n`;
}

describe("en.json", () => {
  it("holds only strings and plural forms English uses (one, other)", () => {
    expect(checkEnglish(en)).toEqual([]);
  });
});

describe.each(TRANSLATED)("locales/%s.json", (tag) => {
  it("has every key of en.json, translated, with the same placeholders and its own plural forms", () => {
    const catalog = registeredCatalog(tag);
    expect(
      catalog,
      `locales/${tag}.json is missing or not valid JSON: copy en.json to it and translate every value (docs/translating.md)`,
    ).toBeDefined();
    const report = checkCatalog(en, catalog, {
      pluralCategories: new Intl.PluralRules(intlLocale(tag)).resolvedOptions().pluralCategories,
      mustDifferFromEnglish: !tag.startsWith("en-"),
      sameAsEnglishAllowed: (key, value) => sameAsEnglishAllowed(tag, key, value),
    });
    const problems = Object.values(report).reduce((sum, lines) => sum + lines.length, 0);
    expect(problems, describeReport(tag, report)).toBe(0);
  });
});
