import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../../worker/lib/locales";

/**
 * What workerd's ICU knows about our locales. Intl never throws for a locale it lacks: it
 * silently formats in en-US, which would leave English on a translated page. Maltese is the
 * one gap, handled in worker/lib/format.ts.
 */
const WITHOUT_FORMAT_DATA = ["mt"];

describe("Intl data in workerd", () => {
  it.each(SUPPORTED_LOCALES.filter((l) => !WITHOUT_FORMAT_DATA.includes(l)))(
    "%s has its own number and date formats",
    (locale) => {
      expect(new Intl.NumberFormat(locale).resolvedOptions().locale).toBe(locale);
      expect(new Intl.DateTimeFormat(locale).resolvedOptions().locale).toBe(locale);
    },
  );

  it.each(SUPPORTED_LOCALES)("%s has plural rules for its language", (locale) => {
    const language = new Intl.Locale(locale).language;
    expect(new Intl.PluralRules(locale).resolvedOptions().locale).toBe(language);
  });

  it("knows the many plural forms of the languages that have them", () => {
    const categories = (l: string) => new Intl.PluralRules(l).resolvedOptions().pluralCategories;
    expect(categories("ar")).toEqual(["zero", "one", "two", "few", "many", "other"]);
    expect(categories("he")).toEqual(["one", "two", "other"]);
    expect(categories("mt")).toEqual(["one", "two", "few", "many", "other"]);
    expect(categories("ru")).toEqual(["one", "few", "many", "other"]);
    expect(categories("fil")).toEqual(["one", "other"]);
  });
});
