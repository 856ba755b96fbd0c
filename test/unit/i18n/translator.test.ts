import { afterEach, describe, expect, it } from "vitest";
import {
  createTranslator,
  isPluralForms,
  type MessageKey,
  registerCatalog,
  registeredCatalog,
} from "../../../worker/lib/i18n";
import type { Locale } from "../../../worker/lib/locales";

/** Keys made up for these tests; the translator takes any string at run time. */
const key = (k: string) => k as MessageKey;

const invoices = {
  test: {
    invoices: {
      zero: "ZERO {count}",
      one: "ONE {count}",
      two: "TWO {count}",
      few: "FEW {count}",
      many: "MANY {count}",
      other: "OTHER {count}",
    },
    greeting: "Hello {name}, {name}!",
    types: { card: "Card", other: "Other method" },
  },
};

/** Swaps in a fake catalog for one locale and puts the real one (or none) back afterwards. */
const restore: [Locale, unknown][] = [];
function useCatalog(locale: Locale, catalog: unknown) {
  restore.push([locale, registeredCatalog(locale)]);
  registerCatalog(locale, catalog);
}
afterEach(() => {
  for (const [locale, catalog] of restore.splice(0).reverse()) registerCatalog(locale, catalog);
});

describe("createTranslator", () => {
  it("selects Russian plural forms by Intl.PluralRules", () => {
    useCatalog("ru", invoices);
    const t = createTranslator("ru");
    expect([1, 3, 5, 21, 22, 25, 1.5].map((count) => t(key("test.invoices"), { count }))).toEqual([
      "ONE 1",
      "FEW 3",
      "MANY 5",
      "ONE 21",
      "FEW 22",
      "MANY 25",
      "OTHER 1.5",
    ]);
  });

  it("selects Arabic plural forms, all six of them", () => {
    useCatalog("ar", invoices);
    const t = createTranslator("ar");
    expect([0, 1, 2, 3, 11, 100].map((count) => t(key("test.invoices"), { count }))).toEqual([
      "ZERO 0",
      "ONE 1",
      "TWO 2",
      "FEW 3",
      "MANY 11",
      "OTHER 100",
    ]);
  });

  it("uses Portugal's plural rules for pt and Brazil's for pt-BR", () => {
    useCatalog("pt", invoices);
    useCatalog("pt-BR", invoices);
    expect(createTranslator("pt")(key("test.invoices"), { count: 0 })).toBe("OTHER 0");
    expect(createTranslator("pt-BR")(key("test.invoices"), { count: 0 })).toBe("ONE 0");
  });

  it("falls back to other when a category is missing", () => {
    useCatalog("pl", { test: { invoices: { one: "ONE", other: "OTHER {count}" } } });
    expect(createTranslator("pl")(key("test.invoices"), { count: 5 })).toBe("OTHER 5");
  });

  it("fills every placeholder and leaves unknown ones visible", () => {
    useCatalog("de", invoices);
    const t = createTranslator("de");
    expect(t(key("test.greeting"), { name: "Ada" })).toBe("Hello Ada, Ada!");
    expect(t(key("test.greeting"), { other: 1 })).toBe("Hello {name}, {name}!");
  });

  it("treats a namespace with an `other` key as a namespace, not a plural", () => {
    useCatalog("de", invoices);
    const t = createTranslator("de");
    expect(t(key("test.types.other"))).toBe("Other method");
    expect(isPluralForms(invoices.test.types)).toBe(false);
    expect(isPluralForms(invoices.test.invoices)).toBe(true);
  });

  it("falls back to English for a key the locale lacks, and to the key for an unknown one", () => {
    useCatalog("fr", { common: {} });
    const t = createTranslator("fr");
    expect(t("common.portal_title")).toBe("Billing portal");
    expect(t(key("no.such.key"))).toBe("no.such.key");
  });

  it("falls back to English when the locale's value is broken", () => {
    useCatalog("it", { common: { portal_title: { nope: 1 } } });
    expect(createTranslator("it")("common.portal_title")).toBe("Billing portal");
  });

  it("uses a registered catalog", () => {
    useCatalog("sv", { common: { portal_title: "Faktureringsportal" } });
    expect(createTranslator("sv")("common.portal_title")).toBe("Faktureringsportal");
  });
});
