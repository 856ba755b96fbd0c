import { useRequest } from "../context";

/** Shown when a form fails the CSRF check: nothing was changed; a way back to the portal. */
export function ForbiddenPage(props: { homeHref: string }) {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("portal.csrf_title")}</h1>
      <p>{t("portal.csrf_body")}</p>
      <p>
        <a class="button" href={props.homeHref}>
          {t("portal.back_to_portal")}
        </a>
      </p>
    </section>
  );
}
