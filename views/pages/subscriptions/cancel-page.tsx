import type Stripe from "stripe";
import { formatDate } from "../../../worker/lib/format";
import type { MessageKey } from "../../../worker/lib/i18n";
import { PostForm } from "../../components/form-post";
import { PriceLine, productName } from "../../components/price-line";
import { useRequest } from "../../context";

export interface CancelPageProps {
  subscription: Stripe.Subscription;
  /** When the subscription ends if canceled at period end; null when canceled immediately. */
  endsAt: number | null;
  /** The configured survey options; empty when the survey is off. */
  reasons: readonly string[];
  values: { feedback: string; comment: string };
  error: MessageKey | null;
  action: string;
  /** "Keep my subscription": home, or the merchant inside a flow (null: no link). */
  keepHref: string | null;
  csrfToken: string;
}

const REASON_KEYS: Record<string, MessageKey> = {
  too_expensive: "cancel.reasons.too_expensive",
  missing_features: "cancel.reasons.missing_features",
  switched_service: "cancel.reasons.switched_service",
  unused: "cancel.reasons.unused",
  customer_service: "cancel.reasons.customer_service",
  too_complex: "cancel.reasons.too_complex",
  low_quality: "cancel.reasons.low_quality",
  other: "cancel.reasons.other",
};

/** The cancel confirmation: what happens and when, the optional reason survey, the button. */
export function CancelPage(props: CancelPageProps) {
  const { t, locale } = useRequest();
  const items = props.subscription.items.data;
  return (
    <section class="card" aria-labelledby="cancel-title">
      <h1 id="cancel-title">{t("cancel.title")}</h1>
      <ul class="sub-items">
        {items.map((item) => (
          <li key={item.id}>
            <span class="plan-name">{productName(item.price) ?? ""}</span> <PriceLine price={item.price} />
          </li>
        ))}
      </ul>
      <p>
        {props.endsAt !== null
          ? t("cancel.at_period_end", { date: formatDate(props.endsAt, locale) })
          : t("cancel.immediately")}
      </p>
      {props.error ? (
        <p class="notice notice-error" role="alert">
          {t(props.error)}
        </p>
      ) : null}
      <PostForm action={props.action} csrfToken={props.csrfToken} class="cancel-form">
        {props.reasons.length > 0 ? (
          <>
            <fieldset class="reasons">
              <legend>{t("cancel.reason_question")}</legend>
              {props.reasons.map((reason) => (
                <div class="choice" key={reason}>
                  <input
                    type="radio"
                    id={`reason-${reason}`}
                    name="feedback"
                    value={reason}
                    checked={props.values.feedback === reason}
                  />
                  <label for={`reason-${reason}`}>{t(REASON_KEYS[reason] ?? "cancel.reasons.other")}</label>
                </div>
              ))}
            </fieldset>
            <div class="field">
              <label for="cancel-comment">{t("cancel.comment_label")}</label>
              <textarea id="cancel-comment" name="comment" rows={3} maxLength={5000}>
                {props.values.comment}
              </textarea>
            </div>
          </>
        ) : null}
        <div class="actions">
          <button type="submit" class="button button-danger">
            {t("cancel.confirm")}
          </button>
          {props.keepHref ? (
            <a class="button button-secondary" href={props.keepHref}>
              {t("cancel.keep")}
            </a>
          ) : null}
        </div>
      </PostForm>
    </section>
  );
}
