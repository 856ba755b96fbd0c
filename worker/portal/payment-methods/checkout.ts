/**
 * Adding a payment method through Stripe Checkout in setup mode: works without JavaScript and
 * offers every method type Stripe supports for the customer's currency. The customer leaves
 * for Checkout and comes back to `RETURN_PATH` with the Checkout Session id.
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../../store/configuration-types";
import type { SessionRecord } from "../../store/session-store";
import { idOf } from "../billing-details/customer";

/** Where Checkout sends the customer back after a completed setup. */
export const RETURN_PATH = "/p/payment-methods/added";
/** Query flag on the return URL: also clear subscription-level default methods. */
export const CLEAR_OVERRIDES_PARAM = "clear_overrides";

const CHECKOUT_SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

/** True for a string shaped like a Checkout Session id. */
export function isCheckoutSessionId(value: string | undefined): value is string {
  return value !== undefined && CHECKOUT_SESSION_ID.test(value);
}

/** Checkout's `locale` values; a portal locale outside this list lets Checkout pick. */
const CHECKOUT_LOCALES = new Set<string>(
  (
    "bg cs da de el en en-GB es es-419 et fi fil fr fr-CA hr hu id it ja ko lt lv ms mt nb nl pl pt pt-BR " +
    "ro ru sk sl sv th tr vi zh zh-HK zh-TW"
  ).split(" "),
);

/** The Checkout Session parameters for adding a method to the session's customer. */
export function checkoutSetupParams(input: {
  record: SessionRecord;
  configuration: PortalConfiguration;
  origin: string;
  currency: string;
  locale: string;
  clearOverrides: boolean;
  /** Where "back" on Checkout leads: the add page inside a flow, else the methods page. */
  cancelPath: string;
}): Stripe.Checkout.SessionCreateParams {
  const { record, origin } = input;
  // `{CHECKOUT_SESSION_ID}` is replaced by Stripe; it must stay unencoded in the URL.
  const flag = input.clearOverrides ? `&${CLEAR_OVERRIDES_PARAM}=1` : "";
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "setup",
    customer: record.customer,
    currency: input.currency,
    success_url: `${origin}${RETURN_PATH}?session_id={CHECKOUT_SESSION_ID}${flag}`,
    cancel_url: `${origin}${input.cancelPath}`,
    metadata: { portal_session: record.id },
    setup_intent_data: {
      metadata: { portal_session: record.id },
      ...(record.onBehalfOf ? { on_behalf_of: record.onBehalfOf } : {}),
    },
  };
  const pmc = input.configuration.features.payment_method_update.payment_method_configuration;
  if (pmc) params.payment_method_configuration = pmc;
  if (CHECKOUT_LOCALES.has(input.locale))
    params.locale = input.locale as Stripe.Checkout.SessionCreateParams.Locale;
  return params;
}

/** Why a returning Checkout Session cannot give the customer a new default method. */
export type SetupOutcome =
  | { ok: true; paymentMethod: string }
  | { ok: false; reason: "foreign" | "incomplete" };

/**
 * Checks a Checkout Session (retrieved with `expand[]=setup_intent`) the customer came back
 * with: it must be a setup for this very customer (else it is someone else's: 404), and its
 * SetupIntent must have succeeded with a method.
 */
export function setupOutcome(session: Stripe.Checkout.Session, customer: string): SetupOutcome {
  if (session.mode !== "setup" || idOf(session.customer) !== customer)
    return { ok: false, reason: "foreign" };
  const intent = session.setup_intent;
  if (session.status !== "complete" || !intent || typeof intent === "string") {
    return { ok: false, reason: "incomplete" };
  }
  const pm = idOf(intent.payment_method);
  if (intent.status !== "succeeded" || !pm) return { ok: false, reason: "incomplete" };
  return { ok: true, paymentMethod: pm };
}
