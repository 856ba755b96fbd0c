import { directionOf, LOCALE_NAMES, SUPPORTED_LOCALES } from "../../worker/lib/locales";
import { useRequest } from "../context";

/**
 * The language switcher: a plain GET form that reloads the current page with `?locale=`, so
 * it works without JavaScript. Each language is named in its own language (and marked with
 * its `lang`), so a reader lost in the current one still finds theirs. On customer pages the
 * choice then sticks for the session (middleware/portal-session).
 */
export function LanguageMenu(props: {
  /** Query parameters of the current page to keep across the reload (the form replaces the query). */
  keep?: Readonly<Record<string, string>>;
}) {
  const { locale, t } = useRequest();
  return (
    <form method="get" class="language-menu">
      {Object.entries(props.keep ?? {})
        .filter(([name]) => name !== "locale")
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      <label for="language-menu-locale">{t("language.label")}</label>{" "}
      <select id="language-menu-locale" name="locale">
        {SUPPORTED_LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag} dir={directionOf(tag)} selected={tag === locale}>
            {LOCALE_NAMES[tag]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" class="button button-secondary button-small">
        {t("language.submit")}
      </button>
    </form>
  );
}
