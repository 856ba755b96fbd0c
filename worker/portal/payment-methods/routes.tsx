/**
 * Payment method routes under `/p/payment-methods`: the list, set default and remove, with
 * adding mounted from `add-routes.tsx`. Every id from the URL is checked against the session's
 * customer before use.
 */
import { type Context, Hono } from "hono";
import type Stripe from "stripe";
import { PaymentMethodsPage } from "../../../views/pages/payment-methods/payment-methods-page";
import { RemovePaymentMethodPage } from "../../../views/pages/payment-methods/remove-payment-method-page";
import { mayRemovePaymentMethod } from "../../billing/payment-method-rules";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { idOf } from "../billing-details/customer";
import { listCustomerSubscriptions } from "../customer-subscriptions";
import { runOnce } from "../idempotency";
import { PAYMENT_METHOD_ADD_PATH } from "../paths";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { addPaymentMethodRoutes } from "./add-routes";
import { RETURN_PATH } from "./checkout";
import { badForm, readPortalForm } from "./form-request";
import { loadPaymentMethods } from "./load";
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
  const noticeName = c.req.query("notice") ?? "";
  // Own keys only: `?notice=constructor` must not reach Object.prototype.
  const notice = Object.hasOwn(NOTICES, noticeName) ? (NOTICES[noticeName] ?? null) : null;
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

paymentMethodRoutes.get("/", (c) => renderList(c, 200));
paymentMethodRoutes.route("/", addPaymentMethodRoutes);

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
