import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { LanguageMenu } from "../../../views/components/language-menu";
import { RequestContext } from "../../../views/context";
import { createTranslator } from "../../../worker/lib/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../../../worker/lib/locales";

function renderMenu(locale: Locale, keep?: Record<string, string>) {
  return render(
    <RequestContext.Provider value={{ locale, t: createTranslator(locale), nonce: "n" }}>
      <LanguageMenu keep={keep} />
    </RequestContext.Provider>,
  );
}

describe("LanguageMenu", () => {
  it("is a GET form choosing ?locale= with a submit button, so it works without JavaScript", () => {
    const html = renderMenu("en");
    expect(html).toMatch(/^<form method="get"/);
    expect(html).toContain('<select id="language-menu-locale" name="locale">');
    expect(html).toContain('<label for="language-menu-locale">Language</label>');
    expect(html).toContain('<button type="submit"');
    expect(html).not.toContain("<script");
  });

  it("offers every supported locale, each named in its own language", () => {
    const html = renderMenu("en");
    expect(html.match(/<option /g)).toHaveLength(SUPPORTED_LOCALES.length);
    expect(html).toContain('<option value="de" lang="de" dir="ltr">Deutsch</option>');
    expect(html).toContain('<option value="ja" lang="ja" dir="ltr">日本語</option>');
    expect(html).toContain('<option value="ar" lang="ar" dir="rtl">العربية</option>');
    expect(html).toContain('<option value="he" lang="he" dir="rtl">עברית</option>');
    expect(html).toContain('<option value="es-419" lang="es-419" dir="ltr">Español (Latinoamérica)</option>');
  });

  it("marks the current locale as selected", () => {
    const html = renderMenu("pt-BR");
    expect(html).toContain(
      '<option value="pt-BR" lang="pt-BR" dir="ltr" selected>Português (Brasil)</option>',
    );
    expect(html.match(/ selected/g)).toHaveLength(1);
  });

  it("keeps the page's other query parameters, never a stale locale", () => {
    const html = renderMenu("en", { subscription: "sub_123", locale: "fr" });
    expect(html).toContain('<input type="hidden" name="subscription" value="sub_123"/>');
    expect(html).not.toContain('type="hidden" name="locale"');
  });
});
