import type Stripe from "stripe";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidParam, parameterMissing, resourceMissing } from "../core/errors";
import { paginate } from "../core/list";
import {
  checkParams,
  hash,
  mergeMetadata,
  oneOf,
  type Params,
  requireStr,
  str,
  strList,
} from "../core/params";
import type { WCheckoutSession } from "../core/wire";
import { readOnBehalfOf } from "./on-behalf-of";
import { newSetupIntent, typesForCurrency } from "./setup-intents";

/** Open sessions past `expires_at` become `expired`, as Stripe expires them. */
export function refreshSession(ctx: Ctx, session: WCheckoutSession): WCheckoutSession {
  if (session.status === "open" && session.expires_at <= ctx.ts()) {
    session.status = "expired";
    session.url = null;
  }
  return session;
}

const PMC_ID = /^pmc_[A-Za-z0-9]+$/;

/**
 * Reads `payment_method_configuration` (a `pmc_…` id). The emulator keeps no configurations, so
 * any well-formed id is taken and echoed in `payment_method_configuration_details`; anything
 * else is unknown to Stripe, and `""` cannot unset a parameter that has no value to unset.
 */
function readConfiguration(params: Params): string | null {
  const value = str(params, "payment_method_configuration");
  if (value === undefined) return null;
  if (value === "") {
    throw invalidParam(
      "payment_method_configuration",
      "You passed an empty string for 'payment_method_configuration'. We assume empty values are an attempt to unset a parameter; however 'payment_method_configuration' cannot be unset. You should remove 'payment_method_configuration' from your request or supply a non-empty value.",
    );
  }
  if (!PMC_ID.test(value))
    throw resourceMissing("payment_method_configuration", value, "payment_method_configuration");
  return value;
}

function createSession(ctx: Ctx): WCheckoutSession {
  const mode = oneOf(ctx.params, "mode", ["payment", "setup", "subscription"] as const);
  if (!mode) throw parameterMissing("mode");
  if (mode !== "setup") {
    throw invalidParam("mode", "The emulator's Checkout supports mode=setup only.");
  }
  const customer = str(ctx.params, "customer");
  if (customer) ctx.account.require("customer", customer, "customer");
  const successUrl = requireStr(ctx.params, "success_url");
  for (const [key, url] of [
    ["success_url", successUrl],
    ["cancel_url", str(ctx.params, "cancel_url")],
  ] as const) {
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
      throw invalidParam(key, `Not a valid URL`, "url_invalid");
  }
  const currency = str(ctx.params, "currency")?.toLowerCase() ?? null;
  // `allowed_payment_method_types` is the current name; older API versions sent `payment_method_types`.
  const allowed = strList(ctx.params, "allowed_payment_method_types");
  const explicitTypes = allowed ?? strList(ctx.params, "payment_method_types");
  if (!explicitTypes && !currency) {
    throw invalidParam(
      "currency",
      "You must provide `currency` in setup mode when `allowed_payment_method_types` is not set.",
      "parameter_missing",
    );
  }
  const types = explicitTypes ?? typesForCurrency(currency);
  const pmc = readConfiguration(ctx.params);
  const pmcDetails = pmc ? { id: pmc, parent: null } : null;
  const intentData = hash(ctx.params, "setup_intent_data") ?? {};
  const onBehalfOf = readOnBehalfOf(ctx, intentData, "setup_intent_data[on_behalf_of]") ?? null;
  const intent = newSetupIntent(ctx, { customer: customer ?? null, payment_method_types: types });
  intent.metadata = mergeMetadata({}, intentData);
  intent.description = str(intentData, "description", "setup_intent_data[description]") || null;
  intent.on_behalf_of = onBehalfOf;
  intent.payment_method_configuration_details = pmcDetails;
  ctx.account.put(intent);
  const id = `cs_test_${ctx.state.ids.chars(58)}`;
  const session: WCheckoutSession = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: allowed ?? null,
    amount_subtotal: null,
    amount_total: null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: str(ctx.params, "cancel_url") ?? null,
    client_reference_id: str(ctx.params, "client_reference_id") ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: ctx.ts(),
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: customer ?? null,
    customer_account: null,
    customer_creation: null,
    customer_details: null,
    customer_email: null,
    discounts: null,
    expires_at: ctx.ts() + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: (str(ctx.params, "locale") as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: null,
    metadata: mergeMetadata({}, ctx.params),
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: pmcDetails,
    payment_method_options: {},
    payment_method_types: types,
    payment_status: "no_payment_required",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: intent.id,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: null,
    ui_mode: "hosted",
    url: `${ctx.publicOrigin}/checkout/${id}`,
    wallet_options: null,
  };
  return ctx.account.put(session);
}

/** Checkout Sessions in setup mode: create, retrieve, list, expire. */
export function registerCheckoutSessions(api: Api): void {
  api.post("/v1/checkout/sessions", (ctx) => {
    checkParams(ctx.params, {
      mode: true,
      customer: true,
      currency: true,
      payment_method_types: [true],
      allowed_payment_method_types: [true],
      success_url: true,
      cancel_url: true,
      client_reference_id: true,
      locale: true,
      metadata: "map",
      setup_intent_data: { metadata: "map", description: true, on_behalf_of: true },
      payment_method_configuration: true,
      ui_mode: true,
    });
    return createSession(ctx);
  });

  api.get("/v1/checkout/sessions/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return refreshSession(ctx, ctx.account.require<WCheckoutSession>("checkout.session", id));
  });

  api.get("/v1/checkout/sessions", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      customer: true,
      setup_intent: true,
      status: true,
    });
    const customer = str(ctx.params, "customer");
    const intent = str(ctx.params, "setup_intent");
    const sessions = ctx.account
      .all<WCheckoutSession>("checkout.session")
      .map((s) => refreshSession(ctx, s))
      .filter(
        (s) =>
          (customer === undefined || s.customer === customer) &&
          (intent === undefined || s.setup_intent === intent),
      );
    return paginate(ctx, sessions, "/v1/checkout/sessions", "checkout.session");
  });

  api.post("/v1/checkout/sessions/:id/expire", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    const session = refreshSession(ctx, ctx.account.require<WCheckoutSession>("checkout.session", id));
    if (session.status !== "open") {
      throw invalidParam(
        "session",
        `Only Checkout Sessions with a status in ["open"] can be expired.`,
        "checkout_session_unexpected_state",
      );
    }
    session.status = "expired";
    session.url = null;
    return session;
  });
}
