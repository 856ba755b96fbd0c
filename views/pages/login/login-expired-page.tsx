import { useRequest } from "../../context";

/** A code page without a live code (expired, used, too many wrong tries, or never asked for). */
export function LoginExpiredPage(props: { restartHref: string }) {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("login.expired_title")}</h1>
      <p>{t("login.expired_body")}</p>
      <p>
        <a class="button" href={props.restartHref}>
          {t("login.get_new_code")}
        </a>
      </p>
    </section>
  );
}
