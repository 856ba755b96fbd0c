/**
 * PaymentIntents of invoices. Every finalized invoice with something to collect has one, named
 * `pi_<invoice key>` as `invoice.payments` says. Amount, currency, customer and the final
 * states (succeeded when paid, canceled when void) come from the invoice; what only the intent
 * knows (the latest attempt's outcome, a pending 3-D Secure challenge) is kept beside it.
 */
import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { resourceMissing } from "../core/errors";
import type { WInvoice } from "../core/wire";

/** A 3-D Secure challenge started by a confirm with `return_url`. */
export interface Challenge {
  /** Names this challenge in the stand-in page's URL, so a stale page cannot answer a newer one. */
  nonce: string;
  returnUrl: string;
}

/** What the intent knows beyond its invoice. */
export interface IntentState {
  /** The latest attempt while the invoice is unpaid. */
  outcome: "none" | "failed" | "requires_action";
  error: Stripe.PaymentIntent.LastPaymentError | null;
  paymentMethod: string | null;
  challenge: Challenge | null;
}

const EMPTY: IntentState = { outcome: "none", error: null, paymentMethod: null, challenge: null };

const stateKey = (intentId: string) => `payment_intent:${intentId}`;

/** The id of an invoice's PaymentIntent. */
export function intentIdOf(invoice: Pick<WInvoice, "id">): string {
  return `pi_${invoice.id.slice(3)}`;
}

/** The client secret Stripe.js would use for the invoice's PaymentIntent (`confirmation_secret`). */
export function intentClientSecret(invoice: Pick<WInvoice, "id">): string {
  return `${intentIdOf(invoice)}_secret_${invoice.id.slice(-10)}`;
}

/** Whether the invoice has a PaymentIntent: finalized with an amount to collect. */
export function hasIntent(invoice: WInvoice): boolean {
  return invoice.status !== "draft" && invoice.amount_due > 0;
}

/** The invoice whose PaymentIntent this is, in the context's account, or Stripe's 404. */
export function requireIntentInvoice(ctx: Ctx, intentId: string): WInvoice {
  const invoice = /^pi_[A-Za-z0-9]+$/.test(intentId)
    ? ctx.account.get<WInvoice>("invoice", `in_${intentId.slice(3)}`)
    : undefined;
  if (!invoice || !hasIntent(invoice)) throw resourceMissing("payment_intent", intentId);
  return invoice;
}

/** The intent's own state (a copy; change it with `setIntentState`). */
export function intentState(ctx: Ctx, invoice: WInvoice): IntentState {
  const stored = ctx.account.hidden.get(stateKey(intentIdOf(invoice))) as IntentState | undefined;
  return { ...(stored ?? EMPTY) };
}

/** Records what an attempt or a challenge did to the intent. */
export function setIntentState(ctx: Ctx, invoice: WInvoice, patch: Partial<IntentState>): void {
  ctx.account.hidden.set(stateKey(intentIdOf(invoice)), { ...intentState(ctx, invoice), ...patch });
}

/** Where the emulator's stand-in for the bank's 3-D Secure page answers a challenge. */
export function challengeUrl(ctx: Ctx, invoice: WInvoice, nonce: string): string {
  return `${ctx.publicOrigin}/hosted/authenticate/${intentIdOf(invoice)}?attempt=${encodeURIComponent(nonce)}`;
}

function statusOf(invoice: WInvoice, state: IntentState): Stripe.PaymentIntent.Status {
  if (invoice.status === "paid") return "succeeded";
  if (invoice.status === "void") return "canceled";
  return state.outcome === "requires_action" ? "requires_action" : "requires_payment_method";
}

function nextAction(ctx: Ctx, invoice: WInvoice, state: IntentState): Stripe.PaymentIntent.NextAction {
  if (state.challenge) {
    return {
      type: "redirect_to_url",
      redirect_to_url: {
        url: challengeUrl(ctx, invoice, state.challenge.nonce),
        return_url: state.challenge.returnUrl,
      },
    };
  }
  // Off-session attempts leave the challenge to Stripe.js until someone confirms with a return_url.
  return { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } };
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

const DESCRIPTIONS: Partial<Record<string, string>> = {
  subscription_create: "Subscription creation",
  subscription_cycle: "Subscription update",
  subscription_update: "Subscription update",
};

/** The invoice's PaymentIntent as the API returns it. */
export function buildPaymentIntent(ctx: Ctx, invoice: WInvoice): Stripe.PaymentIntent {
  const state = intentState(ctx, invoice);
  const status = statusOf(invoice, state);
  return {
    id: intentIdOf(invoice),
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: invoice.amount_due,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: status === "succeeded" ? invoice.amount_paid : 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: status === "canceled" ? invoice.status_transitions.voided_at : null,
    cancellation_reason: status === "canceled" ? "void_invoice" : null,
    capture_method: "automatic",
    client_secret: intentClientSecret(invoice),
    confirmation_method: "automatic",
    created: invoice.status_transitions.finalized_at ?? invoice.created,
    currency: invoice.currency,
    customer: String(invoice.customer),
    customer_account: null,
    description: invoice.description ?? DESCRIPTIONS[invoice.billing_reason ?? ""] ?? "Invoice payment",
    excluded_payment_method_types: null,
    last_payment_error: status === "requires_payment_method" ? state.error : null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: status === "requires_action" ? nextAction(ctx, invoice, state) : null,
    on_behalf_of: idOf(invoice.on_behalf_of),
    payment_method: state.paymentMethod ?? idOf(invoice.default_payment_method),
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status,
    transfer_data: null,
    transfer_group: null,
  };
}
