import type { MessageKey } from "../../../worker/lib/i18n";
import { countryOptions } from "../../../worker/portal/billing-details/countries";
import type {
  BillingFormError,
  BillingFormValues,
  EditableField,
} from "../../../worker/portal/billing-details/form";
import type { CustomerDetails } from "../../../worker/portal/billing-details/types";
import { AddressLines } from "../../components/billing-info-section";
import { FormErrorSummary } from "../../components/form-error-summary";
import { FormField } from "../../components/form-field";
import { PostForm } from "../../components/form-post";
import { FormSelect } from "../../components/form-select";
import { useRequest } from "../../context";

type AddressValues = BillingFormValues["address"];

function errorFor(errors: readonly BillingFormError[], field: string, t: (k: MessageKey) => string) {
  const e = errors.find((x) => x.field === field);
  return e ? t(e.message) : undefined;
}

/** Inputs of one address; `prefix` is `address` or `shipping`. */
function AddressInputs(props: {
  prefix: string;
  values: AddressValues;
  errors: readonly BillingFormError[];
}) {
  const { t, locale } = useRequest();
  const { prefix, values } = props;
  const auto = prefix === "shipping" ? "shipping" : "billing";
  const err = (part: string) => errorFor(props.errors, `${prefix}_${part}`, t);
  const id = (part: string) => `${prefix}_${part}`;
  return (
    <>
      <FormField
        id={id("line1")}
        name={id("line1")}
        label={t("billing.line1")}
        value={values.line1}
        autocomplete={`${auto} address-line1`}
        error={err("line1")}
      />
      <FormField
        id={id("line2")}
        name={id("line2")}
        label={t("billing.line2")}
        value={values.line2}
        autocomplete={`${auto} address-line2`}
        error={err("line2")}
      />
      <FormField
        id={id("city")}
        name={id("city")}
        label={t("billing.city")}
        value={values.city}
        autocomplete={`${auto} address-level2`}
        error={err("city")}
      />
      <FormField
        id={id("state")}
        name={id("state")}
        label={t("billing.state")}
        value={values.state}
        autocomplete={`${auto} address-level1`}
        error={err("state")}
      />
      <FormField
        id={id("postal_code")}
        name={id("postal_code")}
        label={t("billing.postal_code")}
        value={values.postal_code}
        autocomplete={`${auto} postal-code`}
        error={err("postal_code")}
      />
      <FormSelect
        id={id("country")}
        name={id("country")}
        label={t("billing.country")}
        options={countryOptions(locale)}
        value={values.country}
        placeholder={t("billing.choose_country")}
        autocomplete={`${auto} country`}
        error={err("country")}
      />
    </>
  );
}

function ReadOnly(props: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="field field-readonly">
      <span class="field-label">{props.label}</span>
      <span>{props.children}</span>
    </div>
  );
}

/**
 * The billing details form: fields the configuration allows are inputs, the others are shown
 * as text (or left out when empty). Errors are listed above and next to each field.
 */
export function BillingForm(props: {
  customer: CustomerDetails;
  editable: readonly EditableField[];
  values: BillingFormValues;
  errors: readonly BillingFormError[];
  csrfToken: string;
}) {
  const { t } = useRequest();
  const can = (f: EditableField) => props.editable.includes(f);
  const { values, errors, customer } = props;
  const err = (field: string) => errorFor(errors, field, t);
  const notSet = t("billing.not_set");
  return (
    <PostForm action="/p/billing" csrfToken={props.csrfToken} class="billing-form">
      <FormErrorSummary
        id="billing-errors"
        title={t("billing.errors.summary_title")}
        errors={errors.map((e) => ({ fieldId: e.field, message: t(e.message, e.values) }))}
      />
      <fieldset>
        <legend>{t("billing.contact")}</legend>
        {can("name") ? (
          <FormField
            id="name"
            name="name"
            label={t("billing.name")}
            value={values.name}
            autocomplete="name"
            error={err("name")}
            maxLength={256}
          />
        ) : (
          <ReadOnly label={t("billing.name")}>{customer.name || notSet}</ReadOnly>
        )}
        {can("email") ? (
          <FormField
            id="email"
            name="email"
            type="email"
            label={t("billing.email")}
            value={values.email}
            autocomplete="email"
            error={err("email")}
            hint={t("billing.email_hint")}
          />
        ) : (
          <ReadOnly label={t("billing.email")}>{customer.email || notSet}</ReadOnly>
        )}
        {can("phone") ? (
          <FormField
            id="phone"
            name="phone"
            type="tel"
            label={t("billing.phone")}
            value={values.phone}
            autocomplete="tel"
            error={err("phone")}
          />
        ) : (
          <ReadOnly label={t("billing.phone")}>{customer.phone || notSet}</ReadOnly>
        )}
      </fieldset>
      <fieldset>
        <legend>{t("billing.address")}</legend>
        {can("address") ? (
          <AddressInputs prefix="address" values={values.address} errors={errors} />
        ) : (
          <ReadOnly label={t("billing.address")}>
            {customer.address ? <AddressLines address={customer.address} /> : notSet}
          </ReadOnly>
        )}
      </fieldset>
      {can("shipping") || customer.shipping ? (
        <fieldset>
          <legend>{t("billing.shipping")}</legend>
          {can("shipping") ? (
            <>
              <p class="field-hint">{t("billing.shipping_hint")}</p>
              <FormField
                id="shipping_name"
                name="shipping_name"
                label={t("billing.shipping_name")}
                value={values.shipping.name}
                autocomplete="shipping name"
                error={err("shipping_name")}
              />
              <FormField
                id="shipping_phone"
                name="shipping_phone"
                type="tel"
                label={t("billing.phone")}
                value={values.shipping.phone}
                autocomplete="shipping tel"
                error={err("shipping_phone")}
              />
              <AddressInputs prefix="shipping" values={values.shipping} errors={errors} />
            </>
          ) : (
            <ReadOnly label={t("billing.shipping")}>
              <span class="address-line">{customer.shipping?.name}</span>
              <AddressLines address={customer.shipping?.address} />
            </ReadOnly>
          )}
        </fieldset>
      ) : null}
      {props.editable.length > 0 ? (
        <button type="submit" class="button">
          {t("billing.save")}
        </button>
      ) : null}
    </PostForm>
  );
}
