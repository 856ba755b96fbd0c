import { formatDate, formatMoney } from "../../../worker/lib/format";
import type { MessageKey } from "../../../worker/lib/i18n";
import type { PlannedChange } from "../../../worker/portal/subscriptions/change-request";
import type { ChangePreview } from "../../../worker/portal/subscriptions/preview";
import { CouponText } from "../../components/coupon-text";
import { PostForm } from "../../components/form-post";
import { PriceLine, productName } from "../../components/price-line";
import { ProrationTable } from "../../components/proration-table";
import { useRequest } from "../../context";

function PlanLine(props: { side: PlannedChange["from"] }) {
  const { t } = useRequest();
  return (
    <>
      <span class="plan-name">{productName(props.side.price) ?? ""}</span>{" "}
      <PriceLine price={props.side.price} />
      {props.side.quantity !== 1 ? ` · ${t("subscription.quantity", { count: props.side.quantity })}` : null}
    </>
  );
}

/**
 * The confirmation of a plan change with its invoice preview: old and new plan, discount,
 * prorations, what is due today and the next invoice. The form carries the previewed values
 * and their signature; confirming applies exactly these.
 */
export function ConfirmChangePage(props: {
  change: PlannedChange;
  preview: ChangePreview;
  action: string;
  hidden: Record<string, string>;
  backHref: string | null;
  csrfToken: string;
  error: MessageKey | null;
}) {
  const { t, locale } = useRequest();
  const { change, preview } = props;
  const money = (amount: number) => formatMoney(amount, preview.currency, locale);
  return (
    <section class="card" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("plan_change.confirm_title")}</h1>
      <dl class="change-summary">
        <div>
          <dt>{t("plan_change.from")}</dt>
          <dd>
            <PlanLine side={change.from} />
          </dd>
        </div>
        <div>
          <dt>{t("plan_change.to")}</dt>
          <dd>
            <PlanLine side={change.to} />
          </dd>
        </div>
        {change.discountLabel ? (
          <div>
            <dt>{t("plan_change.discount")}</dt>
            <dd>
              {change.discountLabel.code ? <span class="promo-code">{change.discountLabel.code}</span> : null}{" "}
              {change.discountLabel.coupon ? (
                <CouponText coupon={change.discountLabel.coupon} currency={preview.currency} />
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {preview.effectiveAt !== null ? (
        <p class="notice notice-info">
          {t("plan_change.scheduled_note", { date: formatDate(preview.effectiveAt, locale) })}
        </p>
      ) : null}
      {change.endsTrial ? <p class="notice notice-info">{t("plan_change.trial_ends_note")}</p> : null}
      {change.subscription.status === "trialing" && !change.endsTrial && preview.effectiveAt === null ? (
        <p class="notice notice-info">{t("plan_change.trial_continues_note")}</p>
      ) : null}
      <ProrationTable
        lines={preview.prorations}
        currency={preview.currency}
        fromPlan={productName(change.from.price) ?? ""}
        toPlan={productName(change.to.price) ?? ""}
      />
      <dl class="amounts">
        <div class="amount-row amount-today">
          <dt>{t("plan_change.due_today")}</dt>
          <dd>{money(preview.dueToday)}</dd>
        </div>
        {preview.next ? (
          <div class="amount-row">
            <dt>{t("plan_change.next_invoice")}</dt>
            <dd>
              {t("plan_change.next_invoice_value", {
                amount: money(preview.next.amount),
                date: formatDate(preview.next.date, locale),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      {props.error ? (
        <p class="notice notice-error" role="alert">
          {t(props.error)}
        </p>
      ) : null}
      <PostForm action={props.action} csrfToken={props.csrfToken} class="actions">
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" class="button">
          {preview.dueToday > 0
            ? t("plan_change.confirm_and_pay", { amount: money(preview.dueToday) })
            : t("plan_change.confirm")}
        </button>
        {props.backHref ? (
          <a class="button button-secondary" href={props.backHref}>
            {t("plan_change.back")}
          </a>
        ) : null}
      </PostForm>
    </section>
  );
}
