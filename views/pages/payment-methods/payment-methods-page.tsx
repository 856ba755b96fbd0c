import type { MessageKey } from "../../../worker/lib/i18n";
import type { PaymentMethodsData } from "../../../worker/portal/payment-methods/types";
import { BackToHome, PageNotices } from "../../components/page-notices";
import { PaymentMethodsSection } from "../../components/payment-methods-section";

/** The payment methods page: the section on its own, with the outcome of the last action. */
export function PaymentMethodsPage(props: {
  data: PaymentMethodsData;
  csrfToken: string;
  inFlow: boolean;
  notice?: MessageKey | null;
  error?: MessageKey | null;
}) {
  return (
    <>
      <BackToHome inFlow={props.inFlow} />
      <PageNotices notice={props.notice} error={props.error} />
      <PaymentMethodsSection data={props.data} csrfToken={props.csrfToken} headingLevel={1} />
    </>
  );
}
