import type Stripe from "stripe";
import type { IneligibleReason } from "../../worker/billing/eligibility";
import type { SubscriptionNotice } from "../../worker/billing/subscription-state";
import { formatDate, formatMoney } from "../../worker/lib/format";
import type { MessageKey } from "../../worker/lib/i18n";
import { subscriptionPaths } from "../../worker/portal/paths";
import type { SubscriptionSummary } from "../../worker/portal/subscriptions/summary";
import { useRequest } from "../context";
import { PostForm } from "./form-post";
import { PriceLine, productName } from "./price-line";
import { StatusBadge } from "./status-badge";

/** Refusals worth explaining; the others (feature off, ended, …) just hide the button. */
const REASON_KEYS: Partial<Record<IneligibleReason, MessageKey>> = {
  multiple_items: "subscription.reasons.multiple_items",
  metered: "subscription.reasons.metered",
  send_invoice: "subscription.reasons.send_invoice",
  scheduled_change: "subscription.reasons.scheduled_change",
  tax_behavior_unspecified: "subscription.reasons.not_changeable",
  product_not_offered: "subscription.reasons.not_changeable",
  incomplete: "subscription.reasons.incomplete",
};

function Notice(props: {
  notice: SubscriptionNotice;
  scheduledPrice: Stripe.Price | null;
  payUrl: string | null;
}) {
  const { t, locale } = useRequest();
  const n = props.notice;
  const date = (s: number) => formatDate(s, locale);
  switch (n.kind) {
    case "trialing":
      return n.trialEnd ? (
        <p class="sub-notice">{t("subscription.notices.trial_ends", { date: date(n.trialEnd) })}</p>
      ) : null;
    case "past_due":
    case "unpaid":
      return (
        <p class="sub-notice sub-notice-warn">
          {t("subscription.notices.past_due")}{" "}
          {props.payUrl ? (
            <a href={props.payUrl} rel="noopener noreferrer">
              {t("subscription.pay_invoice")}
            </a>
          ) : null}
        </p>
      );
    case "incomplete":
      return <p class="sub-notice sub-notice-warn">{t("subscription.notices.incomplete")}</p>;
    case "cancel_scheduled":
      return <p class="sub-notice">{t("subscription.notices.cancel_scheduled", { date: date(n.at) })}</p>;
    case "paused":
      return (
        <p class="sub-notice">
          {n.resumesAt
            ? t("subscription.notices.paused_until", { date: date(n.resumesAt) })
            : t("subscription.notices.paused_indefinitely")}
        </p>
      );
    case "scheduled_change": {
      const price = props.scheduledPrice;
      const name = price ? productName(price) : null;
      return (
        <p class="sub-notice">
          {name && price ? (
            <>
              {t("subscription.notices.plan_changes_to", { plan: name, date: date(n.at) })} (
              <PriceLine price={price} />)
            </>
          ) : (
            t("subscription.notices.plan_changes", { date: date(n.at) })
          )}
        </p>
      );
    }
  }
}

function ItemLine(props: { item: Stripe.SubscriptionItem; showName: boolean }) {
  const { t } = useRequest();
  const name = productName(props.item.price) ?? t("subscription.unnamed_product");
  return (
    <li class="sub-item">
      {props.showName ? (
        <>
          <span class="sub-product">{name}</span>{" "}
        </>
      ) : null}
      <PriceLine price={props.item.price} />
      {props.item.quantity !== undefined && props.item.quantity !== 1 ? (
        <span class="sub-quantity"> · {t("subscription.quantity", { count: props.item.quantity })}</span>
      ) : null}
    </li>
  );
}

/**
 * One subscription on the home page: products and prices, status, notices, the next invoice,
 * and the actions the rules allow (with the reason when updating is not possible).
 */
export function SubscriptionCard(props: {
  summary: SubscriptionSummary;
  csrfToken: string;
  updateEnabled: boolean;
}) {
  const { t, locale } = useRequest();
  const { subscription: sub, actions, next } = props.summary;
  const paths = subscriptionPaths(sub.id);
  const items = sub.items.data;
  const title =
    items.length === 1 && items[0]
      ? (productName(items[0].price) ?? t("subscription.title"))
      : t("subscription.title");
  const refusal = !actions.update.allowed ? actions.update.reason : null;
  const reasonKey = props.updateEnabled && refusal ? REASON_KEYS[refusal] : undefined;
  const headingId = `sub-${sub.id}`;
  return (
    <article class="sub-card" aria-labelledby={headingId}>
      <header class="sub-card-header">
        <h3 id={headingId}>{title}</h3>
        <StatusBadge subscription={sub} canceling={actions.renew.allowed} />
      </header>
      <ul class="sub-items">
        {items.map((item) => (
          <ItemLine key={item.id} item={item} showName={items.length > 1} />
        ))}
      </ul>
      {props.summary.notices.map((notice) => (
        <Notice
          key={notice.kind}
          notice={notice}
          scheduledPrice={props.summary.scheduledPrice}
          payUrl={props.summary.payUrl}
        />
      ))}
      {next ? (
        <p class="sub-next">
          {t("subscription.next_invoice", {
            amount: formatMoney(next.amount, next.currency, locale),
            date: formatDate(next.date, locale),
          })}
        </p>
      ) : null}
      {reasonKey ? <p class="sub-reason muted">{t(reasonKey)}</p> : null}
      <div class="sub-actions">
        {actions.update.allowed ? (
          <a class="button" href={paths.update}>
            {t("subscription.actions.update")}
          </a>
        ) : null}
        {actions.renew.allowed ? (
          <PostForm action={paths.renew} csrfToken={props.csrfToken} class="inline-form">
            <button type="submit" class="button">
              {t("subscription.actions.renew")}
            </button>
          </PostForm>
        ) : null}
        {actions.resume.allowed ? (
          <PostForm action={paths.resume} csrfToken={props.csrfToken} class="inline-form">
            <button type="submit" class="button">
              {t("subscription.actions.resume")}
            </button>
          </PostForm>
        ) : null}
        {actions.pause.allowed ? (
          <a class="button button-secondary" href={paths.pause}>
            {t("subscription.actions.pause")}
          </a>
        ) : null}
        {actions.cancel.allowed ? (
          <a class="button button-secondary button-danger" href={paths.cancel}>
            {t("subscription.actions.cancel")}
          </a>
        ) : null}
      </div>
    </article>
  );
}

/** The subscriptions section of the home page. */
export function SubscriptionsSection(props: {
  subscriptions: SubscriptionSummary[];
  csrfToken: string;
  updateEnabled: boolean;
}) {
  const { t } = useRequest();
  return (
    <section class="card portal-section" aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">
        {t("subscription.section_title", { count: props.subscriptions.length })}
      </h2>
      {props.subscriptions.map((summary) => (
        <SubscriptionCard
          key={summary.subscription.id}
          summary={summary}
          csrfToken={props.csrfToken}
          updateEnabled={props.updateEnabled}
        />
      ))}
    </section>
  );
}
