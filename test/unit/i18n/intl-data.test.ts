import { describe, expect, it } from "vitest";
import { intlLocale, SUPPORTED_LOCALES } from "../../../worker/lib/locales";

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
      const tag = intlLocale(locale);
      expect(new Intl.NumberFormat(tag).resolvedOptions().locale).toBe(tag);
      expect(new Intl.DateTimeFormat(tag).resolvedOptions().locale).toBe(tag);
    },
  );

  it.each(SUPPORTED_LOCALES)("%s has plural rules for its language", (locale) => {
    const tag = intlLocale(locale);
    expect([tag, new Intl.Locale(tag).language]).toContain(
      new Intl.PluralRules(tag).resolvedOptions().locale,
    );
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
