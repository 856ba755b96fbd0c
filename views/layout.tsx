import type { ComponentChildren } from "preact";
import { directionOf } from "../worker/lib/locales";
import { useRequest } from "./context";

/** Options a route passes with `c.render(page, props)`. */
export interface PageProps {
  title: string;
  status?: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 502 | 503;
}

/** The HTML document around every page. */
export function Layout(props: PageProps & { children: ComponentChildren }) {
  const { locale, t } = useRequest();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${t("common.portal_title")}`}</title>
        <link rel="stylesheet" href="/css/portal.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("common.skip_to_content")}
        </a>
        <main id="main" class="page">
          {props.children}
        </main>
      </body>
    </html>
  );
}
