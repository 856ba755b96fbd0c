import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../../worker/lib/locales";
import { acceptLanguageTags, matchLocale, resolveRequestLocale } from "../../../worker/lib/resolve-locale";

/** `Accept-Language` header → the locale a person sending it expects. */
const ACCEPT_LANGUAGE_TABLE: [header: string | undefined, expected: string][] = [
  // The region and script fallbacks the issue lists.
  ["es-MX", "es-419"],
  ["es-AR", "es-419"],
  ["es-CO", "es-419"],
  ["es-US", "es-419"],
  ["es-ES", "es"],
  ["es", "es"],
  ["pt-PT", "pt"],
  ["pt-BR", "pt-BR"],
  ["pt-AO", "pt"],
  ["zh-CN", "zh"],
  ["zh-Hans", "zh"],
  ["zh-SG", "zh"],
  ["zh-TW", "zh-TW"],
  ["zh-Hant", "zh-TW"],
  ["zh-Hant-TW", "zh-TW"],
  ["zh-HK", "zh-HK"],
  ["zh-MO", "zh-HK"],
  ["zh-Hant-HK", "zh-HK"],
  ["no", "nb"],
  ["nn", "nb"],
  ["nb-NO", "nb"],
  ["nn-NO", "nb"],
  ["fr-CA", "fr-CA"],
  ["fr-BE", "fr"],
  ["fr-CH", "fr"],
  ["fr-FR", "fr"],
  ["en-US", "en"],
  ["en", "en"],
  ["en-AU", "en-AU"],
  ["en-IE", "en-IE"],
  ["en-GB", "en-GB"],
  ["en-CA", "en-CA"],
  ["en-IN", "en-IN"],
  ["en-NZ", "en-NZ"],
  ["en-SG", "en-SG"],
  ["tl", "fil"],
  ["fil-PH", "fil"],
  ["de-AT", "de"],
  ["de-CH", "de"],
  ["ar-EG", "ar"],
  ["ar-SA", "ar"],
  ["he-IL", "he"],
  ["iw", "he"],
  ["in", "id"],
  ["ms-MY", "ms"],
  ["ja-JP", "ja"],
  ["ko-KR", "ko"],
  ["mt-MT", "mt"],
  // Case does not matter.
  ["EN-gb", "en-GB"],
  ["ZH-hant-tw", "zh-TW"],
  ["PT-br", "pt-BR"],
  // Underscores as some clients send them.
  ["pt_BR", "pt-BR"],
  // q-values order the list, whatever the order in the header; ties keep header order.
  ["fr;q=0.5, de", "de"],
  ["de;q=0.1, ja;q=0.9, fr;q=0.5", "ja"],
  ["fr, de", "fr"],
  ["de, fr", "de"],
  ["en;q=0.8, pt-BR", "pt-BR"],
  ["fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"],
  ["da, en-GB;q=0.8, en;q=0.7", "da"],
  // An unsupported first choice falls through to the next supported one.
  ["uk, ru;q=0.9", "ru"],
  ["xx-YY, it;q=0.3", "it"],
  ["sr, hr;q=0.5", "hr"],
  // q=0 means "not this one".
  ["fr;q=0, de;q=0.2", "de"],
  ["ja;q=0", "en"],
  // Wildcards name no language: English.
  ["*", "en"],
  ["*;q=0.5", "en"],
  ["*, nl;q=0.1", "nl"],
  // Garbage never throws and ends in English.
  [undefined, "en"],
  ["", "en"],
  [";;;", "en"],
  [",,,", "en"],
  ["xx-YY", "en"],
  ["q=1", "en"],
  ["de;q=abc", "de"],
  ["en-US-x-private-use-tag-that-is-long", "en"],
  ["i-klingon", "en"],
  ["🙂, 日本語", "en"],
  ["\u0000\u0001", "en"],
  [`${"a".repeat(10_000)}, de`, "en"],
  [`${"xx, ".repeat(5_000)}de`, "en"],
  [`de;${"q=0.5;".repeat(2_000)}`, "de"],
];

describe("Accept-Language to locale", () => {
  it.each(ACCEPT_LANGUAGE_TABLE)("%j → %s", (header, expected) => {
    expect(resolveRequestLocale({ acceptLanguage: header })).toBe(expected);
  });

  it("lists tags by q-value, dropping q=0", () => {
    expect(acceptLanguageTags("fr;q=0.5, de, en;q=0, it;q=0.5")).toEqual(["de", "fr", "it"]);
  });
});

describe("resolution order", () => {
  const all = {
    query: "ja",
    chosen: "ko",
    sessionLocale: "de",
    preferredLocales: ["fr"],
    acceptLanguage: "it",
  };

  it("takes ?locale= first", () => {
    expect(resolveRequestLocale(all)).toBe("ja");
  });

  it("then the choice stored on the session", () => {
    expect(resolveRequestLocale({ ...all, query: undefined })).toBe("ko");
  });

  it("then the merchant's session locale", () => {
    expect(resolveRequestLocale({ ...all, query: undefined, chosen: null })).toBe("de");
  });

  it("skips a session locale of auto", () => {
    expect(resolveRequestLocale({ ...all, query: undefined, chosen: null, sessionLocale: "auto" })).toBe(
      "fr",
    );
  });

  it("then the customer's preferred_locales, matched like a browser list", () => {
    expect(resolveRequestLocale({ preferredLocales: ["xx", "es-MX"], acceptLanguage: "it" })).toBe("es-419");
  });

  it("then Accept-Language", () => {
    expect(resolveRequestLocale({ preferredLocales: [], acceptLanguage: "it" })).toBe("it");
  });

  it("then English", () => {
    expect(resolveRequestLocale({})).toBe("en");
  });

  it("ignores an unusable source and moves to the next", () => {
    expect(
      resolveRequestLocale({
        query: "not a locale!",
        chosen: "",
        sessionLocale: "xx",
        preferredLocales: ["zz-ZZ"],
        acceptLanguage: "sv",
      }),
    ).toBe("sv");
  });

  it("accepts ar and he as session locales and maps a regional query", () => {
    expect(resolveRequestLocale({ sessionLocale: "he" })).toBe("he");
    expect(resolveRequestLocale({ query: "es-MX", sessionLocale: "de" })).toBe("es-419");
  });
});

describe("matchLocale", () => {
  it("maps every supported tag to itself", () => {
    for (const tag of SUPPORTED_LOCALES) expect(matchLocale([tag])).toBe(tag);
  });

  it("returns null for nothing usable", () => {
    expect(matchLocale([])).toBeNull();
    expect(matchLocale(["*", "und", 42, null])).toBeNull();
  });
});
