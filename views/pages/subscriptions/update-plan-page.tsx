import type Stripe from "stripe";
import type { QuantityRule } from "../../../worker/billing/quantity";
import type { PlanOption } from "../../../worker/billing/target-prices";
import { intervalKey } from "../../../worker/billing/target-prices";
import type { MessageKey } from "../../../worker/lib/i18n";
import type { subscriptionPaths } from "../../../worker/portal/paths";
import type { ChangeError } from "../../../worker/portal/subscriptions/change-request";
import { FormErrorSummary } from "../../components/form-error-summary";
import { PriceLine, productName } from "../../components/price-line";
import { useRequest } from "../../context";

export interface UpdatePlanPageProps {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  options: PlanOption[];
  /** Interval keys (`1-month`, `1-year`, …) shortest first: the toggle's tabs. */
  intervals: string[];
  interval: string;
  values: { price: string; quantity: string; promotionCode: string };
  quantityRules: Record<string, QuantityRule>;
  promotionCodesAllowed: boolean;
  /** Hidden fields the form carries to the confirm page (what it may start loading early). */
  hidden: Record<string, string>;
  errors: ChangeError[];
  paths: ReturnType<typeof subscriptionPaths>;
  /** "Back" goes home, or to the merchant inside a flow (null: no link). */
  backHref: string | null;
}

const TAB_KEYS: Record<string, MessageKey> = {
  day: "plan_change.tabs.day",
  week: "plan_change.tabs.week",
  month: "plan_change.tabs.month",
  year: "plan_change.tabs.year",
};

const FIELD_IDS = {
  price: "plan-options",
  quantity: "quantity",
  promotion_code: "promotion-code",
  form: "plan-form",
};

function IntervalTabs(props: UpdatePlanPageProps) {
  const { t } = useRequest();
  if (props.intervals.length < 2) return null;
  const query = (interval: string) => {
    const q = new URLSearchParams({ interval, quantity: props.values.quantity });
    if (props.values.promotionCode) q.set("promotion_code", props.values.promotionCode);
    return `${props.paths.update}?${q}`;
  };
  return (
    <nav class="interval-toggle" aria-label={t("plan_change.interval_label")}>
      {props.intervals.map((key) => {
        const [count, unit] = key.split("-");
        const label = t(TAB_KEYS[unit ?? ""] ?? "plan_change.tabs.month", { count: Number(count) });
        const current = key === props.interval;
        return (
          <a
            key={key}
            href={query(key)}
            class={current ? "tab tab-current" : "tab"}
            aria-current={current ? "page" : undefined}
          >
            {label}
          </a>
        );
      })}
    </nav>
  );
}

function PlanChoice(props: {
  price: Stripe.Price;
  product: Stripe.Product;
  checked: boolean;
  current: boolean;
  rule?: QuantityRule | undefined;
}) {
  const { t } = useRequest();
  const id = `price-${props.price.id}`;
  return (
    <div class="plan-option">
      <input type="radio" id={id} name="price" value={props.price.id} checked={props.checked} required />
      <label for={id}>
        <span class="plan-name">{props.product.name}</span>
        {props.current ? <span class="badge badge-info">{t("plan_change.current_badge")}</span> : null}
        <span class="plan-price">
          <PriceLine price={props.price} />
        </span>
        {props.product.description ? (
          <span class="plan-description muted">{props.product.description}</span>
        ) : null}
        {props.rule?.adjustable ? (
          <span class="plan-quantity-hint muted">
            {props.rule.maximum === null
              ? t("plan_change.quantity_hint_min", { min: props.rule.minimum })
              : t("plan_change.quantity_hint_range", { min: props.rule.minimum, max: props.rule.maximum })}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/**
 * The plan picker: an interval toggle (links, so it works without JavaScript), the plans of
 * that interval, quantity and promotion code. It submits with GET to the confirm page.
 */
export function UpdatePlanPage(props: UpdatePlanPageProps) {
  const { t } = useRequest();
  const current = props.item.price;
  const errorOf = (field: ChangeError["field"]) => props.errors.find((e) => e.field === field);
  const message = (e: ChangeError | undefined) => (e ? t(e.key, e.values) : null);
  const anyAdjustable = Object.values(props.quantityRules).some((r) => r.adjustable);
  const visible = props.options
    .map((o) => ({ ...o, prices: o.prices.filter((p) => intervalKey(p) === props.interval) }))
    .filter((o) => o.prices.length > 0);
  const quantityError = message(errorOf("quantity"));
  const promoError = message(errorOf("promotion_code"));
  const priceError = message(errorOf("price"));
  return (
    <section class="card" aria-labelledby="plan-title">
      <h1 id="plan-title">{t("plan_change.title")}</h1>
      <p class="current-plan">
        {t("plan_change.current_plan", { plan: productName(current) ?? "" })} <PriceLine price={current} />
        {(props.item.quantity ?? 1) !== 1
          ? ` · ${t("subscription.quantity", { count: props.item.quantity ?? 1 })}`
          : null}
      </p>
      <FormErrorSummary
        id="plan-errors"
        title={t("plan_change.errors_title")}
        errors={props.errors.map((e) => ({ fieldId: FIELD_IDS[e.field], message: t(e.key, e.values) }))}
      />
      <IntervalTabs {...props} />
      <form method="get" action={props.paths.confirm} id="plan-form" class="plan-form" novalidate>
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset
          id="plan-options"
          class="plan-options"
          aria-describedby={priceError ? "price-error" : undefined}
        >
          <legend>{t("plan_change.choose_plan")}</legend>
          {priceError ? (
            <p class="field-error" id="price-error">
              {priceError}
            </p>
          ) : null}
          {visible.map((option) =>
            option.prices.map((price) => (
              <PlanChoice
                key={price.id}
                price={price}
                product={option.product}
                checked={price.id === props.values.price}
                current={price.id === current.id}
                rule={props.quantityRules[option.product.id]}
              />
            )),
          )}
          {visible.length === 0 ? <p class="muted">{t("plan_change.no_plans_for_interval")}</p> : null}
        </fieldset>
        {anyAdjustable ? (
          <div class={quantityError ? "field field-invalid" : "field"}>
            <label for="quantity">{t("plan_change.quantity_label")}</label>
            <input
              id="quantity"
              name="quantity"
              type="number"
              inputMode="numeric"
              min="0"
              step="1"
              value={props.values.quantity}
              aria-invalid={quantityError ? "true" : undefined}
              aria-describedby={quantityError ? "quantity-error" : undefined}
            />
            {quantityError ? (
              <p class="field-error" id="quantity-error">
                {quantityError}
              </p>
            ) : null}
          </div>
        ) : (
          <input type="hidden" name="quantity" value={props.values.quantity} />
        )}
        {props.promotionCodesAllowed ? (
          <div class={promoError ? "field field-invalid" : "field"}>
            <label for="promotion-code">{t("plan_change.promotion_code_label")}</label>
            <input
              id="promotion-code"
              name="promotion_code"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={200}
              value={props.values.promotionCode}
              aria-invalid={promoError ? "true" : undefined}
              aria-describedby={promoError ? "promotion-code-error" : undefined}
            />
            {promoError ? (
              <p class="field-error" id="promotion-code-error">
                {promoError}
              </p>
            ) : null}
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="button">
            {t("plan_change.continue")}
          </button>
          {props.backHref ? (
            <a class="button button-secondary" href={props.backHref}>
              {t("plan_change.back")}
            </a>
          ) : null}
        </div>
      </form>
    </section>
  );
}
