import type Stripe from "stripe";
import { TAX_ID_TYPES, taxIdExample } from "../../../worker/billing/tax-id-types";
import type { MessageKey } from "../../../worker/lib/i18n";
import type { BillingFormError } from "../../../worker/portal/billing-details/form";
import type { TaxIdFormValues } from "../../../worker/portal/billing-details/tax-id-form";
import { FormErrorSummary } from "../../components/form-error-summary";
import { FormField } from "../../components/form-field";
import { PostForm } from "../../components/form-post";
import { FormSelect } from "../../components/form-select";
import { taxIdTypeName } from "../../components/tax-id-type-name";
import { useRequest } from "../../context";

/** Badge style per verification status of a tax ID. */
const VERIFICATION: Record<string, string> = {
  pending: "badge-info",
  verified: "badge-ok",
  unverified: "badge-warn",
  unavailable: "",
};

/**
 * The customer's tax IDs with remove buttons, and the add form: a type chosen from Stripe's
 * list (translated names, sorted in the customer's language) and the number.
 */
export function TaxIdList(props: {
  taxIds: readonly Stripe.TaxId[];
  editable: boolean;
  values: TaxIdFormValues;
  errors: readonly BillingFormError[];
  csrfToken: string;
}) {
  const { t, locale } = useRequest();
  const collator = new Intl.Collator(locale);
  const options = TAX_ID_TYPES.map((type) => ({ value: type, label: taxIdTypeName(type, t) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  const err = (field: string) => {
    const e = props.errors.find((x) => x.field === field);
    return e ? t(e.message, e.values) : undefined;
  };
  const chosen = TAX_ID_TYPES.find((type) => type === props.values.type);
  return (
    <section class="card portal-section" aria-labelledby="tax-ids-title">
      <h2 id="tax-ids-title">{t("tax_ids.title")}</h2>
      {props.taxIds.length === 0 ? (
        <p class="muted">{t("tax_ids.empty")}</p>
      ) : (
        <ul class="tax-id-list">
          {props.taxIds.map((taxId) => {
            const status = taxId.verification?.status;
            return (
              <li key={taxId.id} class="tax-id-row">
                <span>
                  <span class="tax-id-type">{taxIdTypeName(taxId.type, t)}</span>{" "}
                  <strong>{taxId.value}</strong>
                  {status && Object.hasOwn(VERIFICATION, status) ? (
                    <span class={`badge ${VERIFICATION[status]}`}>
                      {t(`tax_ids.verification.${status}` as MessageKey)}
                    </span>
                  ) : null}
                </span>
                {props.editable ? (
                  <PostForm
                    action={`/p/billing/tax-ids/${taxId.id}/remove`}
                    csrfToken={props.csrfToken}
                    class="inline-form"
                  >
                    <button type="submit" class="button-link">
                      {t("tax_ids.remove")}
                      <span class="visually-hidden"> {taxId.value}</span>
                    </button>
                  </PostForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {props.editable ? (
        <PostForm action="/p/billing/tax-ids" csrfToken={props.csrfToken} class="tax-id-form">
          <h3>{t("tax_ids.add_title")}</h3>
          <FormErrorSummary
            id="tax-id-errors"
            title={t("billing.errors.summary_title")}
            errors={props.errors.map((e) => ({ fieldId: e.field, message: t(e.message, e.values) }))}
          />
          <FormSelect
            id="tax_id_type"
            name="tax_id_type"
            label={t("tax_ids.type_label")}
            options={options}
            value={props.values.type}
            placeholder={t("tax_ids.choose_type")}
            error={err("tax_id_type")}
          />
          <FormField
            id="tax_id_value"
            name="tax_id_value"
            label={t("tax_ids.value_label")}
            value={props.values.value}
            error={err("tax_id_value")}
            hint={chosen ? t("tax_ids.example", { example: taxIdExample(chosen) }) : t("tax_ids.value_hint")}
          />
          <button type="submit" class="button button-secondary">
            {t("tax_ids.add_submit")}
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}
