import type Stripe from "stripe";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidParam, StripeError } from "../core/errors";
import { paginate } from "../core/list";
import {
  checkParams,
  hash,
  mergeMetadata,
  oneOf,
  type Params,
  requireStr,
  type Spec,
  str,
} from "../core/params";
import type { WSubscription } from "../core/wire";
import {
  buildCard,
  buildSepaDebit,
  buildUsBankAccount,
  MAGIC_CARDS,
  TEST_CARDS,
  type TestCard,
} from "./payment-method-builders";

const PM_TYPES = [
  "card",
  "sepa_debit",
  "us_bank_account",
  "bacs_debit",
  "au_becs_debit",
  "acss_debit",
  "link",
  "paypal",
  "cashapp",
] as const;

function cardFrom(numberOrToken: string, param: string): TestCard {
  const magic = numberOrToken.replace(/^(tok|pm_card)_/, "");
  const card = TEST_CARDS[MAGIC_CARDS[magic] ?? numberOrToken.replace(/\s/g, "")];
  if (!card) throw invalidParam(param, "Your card number is incorrect.", "incorrect_number");
  return card;
}

function declined(): StripeError {
  return new StripeError(402, "card_error", "Your card was declined.", {
    code: "card_declined",
    decline_code: "generic_decline",
  });
}

/** Creates a payment method from `type` + details params (test cards, IBANs, ACH numbers). */
function createFromParams(ctx: Ctx, params: Params): Stripe.PaymentMethod {
  const type = oneOf(params, "type", PM_TYPES);
  if (!type) throw invalidParam("type", "Missing required param: type.", "parameter_missing");
  const billingParams = hash(params, "billing_details") ?? {};
  const billing = {
    email: str(billingParams, "email") ?? null,
    name: str(billingParams, "name") ?? null,
    phone: str(billingParams, "phone") ?? null,
  };
  if (type === "card") {
    const card = hash(params, "card") ?? {};
    const source = str(card, "token", "card[token]") ?? str(card, "number", "card[number]");
    if (!source) throw invalidParam("card", "Missing required param: card[number].", "parameter_missing");
    const test = cardFrom(source, "card[number]");
    if (test.declinesOnAttach) throw declined();
    return buildCard(ctx, test, null, billing);
  }
  if (type === "sepa_debit") {
    const sepa = hash(params, "sepa_debit") ?? {};
    const iban = requireStr(sepa, "iban", "sepa_debit[iban]");
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban.replace(/\s/g, "").toUpperCase())) {
      throw invalidParam(
        "sepa_debit[iban]",
        "The IBAN you provided is invalid.",
        "invalid_bank_account_iban",
      );
    }
    return buildSepaDebit(ctx, iban, null, billing);
  }
  if (type === "us_bank_account") {
    const ach = hash(params, "us_bank_account") ?? {};
    return buildUsBankAccount(
      ctx,
      {
        routing_number: requireStr(ach, "routing_number", "us_bank_account[routing_number]"),
        account_number: requireStr(ach, "account_number", "us_bank_account[account_number]"),
        account_holder_type: oneOf(
          ach,
          "account_holder_type",
          ["individual", "company"] as const,
          "us_bank_account[account_holder_type]",
        ),
      },
      null,
      billing,
    );
  }
  throw invalidParam("type", `The emulator cannot create ${type} payment methods from parameters.`);
}

/** Attaches a payment method to a customer (Stripe refuses one attached elsewhere). */
export function attachPaymentMethod(
  ctx: Ctx,
  pm: Stripe.PaymentMethod,
  customerId: string,
): Stripe.PaymentMethod {
  if (pm.customer && pm.customer !== customerId) {
    throw invalidParam(
      "customer",
      "The payment method you provided has already been attached to a customer.",
      "payment_method_unexpected_state",
    );
  }
  pm.customer = customerId;
  return ctx.account.put(pm);
}

/** Detaching also clears the customer's and subscriptions' defaults that point at it. */
function detach(ctx: Ctx, pm: Stripe.PaymentMethod): Stripe.PaymentMethod {
  const customerId = typeof pm.customer === "string" ? pm.customer : pm.customer?.id;
  if (!customerId) {
    throw invalidParam(
      "payment_method",
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      "payment_method_unexpected_state",
    );
  }
  const customer = ctx.account.get<Stripe.Customer>("customer", customerId);
  if (customer?.invoice_settings.default_payment_method === pm.id)
    customer.invoice_settings.default_payment_method = null;
  for (const sub of ctx.account.all<WSubscription>("subscription")) {
    if (sub.customer === customerId && sub.default_payment_method === pm.id)
      sub.default_payment_method = null;
  }
  pm.customer = null;
  return pm;
}

