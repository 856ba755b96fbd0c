import type { MessageKey } from "../../worker/lib/i18n";
import type { BillingDetailsData } from "../../worker/portal/billing-details/types";
import type { InvoicesData } from "../../worker/portal/invoices/types";
import type { PaymentMethodsData } from "../../worker/portal/payment-methods/types";
import type { SubscriptionSummary } from "../../worker/portal/subscriptions/summary";
import { BillingInfoSection } from "../components/billing-info-section";
import { InvoicesSection } from "../components/invoices-section";
import { PageNotices } from "../components/page-notices";
import { PaymentMethodsSection } from "../components/payment-methods-section";
import { SubscriptionsSection } from "../components/subscription-card";
import { useRequest } from "../context";

/** Props of the home page; a section's data is null when its feature is off. */
export interface HomePageProps {
  customer: { name: string | null; email: string | null };
  subscriptions: SubscriptionSummary[];
  paymentMethods: PaymentMethodsData | null;
  billing: BillingDetailsData | null;
  allowedUpdates: readonly string[];
  invoices: InvoicesData | null;
  notice: MessageKey | null;
  csrfToken: string;
  /** Whether plan changes are on, so the card explains why one subscription cannot change. */
  updateEnabled?: boolean;
}

/** The portal home: who is signed in, then each enabled section. */
export function HomePage(props: HomePageProps) {
  const { t } = useRequest();
  const { customer } = props;
  return (
    <>
      <PageNotices notice={props.notice} />
      <div class="home-intro">
        <h1>{t("home.title")}</h1>
        {customer.name || customer.email ? (
          <p class="customer-identity">
            {customer.name ? <span class="customer-name">{customer.name}</span> : null}
            {customer.name && customer.email ? " · " : null}
            {customer.email ? <span class="customer-email">{customer.email}</span> : null}
          </p>
        ) : null}
      </div>
      {props.subscriptions.length > 0 ? (
        <SubscriptionsSection
          subscriptions={props.subscriptions}
          csrfToken={props.csrfToken}
          updateEnabled={props.updateEnabled ?? true}
        />
      ) : null}
      {props.paymentMethods ? (
        <PaymentMethodsSection data={props.paymentMethods} csrfToken={props.csrfToken} />
      ) : null}
      {props.billing ? (
        <BillingInfoSection data={props.billing} allowedUpdates={props.allowedUpdates} />
      ) : null}
      {props.invoices ? <InvoicesSection data={props.invoices} csrfToken={props.csrfToken} /> : null}
    </>
  );
}
