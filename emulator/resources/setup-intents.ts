import type Stripe from "stripe";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidRequest } from "../core/errors";
import { paginate } from "../core/list";
import { bool, checkParams, mergeMetadata, oneOf, str, strList } from "../core/params";
import { attachPaymentMethod } from "./payment-methods";

/** Payment method types Checkout offers in setup mode for a currency (dynamic payment methods). */
export function typesForCurrency(currency: string | null): string[] {
  if (currency === "eur") return ["card", "sepa_debit"];
  if (currency === "usd") return ["card", "us_bank_account"];
  return ["card"];
}

/** A SetupIntent awaiting a payment method. */
export function newSetupIntent(
  ctx: Ctx,
  fields: { customer: string | null; payment_method_types: string[]; usage?: string },
): Stripe.SetupIntent {
  const id = ctx.state.ids.id("seti");
  return {
    id,
    object: "setup_intent",
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${ctx.state.ids.chars(24)}`,
    created: ctx.ts(),
    customer: fields.customer,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: fields.payment_method_types,
    single_use_mandate: null,
    status: "requires_payment_method",
    usage: fields.usage ?? "off_session",
  };
}

/** Completes a SetupIntent with a payment method, attaching it to the intent's customer. */
export function succeedSetupIntent(
  ctx: Ctx,
  intent: Stripe.SetupIntent,
  pm: Stripe.PaymentMethod,
): Stripe.SetupIntent {
  if (intent.status === "succeeded" || intent.status === "canceled") {
    throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${intent.status}.`, {
      code: "setup_intent_unexpected_state",
    });
  }
  const customer = typeof intent.customer === "string" ? intent.customer : intent.customer?.id;
  if (customer) attachPaymentMethod(ctx, pm, customer);
  intent.payment_method = pm.id;
  intent.status = "succeeded";
  return ctx.account.put(intent);
}

/** SetupIntents: create, retrieve, list, confirm, cancel. */
export function registerSetupIntents(api: Api): void {
  api.post("/v1/setup_intents", (ctx) => {
    checkParams(ctx.params, {
      customer: true,
      payment_method_types: [true],
      allowed_payment_method_types: [true],
      payment_method: true,
      usage: true,
      confirm: true,
      description: true,
      metadata: "map",
      automatic_payment_methods: { enabled: true, allow_redirects: true },
      return_url: true,
    });
    const customer = str(ctx.params, "customer");
    if (customer) ctx.account.require("customer", customer, "customer");
    const intent = newSetupIntent(ctx, {
      customer: customer ?? null,
      payment_method_types: strList(ctx.params, "allowed_payment_method_types") ??
        strList(ctx.params, "payment_method_types") ?? ["card"],
      usage: oneOf(ctx.params, "usage", ["on_session", "off_session"] as const),
    });
    intent.allowed_payment_method_types = (strList(ctx.params, "allowed_payment_method_types") ??
      null) as Stripe.SetupIntent["allowed_payment_method_types"];
    intent.description = str(ctx.params, "description") ?? null;
    intent.metadata = mergeMetadata({}, ctx.params);
    const pmId = str(ctx.params, "payment_method");
    if (pmId) {
      const pm = ctx.account.require<Stripe.PaymentMethod>("payment_method", pmId, "payment_method");
      intent.payment_method = pm.id;
      intent.status = "requires_confirmation";
      if (bool(ctx.params, "confirm")) return succeedSetupIntent(ctx, intent, pm);
    }
    return ctx.account.put(intent);
  });

  api.get("/v1/setup_intents/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, { client_secret: true });
    return ctx.account.require<Stripe.SetupIntent>("setup_intent", id);
  });

  api.get("/v1/setup_intents", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      customer: true,
      payment_method: true,
    });
    const customer = str(ctx.params, "customer");
    const intents = ctx.account
      .all<Stripe.SetupIntent>("setup_intent")
      .filter((i) => customer === undefined || i.customer === customer);
    return paginate(ctx, intents, "/v1/setup_intents", "setup_intent");
  });

  api.post("/v1/setup_intents/:id/confirm", (ctx, { id = "" }) => {
    checkParams(ctx.params, { payment_method: true, return_url: true, mandate_data: "map" });
    const intent = ctx.account.require<Stripe.SetupIntent>("setup_intent", id);
    const pmId =
      str(ctx.params, "payment_method") ??
      (typeof intent.payment_method === "string" ? intent.payment_method : null);
    if (!pmId) {
      throw invalidRequest("You cannot confirm this SetupIntent because it's missing a payment method.", {
        code: "setup_intent_unexpected_state",
      });
    }
    const pm = ctx.account.require<Stripe.PaymentMethod>("payment_method", pmId, "payment_method");
    return succeedSetupIntent(ctx, intent, pm);
  });

  api.post("/v1/setup_intents/:id/cancel", (ctx, { id = "" }) => {
    checkParams(ctx.params, { cancellation_reason: true });
    const intent = ctx.account.require<Stripe.SetupIntent>("setup_intent", id);
    if (intent.status === "succeeded") {
      throw invalidRequest("You cannot cancel this SetupIntent because it has a status of succeeded.", {
        code: "setup_intent_unexpected_state",
      });
    }
    intent.status = "canceled";
    intent.cancellation_reason =
      oneOf(ctx.params, "cancellation_reason", [
        "abandoned",
        "duplicate",
        "requested_by_customer",
      ] as const) ?? null;
    return intent;
  });
}
