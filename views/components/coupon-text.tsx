import type Stripe from "stripe";
import { formatMoney } from "../../worker/lib/format";
import { useRequest } from "../context";

/** A coupon as the customer reads it: "25% off for 3 months", "$5.00 off once". */
export function CouponText(props: { coupon: Stripe.Coupon; currency: string }) {
  const { t, locale } = useRequest();
  const { coupon } = props;
  const amountOff =
    coupon.amount_off !== null
      ? formatMoney(
          coupon.currency_options?.[props.currency]?.amount_off ?? coupon.amount_off,
          coupon.currency_options?.[props.currency] ? props.currency : (coupon.currency ?? props.currency),
          locale,
        )
      : null;
  const off =
    coupon.percent_off !== null
      ? t("coupon.percent_off", { percent: coupon.percent_off })
      : t("coupon.amount_off", { amount: amountOff ?? "" });
  const duration =
    coupon.duration === "forever"
      ? t("coupon.forever")
      : coupon.duration === "repeating" && coupon.duration_in_months
        ? t("coupon.repeating", { count: coupon.duration_in_months })
        : t("coupon.once");
  return <span class="coupon-text">{t("coupon.summary", { off, duration })}</span>;
}
