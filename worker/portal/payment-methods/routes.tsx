/**
 * Payment method routes under `/p/payment-methods`: the list, add (through Checkout in setup
 * mode, also the `payment_method_update` flow's page), the return from Checkout, set default
 * and remove. Every id from the URL is checked against the session's customer before use.
 */
import { type Context, Hono } from "hono";
import type Stripe from "stripe";
import { AddPaymentMethodPage } from "../../../views/pages/payment-methods/add-payment-method-page";
import { PaymentMethodsPage } from "../../../views/pages/payment-methods/payment-methods-page";
import { RemovePaymentMethodPage } from "../../../views/pages/payment-methods/remove-payment-method-page";
import { mayRemovePaymentMethod, setupCurrency } from "../../billing/payment-method-rules";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { idOf, retrieveCustomer } from "../billing-details/customer";
import { completeFlow } from "../flow-completion";
import { idempotencyKeyFor, runOnce } from "../idempotency";
import { PAYMENT_METHOD_ADD_PATH } from "../paths";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import {
  CLEAR_OVERRIDES_PARAM,
  checkoutSetupParams,
  isCheckoutSessionId,
  RETURN_PATH,
  setupOutcome,
} from "./checkout";
import { badForm, readPortalForm } from "./form-request";
import { listCustomerSubscriptions, loadPaymentMethods, subscriptionsWithOverride } from "./load";
import { classifyStripeError, isNotFound } from "./stripe-errors";

export const paymentMethodRoutes = new Hono<AppEnv>();

const BASE = "/p/payment-methods";
const ADD_PATH = PAYMENT_METHOD_ADD_PATH;
const PAYMENT_METHOD_ID = /^pm_[A-Za-z0-9]{1,250}$/;

const NOTICES: Record<string, MessageKey> = {
  added: "payment_methods.notices.added",
  default_set: "payment_methods.notices.default_set",
  removed: "payment_methods.notices.removed",
};

/** The feature is off, or the session is in a flow about something else: nothing here exists. */
paymentMethodRoutes.use(async (c, next) => {
  if (!c.var.configuration.features.payment_method_update.enabled) return c.notFound();
  const flow = c.var.session.record.flow;
  if (flow && flow.type !== "payment_method_update") return c.notFound();
  // Inside the flow only adding a method is on offer.
  if (flow && !c.req.path.startsWith(ADD_PATH) && c.req.path !== RETURN_PATH)
    return c.redirect(ADD_PATH, 303);
  await next();
});

async function renderList(c: Context<AppEnv>, status: 200 | 409 | 502, error: MessageKey | null = null) {
  const data = await loadPaymentMethods(c);
  const notice = NOTICES[c.req.query("notice") ?? ""] ?? null;
  return renderPortalPage(
    c,
    <PaymentMethodsPage
      data={data}
      csrfToken={c.var.session.record.csrfToken}
      inFlow={inFlow(c)}
      notice={status === 200 ? notice : null}
      error={error}
    />,
    { title: c.var.t("payment_methods.title"), status },
  );
}

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

paymentMethodRoutes.get("/", (c) => renderList(c, 200));

paymentMethodRoutes.get("/add", (c) => renderAdd(c, 200));

paymentMethodRoutes.post("/add", async (c) => {
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
      cancelPath: inFlow(c) ? ADD_PATH : BASE,
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
paymentMethodRoutes.get("/added", async (c) => {
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

/** The customer's method with this id, or null (malformed, missing, another customer's). */
async function ownedPaymentMethod(c: Context<AppEnv>, id: string): Promise<Stripe.PaymentMethod | null> {
  if (!PAYMENT_METHOD_ID.test(id)) return null;
  const { stripe, read } = portalStripe(c);
  try {
    const pm = await stripe.paymentMethods.retrieve(id, {}, read);
    return idOf(pm.customer) === c.var.session.record.customer ? pm : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

paymentMethodRoutes.post("/:id/default", async (c) => {
  const pm = await ownedPaymentMethod(c, c.req.param("id"));
  if (!pm) return c.notFound();
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const { stripe, write } = portalStripe(c);
  return runOnce(c, `pm-default:${pm.id}`, form.submission, async (keys) => {
    try {
      await stripe.customers.update(
        c.var.session.record.customer,
        { invoice_settings: { default_payment_method: pm.id } },
        write(await keys.key()),
      );
    } catch (err) {
      classifyStripeError(err);
      return renderList(c, 502, "payment_methods.errors.stripe_unavailable");
    }
    return c.redirect(`${BASE}?notice=default_set`, 303);
  });
});

/** The remove rule for this customer now: counts their methods and reads their subscriptions. */
async function removeRefusal(c: Context<AppEnv>) {
  const { stripe, read } = portalStripe(c);
  const [methods, subscriptions] = await Promise.all([
    stripe.customers.listPaymentMethods(c.var.session.record.customer, { limit: 100 }, read),
    listCustomerSubscriptions(c),
  ]);
  return mayRemovePaymentMethod({ methodCount: methods.data.length, subscriptions });
}

paymentMethodRoutes.get("/:id/remove", async (c) => {
  const [pm, refusal] = await Promise.all([ownedPaymentMethod(c, c.req.param("id")), removeRefusal(c)]);
  if (!pm) return c.notFound();
  return renderPortalPage(
    c,
    <RemovePaymentMethodPage
      paymentMethod={pm}
      refusal={refusal}
      csrfToken={c.var.session.record.csrfToken}
    />,
    { title: c.var.t("payment_methods.remove_title") },
  );
});

paymentMethodRoutes.post("/:id/remove", async (c) => {
  const [pm, refusal] = await Promise.all([ownedPaymentMethod(c, c.req.param("id")), removeRefusal(c)]);
  if (!pm) return c.notFound();
  const page = (status: 409 | 502, error: MessageKey | null) =>
    renderPortalPage(
      c,
      <RemovePaymentMethodPage
        paymentMethod={pm}
        refusal={refusal}
        error={error}
        csrfToken={c.var.session.record.csrfToken}
      />,
      { title: c.var.t("payment_methods.remove_title"), status },
    );
  // The rule is checked again here: the page may be stale, or the POST crafted.
  if (refusal) return page(409, null);
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const { stripe, write } = portalStripe(c);
  return runOnce(c, `pm-remove:${pm.id}`, form.submission, async (keys) => {
    try {
      await stripe.paymentMethods.detach(pm.id, {}, write(await keys.key()));
    } catch (err) {
      classifyStripeError(err);
      return page(502, "payment_methods.errors.stripe_unavailable");
    }
    return c.redirect(`${BASE}?notice=removed`, 303);
  });
});
