import { useRequest } from "../context";

/** Shown for an expired or unknown portal link: never a stack trace, a way back if known. */
export function SessionEndedPage(props: { returnUrl: string | null }) {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("session.ended_title")}</h1>
      <p>{t("session.ended_body")}</p>
      {props.returnUrl ? (
        <p>
          <a class="button" href={props.returnUrl}>
            {t("session.ended_return")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
