import type Stripe from "stripe";
import type { PauseOption } from "../../../worker/billing/pause";
import { formatDate } from "../../../worker/lib/format";
import type { MessageKey } from "../../../worker/lib/i18n";
import { PostForm } from "../../components/form-post";
import { productName } from "../../components/price-line";
import { useRequest } from "../../context";

const DURATION_KEYS: Record<string, MessageKey> = {
  day: "pause.durations.day",
  week: "pause.durations.week",
  month: "pause.durations.month",
  year: "pause.durations.year",
};

/** The pause choice: each duration with the date collection resumes, or until resumed. */
export function PausePage(props: {
  subscription: Stripe.Subscription;
  options: Array<{ option: PauseOption; resumesAt: number | null }>;
  selected: string;
  error: MessageKey | null;
  action: string;
  backHref: string | null;
  csrfToken: string;
}) {
  const { t, locale } = useRequest();
  const first = props.subscription.items.data[0];
  const plan = first ? productName(first.price) : null;
  return (
    <section class="card" aria-labelledby="pause-title">
      <h1 id="pause-title">{t("pause.title")}</h1>
      <p>{plan ? t("pause.intro_plan", { plan }) : t("pause.intro")}</p>
      {props.error ? (
        <p class="notice notice-error" role="alert">
          {t(props.error)}
        </p>
      ) : null}
      <PostForm action={props.action} csrfToken={props.csrfToken} class="pause-form">
        <fieldset class="durations">
          <legend>{t("pause.duration_question")}</legend>
          {props.options.map(({ option, resumesAt }) => {
            const id = `duration-${option.key}`;
            const label =
              option.kind === "indefinite"
                ? t("pause.indefinitely")
                : t(DURATION_KEYS[option.interval] ?? "pause.durations.month", {
                    count: option.intervalCount,
                  });
            return (
              <div class="choice" key={option.key}>
                <input
                  type="radio"
                  id={id}
                  name="duration"
                  value={option.key}
                  checked={option.key === props.selected}
                />
                <label for={id}>
                  {label}
                  <span class="choice-hint muted">
                    {resumesAt !== null
                      ? t("pause.resumes_on", { date: formatDate(resumesAt, locale) })
                      : t("pause.resumes_when_you_choose")}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button">
            {t("pause.confirm")}
          </button>
          {props.backHref ? (
            <a class="button button-secondary" href={props.backHref}>
              {t("pause.back")}
            </a>
          ) : null}
        </div>
      </PostForm>
    </section>
  );
}
