/**
 * Billing details routes under `/p/billing`: the form (per `customer_update.allowed_updates`;
 * also the `customer_update` flow's page) and the tax IDs. A rejected form comes back with
 * the customer's input and a message per field; nothing is sent to Stripe until it checks out.
 */
import { type Context, Hono } from "hono";
import {
  BillingDetailsPage,
  type BillingDetailsPageProps,
} from "../../../views/pages/billing-details/billing-details-page";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { completeFlow } from "../flow-completion";
import { runOnce } from "../idempotency";
import { BILLING_DETAILS_PATH } from "../paths";
import { badForm, readPortalForm } from "../payment-methods/form-request";
import { classifyStripeError, isNotFound } from "../payment-methods/stripe-errors";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import {
  type BillingFormError,
  customerUpdateParams,
  editableFields,
  validateBillingForm,
  valuesFromBody,
  valuesFromCustomer,
} from "./form";
import { loadBillingDetails } from "./load";
import { checkTaxIdForm, taxIdValuesFromBody } from "./tax-id-form";

export const billingDetailsRoutes = new Hono<AppEnv>();

const BASE = BILLING_DETAILS_PATH;
const TAX_ID = /^txi_[A-Za-z0-9]{1,250}$/;

const NOTICES: Record<string, MessageKey> = {
  saved: "billing.notices.saved",
  tax_id_added: "tax_ids.notices.added",
  tax_id_removed: "tax_ids.notices.removed",
};

/** The feature is off, or the session is in a flow about something else: nothing here exists. */
billingDetailsRoutes.use(async (c, next) => {
  if (!c.var.configuration.features.customer_update.enabled) return c.notFound();
  const flow = c.var.session.record.flow;
  if (flow && flow.type !== "customer_update") return c.notFound();
  await next();
});

function taxIdsEditable(c: Context<AppEnv>): boolean {
  return c.var.configuration.features.customer_update.allowed_updates.includes("tax_id");
}

type Overrides = Partial<
  Pick<BillingDetailsPageProps, "values" | "errors" | "taxIdValues" | "taxIdErrors" | "error">
>;

/** Renders the page from Stripe's data, with a failed submission's input and errors on top. */
async function renderBilling(c: Context<AppEnv>, status: 200 | 409 | 422 | 502, overrides: Overrides = {}) {
  const data = await loadBillingDetails(c);
  const editable = [...editableFields(c.var.configuration.features.customer_update)];
  const noticeName = c.req.query("notice") ?? "";
  // Own keys only: `?notice=constructor` must not reach Object.prototype.
  const notice = status === 200 && Object.hasOwn(NOTICES, noticeName) ? (NOTICES[noticeName] ?? null) : null;
  return renderPortalPage(
    c,
    <BillingDetailsPage
      data={data}
      editable={editable}
      taxIdsEditable={taxIdsEditable(c)}
      values={overrides.values ?? valuesFromCustomer(data.customer)}
      errors={overrides.errors ?? []}
      taxIdValues={overrides.taxIdValues ?? { type: "", value: "" }}
      taxIdErrors={overrides.taxIdErrors ?? []}
      csrfToken={c.var.session.record.csrfToken}
      inFlow={inFlow(c)}
      notice={notice}
      error={overrides.error ?? null}
    />,
    { title: c.var.t("billing.title"), status },
  );
}

/** Stripe's `param` for a customer update, as the form field it came from. */
function fieldOfParam(param: string | undefined): string | null {
  if (!param) return null;
  const match = /^(name|email|phone)$|^(address|shipping)\[(?:address\]\[)?(\w+)\]$/.exec(param);
  if (!match) return null;
  return match[1] ?? `${match[2]}_${match[3]}`;
}

billingDetailsRoutes.get("/", (c) => renderBilling(c, 200));

billingDetailsRoutes.post("/", async (c) => {
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const editable = editableFields(c.var.configuration.features.customer_update);
  const values = valuesFromBody(form.body);
  const errors = validateBillingForm(values, editable);
  if (errors.length > 0) return renderBilling(c, 422, { values, errors });
  const { stripe, write } = portalStripe(c);
  return runOnce(c, "billing-save", form.submission, async (keys) => {
    try {
      await stripe.customers.update(
        c.var.session.record.customer,
        customerUpdateParams(values, editable),
        write(await keys.key()),
      );
    } catch (err) {
      const failure = classifyStripeError(err);
      if (failure.kind !== "invalid")
        return renderBilling(c, 502, { values, error: "billing.errors.stripe_unavailable" });
      const field = fieldOfParam(failure.param);
      const fieldErrors: BillingFormError[] = field
        ? [{ field, message: "billing.errors.stripe_rejected" }]
        : [];
      return renderBilling(c, 422, {
        values,
        errors: fieldErrors,
        ...(field ? {} : { error: "billing.errors.stripe_rejected" as const }),
      });
    }
    if (c.var.session.record.flow?.type === "customer_update") return completeFlow(c, "customer_updated");
    return c.redirect(`${BASE}?notice=saved`, 303);
  });
});

billingDetailsRoutes.post("/tax-ids", async (c) => {
  if (!taxIdsEditable(c)) return c.notFound();
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  const taxIdValues = taxIdValuesFromBody(form.body);
  const checked = checkTaxIdForm(taxIdValues);
  if (!checked.ok) return renderBilling(c, 422, { taxIdValues, taxIdErrors: [checked.error] });
  const { stripe, write } = portalStripe(c);
  return runOnce(c, "tax-id-add", form.submission, async (keys) => {
    try {
      await stripe.customers.createTaxId(
        c.var.session.record.customer,
        { type: checked.type, value: checked.value },
        write(await keys.key()),
      );
    } catch (err) {
      const failure = classifyStripeError(err);
      if (failure.kind !== "invalid")
        return renderBilling(c, 502, { taxIdValues, error: "tax_ids.errors.stripe_unavailable" });
      const message: MessageKey =
        failure.code === "customer_max_tax_ids"
          ? "tax_ids.errors.limit_reached"
          : "tax_ids.errors.stripe_invalid";
      return renderBilling(c, 422, { taxIdValues, taxIdErrors: [{ field: "tax_id_value", message }] });
    }
    return c.redirect(`${BASE}?notice=tax_id_added`, 303);
  });
});

billingDetailsRoutes.post("/tax-ids/:id/remove", async (c) => {
  const id = c.req.param("id");
  if (!taxIdsEditable(c) || !TAX_ID.test(id)) return c.notFound();
  const { stripe, read, write } = portalStripe(c);
  const customer = c.var.session.record.customer;
  // Retrieving through the customer's path is the ownership check: another customer's tax ID
  // (or another account's) is "no such tax ID".
  try {
    await stripe.customers.retrieveTaxId(customer, id, {}, read);
  } catch (err) {
    if (isNotFound(err)) return c.notFound();
    throw err;
  }
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `tax-id-remove:${id}`, form.submission, async (keys) => {
    try {
      await stripe.customers.deleteTaxId(customer, id, {}, write(await keys.key()));
    } catch (err) {
      if (isNotFound(err)) return c.notFound();
      classifyStripeError(err);
      return renderBilling(c, 502, { error: "tax_ids.errors.stripe_unavailable" });
    }
    return c.redirect(`${BASE}?notice=tax_id_removed`, 303);
  });
});
