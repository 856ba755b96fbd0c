import type { MessageKey } from "../../../worker/lib/i18n";
import { useRequest } from "../../context";

/** Why an action did not happen, that nothing changed (when we know), and where to go next. */
export function ActionProblemPage(props: {
  title: MessageKey;
  body: MessageKey;
  retryHref: string | null;
  /** The portal home, or the merchant's return URL inside a flow (null: no link). */
  backHref: string | null;
  /** False when Stripe's answer to a write was lost: then we cannot say nothing changed. */
  outcomeKnown?: boolean;
}) {
  const { t } = useRequest();
  return (
    <section class="card message" aria-labelledby="problem-title">
      <h1 id="problem-title">{t(props.title)}</h1>
      <p role="alert">{t(props.body)}</p>
      {props.outcomeKnown === false ? null : <p class="muted">{t("problem.nothing_changed")}</p>}
      <p class="actions">
        {props.retryHref ? (
          <a class="button" href={props.retryHref}>
            {t("problem.try_again")}
          </a>
        ) : null}
        {props.backHref ? (
          <a class={props.retryHref ? "button button-secondary" : "button"} href={props.backHref}>
            {t("problem.back")}
          </a>
        ) : null}
      </p>
    </section>
  );
}
