import { formatDate, formatMoney } from "../../worker/lib/format";
import type { ProrationLine } from "../../worker/portal/subscriptions/preview";
import { useRequest } from "../context";

/**
 * The proration lines of a plan-change preview: what is credited and charged, for which days,
 * labelled in the customer's language (a credit is unused time on the old plan, a charge the
 * remaining time on the new one).
 */
export function ProrationTable(props: {
  lines: ProrationLine[];
  currency: string;
  fromPlan: string;
  toPlan: string;
}) {
  const { t, locale } = useRequest();
  if (props.lines.length === 0) return null;
  return (
    <table class="table proration-table">
      <caption>{t("plan_change.prorations_caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("plan_change.proration_item")}</th>
          <th scope="col">{t("plan_change.proration_period")}</th>
          <th scope="col" class="amount">
            {t("plan_change.proration_amount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((line, index) => (
          <tr key={index}>
            <td>
              {/* Stripe writes line descriptions in one language; the page speaks the customer's. */}
              {line.amount < 0
                ? t("plan_change.unused_time", { plan: props.fromPlan })
                : t("plan_change.remaining_time", { plan: props.toPlan })}
            </td>
            <td>
              {t("plan_change.period", {
                start: formatDate(line.start, locale),
                end: formatDate(line.end, locale),
              })}
            </td>
            <td class="amount">{formatMoney(line.amount, props.currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
