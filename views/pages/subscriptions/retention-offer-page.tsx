import type Stripe from "stripe";
import { CouponText } from "../../components/coupon-text";
import { PostForm } from "../../components/form-post";
import { productName } from "../../components/price-line";
import { useRequest } from "../../context";

/** Shown before cancelling when the session carries a coupon offer: accept it, or go on. */
export function RetentionOfferPage(props: {
  subscription: Stripe.Subscription;
  coupon: Stripe.Coupon;
  acceptAction: string;
  declineHref: string;
  csrfToken: string;
}) {
  const { t } = useRequest();
  const first = props.subscription.items.data[0];
  const plan = first ? productName(first.price) : null;
  return (
    <section class="card retention" aria-labelledby="retention-title">
      <h1 id="retention-title">{t("retention.title")}</h1>
      <p class="retention-offer">
        {t("retention.offer_intro")}{" "}
        <strong>
          <CouponText coupon={props.coupon} currency={props.subscription.currency} />
        </strong>
      </p>
      <p>{plan ? t("retention.offer_body_plan", { plan }) : t("retention.offer_body")}</p>
      <PostForm action={props.acceptAction} csrfToken={props.csrfToken} class="actions">
        <button type="submit" class="button">
          {t("retention.accept")}
        </button>
        <a class="button button-secondary" href={props.declineHref}>
          {t("retention.decline")}
        </a>
      </PostForm>
    </section>
  );
}
