import type { MessageKey } from "../../../worker/lib/i18n";
import type { InvoicesData } from "../../../worker/portal/invoices/types";
import { InvoicesSection } from "../../components/invoices-section";
import { BackToHome, PageNotices } from "../../components/page-notices";

/** The invoice history page: one page of invoices with the outcome of the last payment. */
export function InvoicesPage(props: {
  data: InvoicesData;
  csrfToken: string;
  inFlow: boolean;
  notice?: MessageKey | null;
  error?: MessageKey | null;
}) {
  return (
    <>
      <BackToHome inFlow={props.inFlow} />
      <PageNotices notice={props.notice} error={props.error} />
      <InvoicesSection data={props.data} csrfToken={props.csrfToken} headingLevel={1} />
    </>
  );
}