function listFor(ctx: Ctx, customer: string | undefined, type: string | undefined): Stripe.PaymentMethod[] {
  return ctx.account
    .all<Stripe.PaymentMethod>("payment_method")
    .filter(
      (pm) =>
        (customer === undefined || pm.customer === customer) && (type === undefined || pm.type === type),
    );
}

/** Payment methods: create, retrieve, list (by customer and type), attach, detach, update. */
export function registerPaymentMethods(api: Api): void {
  const listSpec: { [key: string]: Spec } = {
    limit: true,
    starting_after: true,
    ending_before: true,
    type: true,
    allow_redisplay: true,
  };

  api.post("/v1/payment_methods", (ctx) => {
    checkParams(ctx.params, {
      type: true,
      card: { token: true, number: true, exp_month: true, exp_year: true, cvc: true },
      sepa_debit: { iban: true },
      us_bank_account: {
        routing_number: true,
        account_number: true,
        account_holder_type: true,
        account_type: true,
      },
      billing_details: { email: true, name: true, phone: true, address: true },
      metadata: "map",
      allow_redisplay: true,
    });
    const pm = createFromParams(ctx, ctx.params);
    pm.allow_redisplay = "unspecified";
    pm.metadata = mergeMetadata({}, ctx.params);
    return ctx.account.put(pm);
  });

  api.get("/v1/payment_methods", (ctx) => {
    checkParams(ctx.params, { ...listSpec, customer: true });
    const customer = str(ctx.params, "customer");
    if (customer) ctx.account.require("customer", customer, "customer");
    const type = oneOf(ctx.params, "type", PM_TYPES);
    const url = "/v1/payment_methods";
    return paginate(ctx, listFor(ctx, customer, type), url, "payment_method");
  });

  api.get("/v1/customers/:id/payment_methods", (ctx, { id = "" }) => {
    checkParams(ctx.params, listSpec);
    ctx.account.require("customer", id);
    const type = oneOf(ctx.params, "type", PM_TYPES);
    return paginate(ctx, listFor(ctx, id, type), `/v1/customers/${id}/payment_methods`, "payment_method");
  });

  api.get("/v1/customers/:id/payment_methods/:pm", (ctx, { id = "", pm = "" }) => {
    checkParams(ctx.params, {});
    ctx.account.require("customer", id);
    const found = ctx.account.require<Stripe.PaymentMethod>("payment_method", pm);
    if (found.customer !== id)
      throw invalidParam("payment_method", `No such PaymentMethod: '${pm}'`, "resource_missing");
    return found;
  });

  api.get("/v1/payment_methods/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<Stripe.PaymentMethod>("payment_method", id);
  });

  api.post("/v1/payment_methods/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      billing_details: { email: true, name: true, phone: true, address: true },
      card: { exp_month: true, exp_year: true },
      metadata: "map",
      allow_redisplay: true,
    });
    const pm = structuredClone(ctx.account.require<Stripe.PaymentMethod>("payment_method", id));
    const billing = hash(ctx.params, "billing_details");
    if (billing) {
      for (const key of ["email", "name", "phone"] as const) {
        const value = str(billing, key, `billing_details[${key}]`);
        if (value !== undefined) pm.billing_details[key] = value || null;
      }
    }
    const redisplay = oneOf(ctx.params, "allow_redisplay", ["always", "limited", "unspecified"] as const);
    if (redisplay) pm.allow_redisplay = redisplay;
    pm.metadata = mergeMetadata(pm.metadata ?? {}, ctx.params);
    return ctx.account.put(pm);
  });

  api.post("/v1/payment_methods/:id/attach", (ctx, { id = "" }) => {
    checkParams(ctx.params, { customer: true });
    const customerId = requireStr(ctx.params, "customer");
    ctx.account.require("customer", customerId, "customer");
    const magic = /^pm_card_/.test(id) ? cardFrom(id, "payment_method") : null;
    if (magic) {
      // Stripe's magic test ids create a fresh card each time they are attached.
      if (magic.declinesOnAttach) throw declined();
      return ctx.account.put(buildCard(ctx, magic, customerId));
    }
    return attachPaymentMethod(
      ctx,
      ctx.account.require<Stripe.PaymentMethod>("payment_method", id),
      customerId,
    );
  });

  api.post("/v1/payment_methods/:id/detach", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return detach(ctx, ctx.account.require<Stripe.PaymentMethod>("payment_method", id));
  });
}
