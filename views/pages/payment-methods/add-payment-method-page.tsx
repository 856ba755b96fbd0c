import type { MessageKey } from "../../../worker/lib/i18n";
import { BackToHome, PageNotices } from "../../components/page-notices";
import { AddPaymentMethodForm } from "../../components/payment-methods-section";
import { useRequest } from "../../context";

/**
 * Adding a method on its own page: where the `payment_method_update` flow opens. The button
 * leads to Stripe Checkout; the new method becomes the default when the customer comes back.
 */
export function AddPaymentMethodPage(props: {
  csrfToken: string;
  overrideCount: number;
  inFlow: boolean;
  error?: MessageKey | null;
}) {
  const { t } = useRequest();
  return (
    <>
      <BackToHome inFlow={props.inFlow} />
      <PageNotices error={props.error} />
      <section class="card portal-section" aria-labelledby="add-pm-title">
        <h1 id="add-pm-title">{t("payment_methods.add_title")}</h1>
        <p>{t("payment_methods.add_intro")}</p>
        <AddPaymentMethodForm csrfToken={props.csrfToken} overrideCount={props.overrideCount} primary />
      </section>
    </>
  );
}
