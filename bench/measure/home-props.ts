/**
 * Realistic props for the home page, built from emulator objects the way the portal's loaders
 * shape them: 3 subscriptions (active, trialing, past due, each with its next-invoice preview),
 * 4 payment methods of 3 types, full billing details with tax IDs, and 24 invoices.
 */
import Stripe from "stripe";
import { createEmulator } from "../../emulator/index";
import { DEMO } from "../../emulator/seed/ids";
import type { HomePageProps } from "../../views/pages/home-page";
import { currentPeriodEnd } from "../../worker/billing/cancel-mode";
import {
  cancelEligibility,
  pauseEligibility,
  renewEligibility,
  resumeEligibility,
  updateEligibility,
} from "../../worker/billing/eligibility";
import { subscriptionNotices } from "../../worker/billing/subscription-state";
import type { InvoiceRow } from "../../worker/portal/invoices/types";
import type { SubscriptionSummary } from "../../worker/portal/subscriptions/summary";
import type { ConfigurationProduct, PortalConfiguration } from "../../worker/store/configuration-types";
import { buildDefaultConfiguration } from "../../worker/store/default-configuration";

/** The page props and the configuration they were built under. */
export interface HomeFixture {
  props: HomePageProps;
  configuration: PortalConfiguration;
}

const offered = (product: string, prices: string[]): ConfigurationProduct => ({
  product,
  prices,
  adjustable_quantity: { enabled: true, minimum: 1, maximum: 50 },
});

/** Everything on: what a merchant using the whole portal runs with. */
function fullConfiguration(nowSeconds: number): PortalConfiguration {
  const base = buildDefaultConfiguration(nowSeconds);
  const P = DEMO.prices;
  return {
    ...base,
    id: "bpc_bench",
    is_default: true,
    account: null,
    business_profile: {
      headline: "Demo Cloud partners with the portal for simple billing.",
      privacy_policy_url: "https://example.com/privacy",
      terms_of_service_url: "https://example.com/terms",
    },
    features: {
      ...base.features,
      customer_update: {
        enabled: true,
        allowed_updates: ["name", "email", "address", "shipping", "phone", "tax_id"],
      },
      subscription_pause: { enabled: true, duration: { type: "indefinite", interval_options: [] } },
      subscription_update: {
        ...base.features.subscription_update,
        enabled: true,
        default_allowed_updates: ["price", "quantity", "promotion_code"],
        proration_behavior: "create_prorations",
        products: [
          offered(DEMO.products.basic, [P.basicMonthly, P.basicYearly]),
          offered(DEMO.products.pro, [P.proMonthly, P.proYearly]),
          offered(DEMO.products.enterprise, [P.enterpriseMonthly, P.enterpriseYearly]),
        ],
      },
    },
  };
}

function invoiceRow(invoice: Stripe.Invoice): InvoiceRow {
  return {
    id: invoice.id,
    number: invoice.number,
    date: invoice.status_transitions?.finalized_at ?? invoice.created,
    total: invoice.total,
    amountRemaining: invoice.amount_remaining,
    currency: invoice.currency,
    status: invoice.status as InvoiceRow["status"],
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
  };
}

/** Builds the fixture from a freshly seeded in-process emulator. */
export async function homeFixture(): Promise<HomeFixture> {
  const emulator = createEmulator();
  const stripe = new Stripe("sk_test_emulator", {
    httpClient: Stripe.createFetchHttpClient(emulator.fetch),
    maxNetworkRetries: 0,
  });
  const configuration = fullConfiguration(Math.floor(Date.now() / 1000));
  const C = DEMO.customers;

  const summaries = await Promise.all(
    [C.monthly, C.trialing, C.pastDue].map(async (customer): Promise<SubscriptionSummary> => {
      const list = await stripe.subscriptions.list({
        customer,
        limit: 1,
        expand: ["data.items.data.price.product", "data.schedule", "data.latest_invoice"],
      });
      const sub = list.data[0];
      if (!sub) throw new Error(`${customer} has no subscription in the seed`);
      const preview = await stripe.invoices.createPreview({ customer, subscription: sub.id });
      const latest = sub.latest_invoice;
      return {
        subscription: sub,
        notices: subscriptionNotices(sub),
        scheduledPrice: null,
        next: {
          amount: preview.amount_due,
          currency: preview.currency,
          date: sub.status === "trialing" && sub.trial_end ? sub.trial_end : currentPeriodEnd(sub),
        },
        payUrl:
          sub.status === "past_due" && latest && typeof latest !== "string"
            ? (latest.hosted_invoice_url ?? null)
            : null,
        actions: {
          update: updateEligibility(sub, configuration),
          cancel: cancelEligibility(sub, configuration),
          pause: pauseEligibility(sub, configuration),
          resume: resumeEligibility(sub),
          renew: renewEligibility(sub),
        },
      };
    }),
  );

  const [many, single, customer, taxIds, invoices] = await Promise.all([
    stripe.customers.listPaymentMethods(C.manyMethods, { limit: 100 }),
    stripe.customers.listPaymentMethods(C.monthly, { limit: 100 }),
    stripe.customers.retrieve(C.taxIds),
    stripe.customers.listTaxIds(C.taxIds),
    stripe.invoices.list({ customer: C.taxIds, limit: 24 }),
  ]);
  if (customer.deleted) throw new Error(`${C.taxIds} is deleted in the seed`);
  const methods = [...many.data, ...single.data].slice(0, 4);
  const defaultPm = customer.invoice_settings?.default_payment_method;

  return {
    configuration,
    props: {
      customer: { name: customer.name ?? null, email: customer.email ?? null },
      subscriptions: summaries,
      paymentMethods: {
        methods,
        defaultPaymentMethodId: methods[0]?.id ?? (typeof defaultPm === "string" ? defaultPm : null),
        removeRefusal: null,
        overrideCount: 0,
      },
      billing: {
        customer: {
          name: customer.name,
          email: customer.email,
          phone: customer.phone,
          address: customer.address,
          shipping: customer.shipping,
        },
        taxIds: taxIds.data,
      },
      allowedUpdates: configuration.features.customer_update.allowed_updates,
      invoices: {
        invoices: invoices.data.filter((i) => i.status !== "draft").map(invoiceRow),
        olderCursor: invoices.has_more ? (invoices.data.at(-1)?.id ?? null) : null,
        newerCursor: null,
        canPay: true,
      },
      notice: null,
      csrfToken: "bench-csrf-token-0123456789abcdef",
      updateEnabled: true,
    },
  };
}
