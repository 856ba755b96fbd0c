/**
 * `POST /v1/billing_portal/sessions` parameters: shape checks that need no Stripe call. The
 * result is already in the response's shape (`flow` with `after_completion` defaulted and
 * only the sub-object matching `type` set).
 */
import { SUPPORTED_LOCALES } from "../../lib/locales";
import type { SessionFlow } from "../../store/session-store";
import { invalidParam } from "../errors";
import { ParamReader } from "../param-reader";
import { type ParamSpec, type RawParams, rejectUnknownParams } from "../request-params";
import { parseFlowData } from "./flow-params";

/** Every parameter the endpoint knows (anything else is `parameter_unknown`). */
const SESSION_PARAMS: { readonly [key: string]: ParamSpec } = {
  customer: true,
  customer_account: true,
  configuration: true,
  return_url: true,
  locale: true,
  on_behalf_of: true,
  after_expiration: true,
  expand: [true],
  flow_data: {
    type: true,
    after_completion: {
      type: true,
      hosted_confirmation: { custom_message: true },
      redirect: { return_url: true },
    },
    subscription_cancel: { subscription: true, retention: { type: true, coupon_offer: { coupon: true } } },
    subscription_pause: { subscription: true },
    subscription_update: { subscription: true },
    subscription_update_confirm: {
      subscription: true,
      items: [{ id: true, price: true, quantity: true }],
      discounts: [{ coupon: true, promotion_code: true }],
    },
  },
};

/** Stripe's session locales, `auto`, and our `ar`/`he` extension. */
export const SESSION_LOCALES: readonly string[] = ["auto", ...SUPPORTED_LOCALES];

/** The validated request, before anything is looked up in Stripe. */
export interface SessionRequest {
  customer: string;
  configuration: string | undefined;
  returnUrl: string | undefined;
  locale: string | null;
  onBehalfOf: string | null;
  flow: SessionFlow | null;
  expand: string[];
}

/** Reads and shape-checks the parameters; throws the first error as Stripe would report it. */
export function parseSessionParams(raw: RawParams): SessionRequest {
  rejectUnknownParams(raw, SESSION_PARAMS);
  const p = new ParamReader(raw);
  if (p.has("customer_account")) {
    throw invalidParam(
      "customer_account",
      "This portal does not support Accounts v2 customers (`customer_account`); pass `customer` instead.",
    );
  }
  if (p.has("after_expiration")) {
    throw invalidParam(
      "after_expiration",
      "This portal does not support `after_expiration`: an expired session shows a link back to `return_url`.",
    );
  }
  const customer = p.requiredString("customer");
  const locale = p.enumOf("locale", SESSION_LOCALES) ?? null;
  const onBehalfOf = p.string("on_behalf_of") ?? null;
  if (onBehalfOf !== null && !/^acct_[A-Za-z0-9]+$/.test(onBehalfOf)) {
    throw invalidParam(
      "on_behalf_of",
      `Invalid on_behalf_of: '${onBehalfOf}' is not an account id (acct_…).`,
    );
  }
  const flowParams = p.object("flow_data");
  return {
    customer,
    configuration: p.string("configuration"),
    returnUrl: p.url("return_url"),
    locale,
    onBehalfOf,
    flow: flowParams ? parseFlowData(flowParams) : null,
    expand: p.stringArray("expand") ?? [],
  };
}
