import type Stripe from "stripe";
import type { RemoveRefusal } from "../../../worker/billing/payment-method-rules";
import type { MessageKey } from "../../../worker/lib/i18n";
import { PostForm } from "../../components/form-post";
import { PageNotices } from "../../components/page-notices";
import { PaymentMethodLabel, paymentMethodSummary } from "../../components/payment-method-label";
import { useRequest } from "../../context";

/**
 * Confirmation before detaching a method. When the rules refuse (the last method while a
 * subscription charges it), the page explains why instead of offering the button.
 */
export function RemovePaymentMethodPage(props: {
  paymentMethod: Stripe.PaymentMethod;
  refusal: RemoveRefusal | null;
  csrfToken: string;
  /** A failure of the previous attempt (Stripe unavailable). */
  error?: MessageKey | null;
}) {
  const { t } = useRequest();
  const pm = props.paymentMethod;
  return (
    <section class="card portal-section" aria-labelledby="remove-pm-title">
      <h1 id="remove-pm-title">{t("payment_methods.remove_title")}</h1>
      <PageNotices error={props.error} />
      <p>
        <PaymentMethodLabel paymentMethod={pm} />
      </p>
      {props.refusal ? (
        <>
          <PageNotices error="payment_methods.last_method_in_use" />
          <p>
            <a href="/p/payment-methods">{t("payment_methods.keep")}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t("payment_methods.remove_confirm", { label: paymentMethodSummary(pm, t) })}</p>
          {/* "Keep" sits beside the button as a full-size target (WCAG 2.5.8), as on the cancel page. */}
          <PostForm action={`/p/payment-methods/${pm.id}/remove`} csrfToken={props.csrfToken} class="actions">
            <button type="submit" class="button button-danger">
              {t("payment_methods.remove_submit")}
            </button>
            <a class="button button-secondary" href="/p/payment-methods">
              {t("payment_methods.keep")}
            </a>
          </PostForm>
        </>
      )}
    </section>
  );
}
