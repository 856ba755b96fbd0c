import { describe, expect, it } from "vitest";
import { checkCatalog, checkEnglish, isComplete, placeholders } from "./catalog-rules";
import { sameAsEnglishAllowed } from "./same-as-english";

const english = {
  page: {
    title: "Invoices",
    greeting: "Hello {name}, you owe {amount}",
    card: "Visa",
    total: "{amount}",
    count: { one: "{count} invoice", other: "{count} invoices" },
  },
};

const options = (tag: string) => ({
  pluralCategories: new Intl.PluralRules(tag).resolvedOptions().pluralCategories,
  mustDifferFromEnglish: !tag.startsWith("en"),
  sameAsEnglishAllowed: (key: string, value: string) => sameAsEnglishAllowed(tag, key, value),
});

const german = {
  page: {
    title: "Rechnungen",
    greeting: "Hallo {name}, Sie schulden {amount}",
    card: "Visa",
    total: "{amount}",
    count: { one: "{count} Rechnung", other: "{count} Rechnungen" },
  },
};

describe("checkCatalog", () => {
  it("accepts a complete translation (brand names and bare placeholders may equal English)", () => {
    const report = checkCatalog(english, german, options("de"));
    expect(report).toEqual({
      missing: [],
      extra: [],
      shape: [],
      placeholders: [],
      plurals: [],
      untranslated: [],
    });
    expect(isComplete(report)).toBe(true);
  });

  it("lists missing and extra keys", () => {
    const { title: _, ...rest } = german.page;
    const report = checkCatalog(english, { page: { ...rest, titel: "Rechnungen" } }, options("de"));
    expect(report.missing).toEqual(["page.title"]);
    expect(report.extra).toEqual(["page.titel"]);
  });

  it("lists placeholders that were renamed, dropped or added", () => {
    const page = { ...german.page, greeting: "Hallo {Name}", total: "{amount} {currency}" };
    expect(checkCatalog(english, { page }, options("de")).placeholders).toEqual([
      "page.greeting: has {Name}, English has {amount} {name}",
      "page.total: has {amount} {currency}, English has {amount}",
    ]);
  });

  it("requires every plural category of the language, and only those", () => {
    const ru = checkCatalog(
      english,
      { page: { ...german.page, count: { one: "{count} счёт", other: "{count} счета" } } },
      options("ru"),
    );
    expect(ru.plurals).toEqual(["page.count: needs few, many"]);
    const ja = checkCatalog(
      english,
      { page: { ...german.page, count: { one: "{count}件", other: "{count}件" } } },
      options("ja"),
    );
    expect(ja.plurals).toEqual(["page.count: never uses one"]);
  });

  it("lets a singular form drop {count} but not invent a placeholder", () => {
    const count = {
      zero: "لا فواتير",
      one: "فاتورة واحدة",
      two: "فاتورتان",
      few: "{count} فواتير",
      many: "{count} فاتورة",
      other: "{n} فاتورة",
    };
    const report = checkCatalog(english, { page: { ...german.page, count } }, options("ar"));
    expect(report.plurals).toEqual([]);
    expect(report.placeholders).toEqual([
      "page.count.other: has {n}, English has {count}",
      "page.count.other: has {n}, not in English",
    ]);
  });

  it("flags English left behind, empty values and TODO, except in English variants", () => {
    const page = { ...german.page, title: "Invoices", greeting: "TODO {name} {amount}", card: " " };
    expect(checkCatalog(english, { page }, options("de")).untranslated).toEqual([
      'page.title: still English, "Invoices"',
      'page.greeting: "TODO {name} {amount}"',
      'page.card: " "',
    ]);
    expect(checkCatalog(english, english, options("en-GB")).untranslated).toEqual([]);
  });

  it("flags a plural form left in English", () => {
    const count = { one: "{count} invoice", other: "{count} Rechnungen" };
    expect(checkCatalog(english, { page: { ...german.page, count } }, options("de")).untranslated).toEqual([
      'page.count: still English, "{count} invoice"',
    ]);
  });

  it("flags a string where English has plural forms, and values that are not messages", () => {
    const page = { ...german.page, count: "{count} Rechnungen", title: 42 };
    const report = checkCatalog(english, { page }, options("de"));
    expect(report.shape).toEqual([
      "page.title: not a string or plural forms",
      "page.count: English is plural forms",
    ]);
    expect(report.missing).toEqual([]);
  });

  it("reports a missing catalog as every key missing", () => {
    expect(checkCatalog(english, undefined, options("de")).missing).toHaveLength(5);
  });
});

describe("checkEnglish", () => {
  it("accepts strings and one/other plurals", () => {
    expect(checkEnglish(english)).toEqual([]);
  });

  it("rejects plural forms English never selects and empty values", () => {
    expect(checkEnglish({ a: { zero: "none", one: "one", other: "{count}" }, b: "" })).toEqual([
      "a: English plural forms are exactly one, other, found zero, one, other",
      "b: empty",
    ]);
  });
});

describe("placeholders", () => {
  it("lists distinct names, sorted", () => {
    expect(placeholders("{b} and {a} and {b}, not { c }")).toEqual(["a", "b"]);
  });
});
