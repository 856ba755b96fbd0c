import { useRequest } from "../context";

/**
 * Shown for an expired (410) or unknown (404) portal link: never a stack trace, and a way back
 * to the merchant's site when the session's return URL is known.
 */
export function SessionEndedPage(props: { reason: "expired" | "unknown"; returnUrl: string | null }) {
  const { t } = useRequest();
  const expired = props.reason === "expired";
  return (
    <section class="card message">
      <h1>{expired ? t("session.ended_title") : t("session.unknown_title")}</h1>
      <p>{expired ? t("session.ended_body") : t("session.unknown_body")}</p>
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
