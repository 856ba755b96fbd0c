import type Stripe from "stripe";
import { countryName } from "../../worker/portal/billing-details/countries";
import type { BillingDetailsData } from "../../worker/portal/billing-details/types";
import { useRequest } from "../context";
import { SectionHeading } from "./section-heading";
import { TaxIdTypeName } from "./tax-id-type-name";

/** An address as lines, in the order most postal systems read. */
export function AddressLines(props: { address: Stripe.Address | null | undefined }) {
  const { locale } = useRequest();
  const a = props.address;
  if (!a) return null;
  const cityLine = [a.postal_code, a.city].filter(Boolean).join(" ");
  const lines = [
    a.line1,
    a.line2,
    cityLine,
    a.state,
    a.country ? countryName(a.country, locale) : null,
  ].filter((line): line is string => Boolean(line));
  return (
    <>
      {lines.map((line, i) => (
        <span class="address-line" key={i}>
          {line}
        </span>
      ))}
    </>
  );
}

function Row(props: { label: string; children: preact.ComponentChildren }) {
  return (
    <div class="detail-row">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/**
 * Billing information on the home page: name, email, phone, addresses and tax IDs as Stripe
 * has them, with a link to edit when the configuration allows any update.
 */
export function BillingInfoSection(props: {
  data: BillingDetailsData;
  /** `features.customer_update.allowed_updates` when customer updates are enabled, else []. */
  allowedUpdates: readonly string[];
  headingLevel?: 1 | 2;
}) {
  const { t } = useRequest();
  const { customer, taxIds } = props.data;
  const notSet = <span class="muted">{t("billing.not_set")}</span>;
  const showTaxIds = taxIds.length > 0 || props.allowedUpdates.includes("tax_id");
  return (
    <section class="card portal-section" aria-labelledby="billing-info-title">
      <SectionHeading level={props.headingLevel ?? 2} id="billing-info-title" text={t("billing.title")} />
      <dl class="details">
        <Row label={t("billing.name")}>{customer.name || notSet}</Row>
        <Row label={t("billing.email")}>{customer.email || notSet}</Row>
        <Row label={t("billing.phone")}>{customer.phone || notSet}</Row>
        <Row label={t("billing.address")}>
          {customer.address ? <AddressLines address={customer.address} /> : notSet}
        </Row>
        {customer.shipping || props.allowedUpdates.includes("shipping") ? (
          <Row label={t("billing.shipping")}>
            {customer.shipping ? (
              <>
                <span class="address-line">{customer.shipping.name}</span>
                <AddressLines address={customer.shipping.address} />
              </>
            ) : (
              notSet
            )}
          </Row>
        ) : null}
        {showTaxIds ? (
          <Row label={t("tax_ids.title")}>
            {taxIds.length === 0
              ? notSet
              : taxIds.map((taxId) => (
                  <span class="address-line" key={taxId.id}>
                    <TaxIdTypeName type={taxId.type} />: {taxId.value}
                  </span>
                ))}
          </Row>
        ) : null}
      </dl>
      {props.allowedUpdates.length > 0 ? (
        <p>
          <a class="button button-secondary" href="/p/billing">
            {t("billing.edit")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
