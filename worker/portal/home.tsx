/**
 * `GET /p`: the portal home. A session in a deep-link flow goes straight to the flow's page.
 * Otherwise everything loads in one parallel wave: the customer, the subscriptions, and part
 * B's sections. Invoice previews need the subscription ids, so they chain onto the
 * subscription list inside that same wave and overlap the other sections' calls; only the
 * slower of the two chains is waited for.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { HomePage } from "../../views/pages/home-page";
import { currentPeriodEnd } from "../billing/cancel-mode";
import {
  cancelEligibility,
  isCancelScheduled,
  isPaused,
  pauseEligibility,
  renewEligibility,
  resumeEligibility,
  updateEligibility,
} from "../billing/eligibility";
import { listedSubscriptions, nextPhase, subscriptionNotices } from "../billing/subscription-state";
import type { AppEnv } from "../env";
import type { MessageKey } from "../lib/i18n";
import { retrieveCustomer } from "./billing-details/customer";
import { loadBillingDetails } from "./billing-details/load";
import { loadInvoices } from "./invoices/load";
import { flowEntryPath } from "./paths";
import { loadPaymentMethods } from "./payment-methods/load";
import { renderPortalPage } from "./render";
import { portalStripe } from "./stripe-call";
import type { SubscriptionSummary } from "./subscriptions/summary";

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

const LIST_EXPAND = ["data.items.data.price.product", "data.schedule", "data.latest_invoice"];

/** The next invoice of a subscription that will renew; null when it will not, or on failure. */
async function nextInvoice(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
): Promise<SubscriptionSummary["next"]> {
  if (isCancelScheduled(sub) || isPaused(sub) || sub.status === "incomplete") return null;
  const { stripe, read } = portalStripe(c);
  try {
    const preview = await stripe.invoices.createPreview(
      { customer: c.var.session.record.customer, subscription: sub.id },
      read,
    );
    const date = sub.status === "trialing" && sub.trial_end ? sub.trial_end : currentPeriodEnd(sub);
    return { amount: preview.amount_due, currency: preview.currency, date };
  } catch (err) {
    // A missing preview only hides one line of the card; the page still renders.
    console.warn("invoice preview failed", sub.id, err instanceof Error ? err.message : err);
    return null;
  }
}

/** The price a scheduled change moves to, expanded, when the schedule only names it. */
async function scheduledPrice(c: Context<AppEnv>, sub: Stripe.Subscription): Promise<Stripe.Price | null> {
  if (!sub.schedule || typeof sub.schedule === "string") return null;
  const price = nextPhase(sub.schedule)?.items[0]?.price;
  if (!price) return null;
  if (typeof price !== "string") return price.deleted ? null : price;
  const { stripe, read } = portalStripe(c);
  try {
    return await stripe.prices.retrieve(price, { expand: ["product"] }, read);
  } catch {
    return null;
  }
}

async function summarize(c: Context<AppEnv>, sub: Stripe.Subscription): Promise<SubscriptionSummary> {
  const config = c.var.configuration;
  const [next, changeTo] = await Promise.all([nextInvoice(c, sub), scheduledPrice(c, sub)]);
  const latest = sub.latest_invoice;
  const payUrl =
    (sub.status === "past_due" || sub.status === "unpaid") &&
    latest &&
    typeof latest !== "string" &&
    latest.status === "open"
      ? (latest.hosted_invoice_url ?? null)
      : null;
  return {
    subscription: sub,
    notices: subscriptionNotices(sub),
    scheduledPrice: changeTo,
    next,
    payUrl,
    actions: {
      update: updateEligibility(sub, config),
      cancel: cancelEligibility(sub, config),
      pause: pauseEligibility(sub, config),
      resume: resumeEligibility(sub),
      renew: renewEligibility(sub),
    },
  };
}

async function loadSubscriptions(c: Context<AppEnv>): Promise<SubscriptionSummary[]> {
  const { stripe, read } = portalStripe(c);
  const { customer, onBehalfOf } = c.var.session.record;
  const list = await stripe.subscriptions.list(
    { customer, status: "all", limit: 100, expand: LIST_EXPAND },
    read,
  );
  return Promise.all(listedSubscriptions(list.data, onBehalfOf).map((sub) => summarize(c, sub)));
}

/** Home page handler. */
export async function homePage(c: Context<AppEnv>): Promise<Response> {
  const flow = c.var.session.record.flow;
  if (flow) return c.redirect(flowEntryPath(flow), 303);
  const features = c.var.configuration.features;
  const none = Promise.resolve(null);
  const [customer, subscriptions, paymentMethods, billing, invoices] = await Promise.all([
    retrieveCustomer(c),
    loadSubscriptions(c),
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
