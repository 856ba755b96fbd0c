import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, minorUnitDigits } from "../../../worker/lib/format";

/** ICU separates numbers and currency symbols with no-break spaces; compare them as spaces. */
const spaced = (text: string) => text.replace(/\s/g, " ");

/** 2 November 2026, 00:00 UTC. */
const NOV_2_2026 = 1_793_577_600;

describe("formatMoney with Stripe minor units", () => {
  it("reads zero-decimal currencies as whole units", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatMoney(1000, "jpy", "ja")).toBe("￥1,000");
    expect(formatMoney(1000, "jpy", "en")).toBe("¥1,000");
    expect(formatMoney(15000, "krw", "ko")).toBe("₩15,000");
    expect(formatMoney(15000, "krw", "en")).toBe("₩15,000");
  });

  it("reads three-decimal currencies with three decimals", () => {
    expect(minorUnitDigits("bhd")).toBe(3);
    expect(spaced(formatMoney(1234, "bhd", "en"))).toBe("BHD 1.234");
    const kwd = formatMoney(1234, "kwd", "ar");
    expect(kwd).toContain("1.234");
    expect(kwd).toContain("د.ك");
  });

  it("formats euros the way Germans and French write them", () => {
    expect(spaced(formatMoney(123456, "eur", "de"))).toBe("1.234,56 €");
    expect(spaced(formatMoney(123456, "eur", "fr"))).toBe("1 234,56 €");
  });

  it("formats dollars in English and Japanese, and marks them US$ where $ is ambiguous", () => {
    expect(formatMoney(1999, "usd", "en")).toBe("$19.99");
    expect(formatMoney(1999, "usd", "ja")).toBe("$19.99");
    expect(formatMoney(1999, "usd", "en-GB")).toBe("US$19.99");
    expect(spaced(formatMoney(1999, "usd", "fr-CA"))).toBe("19,99 $ US");
  });

  it("formats Portugal's Portuguese apart from Brazil's (Stripe's pt is Portugal)", () => {
    expect(spaced(formatMoney(123450, "eur", "pt"))).toBe("1234,50 €");
    expect(spaced(formatMoney(123450, "eur", "pt-BR"))).toBe("€ 1.234,50");
  });

  it("formats Maltese money with Malta's conventions even though the runtime lacks Maltese data", () => {
    expect(formatMoney(123450, "eur", "mt")).toBe("€1,234.50");
    expect(formatMoney(1999, "usd", "mt")).toBe("US$19.99");
  });
});

describe("formatDate in the resolved locale", () => {
  it.each([
    ["en", "November 2, 2026"],
    ["en-GB", "2 November 2026"],
    ["de", "2. November 2026"],
    ["fr", "2 novembre 2026"],
    ["ja", "2026年11月2日"],
    ["he", "2 בנובמבר 2026"],
    ["fil", "Nobyembre 2, 2026"],
    ["mt", "2 ta’ Novembru 2026"],
  ])("%s: %s", (locale, expected) => {
    expect(formatDate(NOV_2_2026, locale)).toBe(expected);
  });

  it("names the month in Arabic", () => {
    expect(formatDate(NOV_2_2026, "ar")).toContain("نوفمبر");
  });

  it("spells every Maltese month", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(Date.UTC(2026, m, 15) / 1000, "mt"));
    expect(months[0]).toBe("15 ta’ Jannar 2026");
    expect(months[5]).toBe("15 ta’ Ġunju 2026");
    expect(months[11]).toBe("15 ta’ Diċembru 2026");
  });
});
