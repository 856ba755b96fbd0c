/**
 * Invoice history routes under `/p/invoices`: the paginated list and paying an open invoice
 * with the customer's default payment method.
 */
import { type Context, Hono } from "hono";
import type Stripe from "stripe";
import { InvoicesPage } from "../../../views/pages/invoices/invoices-page";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { idOf, retrieveCustomer } from "../billing-details/customer";
import { runOnce, type SubmissionKeys } from "../idempotency";
import { badForm, readPortalForm } from "../payment-methods/form-request";
import { classifyStripeError, isNotFound, type StripeFailure } from "../payment-methods/stripe-errors";
import { startAuthentication } from "../payments/authenticate";
import { invoiceIntentId, retrieveInvoiceWithPayments } from "../payments/intent";
import { renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { isInvoiceId, loadInvoices, visibleInvoice } from "./load";

export const invoiceRoutes = new Hono<AppEnv>();

const BASE = "/p/invoices";

const PAY_ERRORS: Record<Exclude<StripeFailure, "not_found">, MessageKey> = {
  declined: "invoices.errors.card_declined",
  requires_action: "invoices.errors.requires_action",
  invalid: "invoices.errors.payment_failed",
  unavailable: "invoices.errors.stripe_unavailable",
};

/** The feature is off, or the session is in a flow: the history is not part of any flow. */
invoiceRoutes.use(async (c, next) => {
  if (!c.var.configuration.features.invoice_history.enabled) return c.notFound();
  if (c.var.session.record.flow) return c.notFound();
  await next();
});

/** The invoice history page, with an error when an action on it failed. */
export async function renderInvoices(
  c: Context<AppEnv>,
  status: 200 | 409 | 422 | 502,
  error: MessageKey | null = null,
) {
  const data = await loadInvoices(c, { after: c.req.query("after"), before: c.req.query("before") });
  const notice = status === 200 && c.req.query("notice") === "paid" ? "invoices.notices.paid" : null;
  return renderPortalPage(
    c,
    <InvoicesPage
      data={data}
      csrfToken={c.var.session.record.csrfToken}
      inFlow={false}
      notice={notice}
      error={error}
    />,
    { title: c.var.t("invoices.title"), status },
  );
}

invoiceRoutes.get("/", (c) => renderInvoices(c, 200));

/** The session's invoice with this id, or null (malformed, missing, foreign, other on_behalf_of). */
async function ownedInvoice(c: Context<AppEnv>, id: string): Promise<Stripe.Invoice | null> {
  if (!isInvoiceId(id)) return null;
  const { stripe, read } = portalStripe(c);
  const { customer, onBehalfOf } = c.var.session.record;
  try {
    const invoice = await stripe.invoices.retrieve(id, {}, read);
    return idOf(invoice.customer) === customer && visibleInvoice(invoice, onBehalfOf) ? invoice : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Where a paid invoice leads: the history with a thank-you notice. */
export const PAID = `${BASE}?notice=paid`;

/**
 * The bank wants the customer to confirm the payment (3-D Secure): off to its page, back on
 * `/p/payments/return`, which shows the history paid or with the failure.
 */
async function authenticatePayment(
  c: Context<AppEnv>,
  invoiceId: string,
  paymentMethod: string,
  keys: SubmissionKeys,
): Promise<Response> {
  let intentId: string | null;
  try {
    intentId = invoiceIntentId(await retrieveInvoiceWithPayments(c, invoiceId));
  } catch (err) {
    const failure = classifyStripeError(err);
    return renderInvoices(c, failure.kind === "unavailable" ? 502 : 422, PAY_ERRORS.requires_action);
  }
  if (!intentId) return renderInvoices(c, 422, PAY_ERRORS.requires_action);
  const start = await startAuthentication(c, {
    intentId,
    paymentMethod,
    keys,
    record: { purpose: "invoice_pay", invoice: invoiceId, subscription: null, retry: BASE },
  });
  switch (start.kind) {
    case "redirect":
      return start.response;
    case "succeeded":
      return c.redirect(PAID, 303);
    case "declined":
      return renderInvoices(c, 422, PAY_ERRORS.declined);
    case "refused":
      return renderInvoices(c, 422, PAY_ERRORS.requires_action);
    case "unavailable":
      return renderInvoices(c, 502, PAY_ERRORS.unavailable);
  }
}

invoiceRoutes.post("/:id/pay", async (c) => {
  const [invoice, customer] = await Promise.all([ownedInvoice(c, c.req.param("id")), retrieveCustomer(c)]);
  if (!invoice) return c.notFound();
  if (invoice.status !== "open") return renderInvoices(c, 409, "invoices.errors.not_payable");
  const paymentMethod = idOf(customer.invoice_settings?.default_payment_method);
  if (!paymentMethod) return renderInvoices(c, 409, "invoices.errors.no_payment_method");
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const { stripe, write } = portalStripe(c);
  return runOnce(c, `invoice-pay:${invoice.id}`, form.submission, async (keys) => {
    try {
      await stripe.invoices.pay(invoice.id, { payment_method: paymentMethod }, write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      if (failure.kind === "not_found") return c.notFound();
      if (failure.kind === "requires_action") return authenticatePayment(c, invoice.id, paymentMethod, keys);
      return renderInvoices(c, failure.kind === "unavailable" ? 502 : 422, PAY_ERRORS[failure.kind]);
    }
    return c.redirect(PAID, 303);
  });
});
