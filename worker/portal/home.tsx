/**
 * `GET /p`: the portal home. A session in a deep-link flow goes straight to the flow's page.
 * Otherwise everything loads in one parallel wave: the customer, the subscriptions (listed once
 * for the cards and the payment methods section), the cards' invoice previews and scheduled
 * prices (from the session's guesses, see home-subscriptions.ts), and part B's sections.
 */
import type { Context } from "hono";
import { HomePage } from "../../views/pages/home-page";
import type { AppEnv } from "../env";
import type { MessageKey } from "../lib/i18n";
import { retrieveCustomer } from "./billing-details/customer";
import { loadBillingDetails } from "./billing-details/load";
import { loadSubscriptionSummaries } from "./home-subscriptions";
import { loadInvoices } from "./invoices/load";
import { flowEntryPath } from "./paths";
import { loadPaymentMethods } from "./payment-methods/load";
import { renderPortalPage } from "./render";

const NOTICES: Record<string, MessageKey> = {
  plan_updated: "home.notices.plan_updated",
  plan_change_scheduled: "home.notices.plan_change_scheduled",
  canceled: "home.notices.canceled",
  cancel_scheduled: "home.notices.cancel_scheduled",
  renewed: "home.notices.renewed",
  paused: "home.notices.paused",
  resumed: "home.notices.resumed",
  retention_accepted: "home.notices.retention_accepted",
  payment_method_added: "home.notices.payment_method_added",
  customer_updated: "home.notices.customer_updated",
};

/** Home page handler. */
export async function homePage(c: Context<AppEnv>): Promise<Response> {
  const flow = c.var.session.record.flow;
  if (flow) return c.redirect(flowEntryPath(flow), 303);
  const features = c.var.configuration.features;
  const none = Promise.resolve(null);
  const [customer, subscriptions, paymentMethods, billing, invoices] = await Promise.all([
    retrieveCustomer(c),
    loadSubscriptionSummaries(c),
    features.payment_method_update.enabled ? loadPaymentMethods(c) : none,
    features.customer_update.enabled ? loadBillingDetails(c) : none,
    features.invoice_history.enabled ? loadInvoices(c) : none,
  ]);
  const noticeName = c.req.query("notice") ?? "";
  // Own keys only: `?notice=constructor` must not reach Object.prototype.
  const notice = Object.hasOwn(NOTICES, noticeName) ? (NOTICES[noticeName] ?? null) : null;
  return renderPortalPage(
    c,
    <HomePage
      customer={{ name: customer.name ?? null, email: customer.email ?? null }}
      subscriptions={subscriptions}
      paymentMethods={paymentMethods}
      billing={billing}
      allowedUpdates={features.customer_update.enabled ? features.customer_update.allowed_updates : []}
      invoices={invoices}
      notice={notice}
      updateEnabled={features.subscription_update.enabled}
      csrfToken={c.var.session.record.csrfToken}
    />,
    { title: c.var.t("home.title") },
  );
}
