import type { MessageKey } from "../../../worker/lib/i18n";
import type {
  BillingFormError,
  BillingFormValues,
  EditableField,
} from "../../../worker/portal/billing-details/form";
import type { TaxIdFormValues } from "../../../worker/portal/billing-details/tax-id-form";
import type { BillingDetailsData } from "../../../worker/portal/billing-details/types";
import { BackToHome, PageNotices } from "../../components/page-notices";
import { useRequest } from "../../context";
import { BillingForm } from "./billing-form";
import { TaxIdList } from "./tax-id-list";

/** Everything the billing details page shows, including the input of a failed submit. */
export interface BillingDetailsPageProps {
  data: BillingDetailsData;
  editable: readonly EditableField[];
  taxIdsEditable: boolean;
  values: BillingFormValues;
  errors: readonly BillingFormError[];
  taxIdValues: TaxIdFormValues;
  taxIdErrors: readonly BillingFormError[];
  csrfToken: string;
  /** In the `customer_update` flow the tax IDs stay available but navigation is hidden. */
  inFlow: boolean;
  notice?: MessageKey | null;
  error?: MessageKey | null;
}

/** The billing details page: the form, then the tax IDs. */
export function BillingDetailsPage(props: BillingDetailsPageProps) {
  const { t } = useRequest();
  const showTaxIds = props.taxIdsEditable || props.data.taxIds.length > 0;
  return (
    <>
      <BackToHome inFlow={props.inFlow} />
      <PageNotices notice={props.notice} error={props.error} />
      <section class="card portal-section" aria-labelledby="billing-title">
        <h1 id="billing-title">{t("billing.title")}</h1>
        <BillingForm
          customer={props.data.customer}
          editable={props.editable}
          values={props.values}
          errors={props.errors}
          csrfToken={props.csrfToken}
        />
      </section>
      {showTaxIds ? (
        <TaxIdList
          taxIds={props.data.taxIds}
          editable={props.taxIdsEditable}
          values={props.taxIdValues}
          errors={props.taxIdErrors}
          csrfToken={props.csrfToken}
        />
      ) : null}
    </>
  );
}
