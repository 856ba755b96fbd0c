/**
 * Paying an invoice's PaymentIntent with the customer present: `POST /v1/payment_intents/:id/confirm`
 * and the hosted invoice page's Pay button. A card that needs 3-D Secure gets a challenge
 * (`next_action.redirect_to_url` to the emulator's stand-in for the bank's page when a
 * `return_url` is given); answering it pays the invoice or fails the intent.
 */
import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { invalidParam, StripeError } from "../core/errors";
import { randomToken } from "../core/random";
import type { WInvoice } from "../core/wire";
import { requireCustomerPaymentMethod } from "../resources/customers";
import {
  paymentMethodDeclines,
  paymentMethodRequiresAuthentication,
} from "../resources/payment-method-builders";
import { markPaid } from "./invoices";
import { afterInvoicePaid } from "./lifecycle";
import {
  buildPaymentIntent,
  intentClientSecret,
  intentIdOf,
  intentState,
  setIntentState,
} from "./payment-intents";
import { declineError, invoicePaymentMethod } from "./payments";

/** What a confirm may say besides the intent. */
export interface ConfirmOptions {
  paymentMethod?: string;
  returnUrl?: string;
  /** The customer is not present: a card that needs 3-D Secure fails instead of asking. */
  offSession?: boolean;
  errorOnRequiresAction?: boolean;
}

function unexpectedState(status: string): StripeError {
  return new StripeError(
    400,
    "invalid_request_error",
    `You cannot confirm this PaymentIntent because it has a status of ${status}.`,
    { code: "payment_intent_unexpected_state" },
  );
}

/** A `return_url` must be an absolute http(s) URL, as Stripe checks. */
function checkReturnUrl(url: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw invalidParam("return_url", "Not a valid URL", "url_invalid");
  }
}

function authenticationRequired(pm: Stripe.PaymentMethod): Stripe.PaymentIntent.LastPaymentError {
  return {
    type: "card_error",
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
    payment_method: pm,
  };
}

/** Pays the invoice in full with `pm` and lets the subscription follow (pending update, past_due). */
function payWith(ctx: Ctx, invoice: WInvoice, pm: string): void {
  invoice.default_payment_method = pm;
  markPaid(invoice, ctx.ts());
  setIntentState(ctx, invoice, { outcome: "none", error: null, paymentMethod: pm, challenge: null });
  afterInvoicePaid(ctx, invoice);
}

/** The 402 a failed confirm answers with; Stripe attaches the intent as it now is. */
function confirmError(
  ctx: Ctx,
  invoice: WInvoice,
  error: Stripe.PaymentIntent.LastPaymentError,
): StripeError {
  return new StripeError(402, "card_error", error.message ?? "Your card was declined.", {
    ...(error.code ? { code: error.code } : {}),
    ...(error.decline_code ? { decline_code: error.decline_code } : {}),
    payment_intent: buildPaymentIntent(ctx, invoice),
  });
}

/**
 * Confirms the invoice's PaymentIntent. Succeeds (invoice paid), asks for 3-D Secure
 * (`requires_action`), or throws the decline as Stripe does (402, intent back to
 * `requires_payment_method` with `last_payment_error`).
 */
export function confirmIntent(ctx: Ctx, invoice: WInvoice, options: ConfirmOptions): Stripe.PaymentIntent {
  if (invoice.status === "paid") throw unexpectedState("succeeded");
  if (invoice.status === "void") throw unexpectedState("canceled");
  if (options.returnUrl !== undefined) checkReturnUrl(options.returnUrl);
  const customer = String(invoice.customer);
  if (options.paymentMethod) {
    requireCustomerPaymentMethod(ctx.account, customer, options.paymentMethod, "payment_method");
  }
  const pmId =
    options.paymentMethod ?? intentState(ctx, invoice).paymentMethod ?? invoicePaymentMethod(ctx, invoice);
  const pm = pmId ? ctx.account.get<Stripe.PaymentMethod>("payment_method", pmId) : undefined;
  if (!pm) {
    throw new StripeError(
      400,
      "invalid_request_error",
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, specify a payment method attached to the customer.",
      { code: "payment_intent_unexpected_state" },
    );
  }
  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (paymentMethodDeclines(pm)) {
    const error = declineError(pm);
    setIntentState(ctx, invoice, { outcome: "failed", error, paymentMethod: pm.id, challenge: null });
    throw confirmError(ctx, invoice, error);
  }
  if (paymentMethodRequiresAuthentication(pm)) {
    if (options.offSession || options.errorOnRequiresAction) {
      const error = authenticationRequired(pm);
      setIntentState(ctx, invoice, { outcome: "failed", error, paymentMethod: pm.id, challenge: null });
      throw confirmError(ctx, invoice, error);
    }
    const challenge = options.returnUrl ? { nonce: randomToken(24), returnUrl: options.returnUrl } : null;
    setIntentState(ctx, invoice, {
      outcome: "requires_action",
      error: null,
      paymentMethod: pm.id,
      challenge,
    });
    return buildPaymentIntent(ctx, invoice);
  }
  payWith(ctx, invoice, pm.id);
  return buildPaymentIntent(ctx, invoice);
}

/** Whether `nonce` names the challenge the invoice's intent is waiting on. */
export function isPendingChallenge(ctx: Ctx, invoice: WInvoice, nonce: string): boolean {
  const state = intentState(ctx, invoice);
  return (
    (invoice.status === "open" || invoice.status === "uncollectible") &&
    state.outcome === "requires_action" &&
    state.challenge !== null &&
    state.challenge.nonce === nonce
  );
}

/**
 * Answers a pending challenge (see `isPendingChallenge`): success pays the invoice, failure
 * sends the intent back to `requires_payment_method` with Stripe's authentication failure.
 * Returns where the customer's browser goes next, with the query Stripe adds to `return_url`.
 */
export function answerChallenge(ctx: Ctx, invoice: WInvoice, succeeded: boolean): string {
  const state = intentState(ctx, invoice);
  const returnUrl = state.challenge?.returnUrl ?? "";
  const pm = state.paymentMethod
    ? ctx.account.get<Stripe.PaymentMethod>("payment_method", state.paymentMethod)
    : undefined;
  if (succeeded && pm) payWith(ctx, invoice, pm.id);
  else {
    setIntentState(ctx, invoice, {
      outcome: "failed",
      challenge: null,
      error: {
        type: "card_error",
        code: "payment_intent_authentication_failure",
        message:
          "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
        ...(pm ? { payment_method: pm } : {}),
      },
    });
  }
  const target = new URL(returnUrl);
  target.searchParams.set("payment_intent", intentIdOf(invoice));
  target.searchParams.set("payment_intent_client_secret", intentClientSecret(invoice));
  target.searchParams.set("redirect_status", succeeded && pm ? "succeeded" : "failed");
  return target.toString();
}
