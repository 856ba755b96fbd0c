import type Stripe from "stripe";
import { formatMoney } from "../../worker/lib/format";
import type { MessageKey } from "../../worker/lib/i18n";
import { useRequest } from "../context";

const INTERVAL_KEYS: Record<string, MessageKey> = {
  day: "price.every.day",
  week: "price.every.week",
  month: "price.every.month",
  year: "price.every.year",
};

/** "per month", "every 3 months", … for a recurring price; empty for one-time prices. */
export function useIntervalText(): (price: Pick<Stripe.Price, "recurring">) => string {
  const { t } = useRequest();
  return (price) => {
    const r = price.recurring;
    const key = r ? INTERVAL_KEYS[r.interval] : undefined;
    return r && key ? t(key, { count: r.interval_count }) : "";
  };
}

/** A price as the customer reads it: "$19.00 per month", with usage and tier variants. */
export function PriceLine(props: { price: Stripe.Price }) {
  const { t, locale } = useRequest();
  const interval = useIntervalText()(props.price);
  const { price } = props;
  if (price.billing_scheme === "tiered" || price.unit_amount === null) {
    return <span class="price-line">{t("price.tiered", { interval })}</span>;
  }
  const amount = formatMoney(price.unit_amount, price.currency, locale);
  const key: MessageKey = price.recurring?.usage_type === "metered" ? "price.metered" : "price.amount_per";
  return <span class="price-line">{t(key, { amount, interval })}</span>;
}

/** The product name of a price, when its product is expanded. */
export function productName(price: Stripe.Price): string | null {
  const product = price.product;
  if (typeof product === "string" || product.deleted) return null;
  return product.name;
}
