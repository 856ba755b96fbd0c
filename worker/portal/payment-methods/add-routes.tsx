/**
 * Adding a payment method: the add page (also the `payment_method_update` flow's page), the
 * POST that sends the customer to Stripe Checkout in setup mode, and the return from Checkout
 * that makes the new method the default. Mounted by `routes.tsx` behind its guard.
 */
import { type Context, Hono } from "hono";
import type Stripe from "stripe";
import { AddPaymentMethodPage } from "../../../views/pages/payment-methods/add-payment-method-page";
import { setupCurrency } from "../../billing/payment-method-rules";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { retrieveCustomer } from "../billing-details/customer";
import { listCustomerSubscriptions } from "../customer-subscriptions";
import { completeFlow } from "../flow-completion";
import { idempotencyKeyFor, runOnce } from "../idempotency";
import { PAYMENT_METHOD_ADD_PATH } from "../paths";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { CLEAR_OVERRIDES_PARAM, checkoutSetupParams, isCheckoutSessionId, setupOutcome } from "./checkout";
import { badForm, readPortalForm } from "./form-request";
import { subscriptionsWithOverride } from "./load";
import { classifyStripeError, isNotFound } from "./stripe-errors";

export const addPaymentMethodRoutes = new Hono<AppEnv>();

const BASE = "/p/payment-methods";

async function renderAdd(c: Context<AppEnv>, status: 200 | 409 | 502, error: MessageKey | null = null) {
  const subscriptions = await listCustomerSubscriptions(c);
  const overrideCount = subscriptionsWithOverride(subscriptions, c.var.session.record.onBehalfOf).length;
  return renderPortalPage(
    c,
    <AddPaymentMethodPage
      csrfToken={c.var.session.record.csrfToken}
      overrideCount={overrideCount}
      inFlow={inFlow(c)}
      error={error}
    />,
    { title: c.var.t("payment_methods.add_title"), status },
  );
}

addPaymentMethodRoutes.get("/add", (c) => renderAdd(c, 200));

addPaymentMethodRoutes.post("/add", async (c) => {
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const { stripe, write } = portalStripe(c);
  return runOnce(c, "pm-add", form.submission, async (keys) => {
    const [customer, subscriptions] = await Promise.all([retrieveCustomer(c), listCustomerSubscriptions(c)]);
    const params = checkoutSetupParams({
      record: c.var.session.record,
      configuration: c.var.configuration,
      origin: new URL(c.req.url).origin,
      currency: setupCurrency(subscriptions, customer.currency),
      locale: c.var.locale,
      clearOverrides: form.body.clear_overrides === "1",
      cancelPath: inFlow(c) ? PAYMENT_METHOD_ADD_PATH : BASE,
    });
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create(params, write(await keys.key()));
    } catch (err) {
      classifyStripeError(err);
      return renderAdd(c, 502, "payment_methods.errors.checkout_unavailable");
    }
    if (!session.url) return renderAdd(c, 502, "payment_methods.errors.checkout_unavailable");
    return c.redirect(session.url, 303);
  });
});

/**
 * Back from Checkout. A GET (Checkout redirects), so the writes are keyed by the Checkout
 * Session: reloading the page repeats nothing.
 */
addPaymentMethodRoutes.get("/added", async (c) => {
  const checkoutId = c.req.query("session_id");
  if (!isCheckoutSessionId(checkoutId)) return c.notFound();
  const { record } = c.var.session;
  const { stripe, read, write } = portalStripe(c);
  const clearOverrides = c.req.query(CLEAR_OVERRIDES_PARAM) === "1";
  // One wave: the Checkout Session and, when overrides are to be cleared, the subscriptions.
  let session: Stripe.Checkout.Session;
  let subscriptions: Stripe.Subscription[];
  try {
    [session, subscriptions] = await Promise.all([
      stripe.checkout.sessions.retrieve(checkoutId, { expand: ["setup_intent"] }, read),
      clearOverrides ? listCustomerSubscriptions(c) : Promise.resolve([]),
    ]);
  } catch (err) {
    if (isNotFound(err)) return c.notFound();
    throw err;
  }
  const outcome = setupOutcome(session, record.customer);
  if (!outcome.ok && outcome.reason === "foreign") return c.notFound();
  if (!outcome.ok) return renderAdd(c, 409, "payment_methods.errors.setup_incomplete");
  const key = (step: string) => idempotencyKeyFor(record.id, "pm-added", checkoutId, step);
  const overridden = subscriptionsWithOverride(subscriptions, record.onBehalfOf);
  try {
    await Promise.all([
      stripe.customers.update(
        record.customer,
        { invoice_settings: { default_payment_method: outcome.paymentMethod } },
        write(await key("default")),
      ),
      // Clearing the override lets each subscription charge the customer's (new) default.
      ...overridden.map(async (s) =>
        stripe.subscriptions.update(s.id, { default_payment_method: "" }, write(await key(`clear:${s.id}`))),
      ),
    ]);
  } catch (err) {
    classifyStripeError(err);
    return renderAdd(c, 502, "payment_methods.errors.stripe_unavailable");
  }
  if (record.flow?.type === "payment_method_update") return completeFlow(c, "payment_method_added");
  return c.redirect(`${BASE}?notice=added`, 303);
});
