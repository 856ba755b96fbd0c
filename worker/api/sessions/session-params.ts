/**
 * `POST /v1/billing_portal/sessions` parameters: shape checks that need no Stripe call. The
 * result is already in the response's shape (`flow` with `after_completion` defaulted and
 * only the sub-object matching `type` set).
 */
import { SUPPORTED_LOCALES } from "../../lib/locales";
import type { SessionFlow } from "../../store/session-store";
import { invalidParam, parameterMissing } from "../errors";
import { ParamReader } from "../param-reader";
import { type ParamSpec, type RawParams, rejectUnknownParams } from "../request-params";

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

/** The flow types Stripe's v23 types know, all of which the portal implements. */
export const FLOW_TYPES = [
  "payment_method_update",
  "subscription_cancel",
  "subscription_update",
  "subscription_update_confirm",
  "subscription_pause",
  "customer_update",
] as const;

/** A flow type. */
export type FlowType = (typeof FLOW_TYPES)[number];

/** Flow types whose `flow_data` sub-object names a subscription. */
const SUBSCRIPTION_FLOWS = [
  "subscription_cancel",
  "subscription_update",
  "subscription_update_confirm",
  "subscription_pause",
] as const;

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
    flow: flowParams ? parseFlow(flowParams) : null,
    expand: p.stringArray("expand") ?? [],
  };
}

function parseFlow(f: ParamReader): SessionFlow {
  if (!f.has("type")) throw parameterMissing(f.name("type"));
  const type = f.enumOf("type", FLOW_TYPES) as FlowType;
  for (const other of SUBSCRIPTION_FLOWS) {
    if (other !== type && f.has(other)) {
      throw invalidParam(
        f.name(other),
        `You can only pass \`${f.name(other)}\` when \`${f.name("type")}\` is \`${other}\`.`,
      );
    }
  }
  const flow: SessionFlow = {
    type,
    after_completion: parseAfterCompletion(f.object("after_completion")),
    customer_update: type === "customer_update" ? {} : null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
  };
  if (type === "subscription_cancel") {
    const sc = f.requiredObject("subscription_cancel");
    const retention = sc.object("retention");
    flow.subscription_cancel = {
      subscription: sc.requiredString("subscription"),
      retention: retention ? parseRetention(retention) : null,
    };
  } else if (type === "subscription_update") {
    flow.subscription_update = { subscription: f.requiredObject(type).requiredString("subscription") };
  } else if (type === "subscription_pause") {
    flow.subscription_pause = { subscription: f.requiredObject(type).requiredString("subscription") };
  } else if (type === "subscription_update_confirm") {
    flow.subscription_update_confirm = parseUpdateConfirm(f.requiredObject(type));
  }
  return flow;
}

function parseRetention(r: ParamReader): NonNullable<SessionFlow["subscription_cancel"]>["retention"] {
  if (!r.has("type")) throw parameterMissing(r.name("type"));
  r.enumOf("type", ["coupon_offer"] as const);
  return {
    type: "coupon_offer",
    coupon_offer: { coupon: r.requiredObject("coupon_offer").requiredString("coupon") },
  };
}

function parseAfterCompletion(a: ParamReader | undefined): SessionFlow["after_completion"] {
  if (!a)
    return { type: "hosted_confirmation", hosted_confirmation: { custom_message: null }, redirect: null };
  if (!a.has("type")) throw parameterMissing(a.name("type"));
  const type = a.enumOf("type", ["hosted_confirmation", "portal_homepage", "redirect"] as const) as string;
  for (const sub of ["hosted_confirmation", "redirect"] as const) {
    if (sub !== type && a.has(sub)) {
      throw invalidParam(
        a.name(sub),
        `You can only pass \`${a.name(sub)}\` when \`${a.name("type")}\` is \`${sub}\`.`,
      );
    }
  }
  if (type === "redirect") {
    const redirect = a.requiredObject("redirect");
    if (!redirect.has("return_url")) throw parameterMissing(redirect.name("return_url"));
    return {
      type,
      hosted_confirmation: null,
      redirect: { return_url: redirect.url("return_url") as string },
    };
  }
  if (type === "hosted_confirmation") {
    const message = a.object("hosted_confirmation")?.string("custom_message", { maxLength: 500 }) ?? null;
    return { type, hosted_confirmation: { custom_message: message }, redirect: null };
  }
  return { type, hosted_confirmation: null, redirect: null };
}

function parseUpdateConfirm(c: ParamReader): NonNullable<SessionFlow["subscription_update_confirm"]> {
  const subscription = c.requiredString("subscription");
  if (!c.has("items")) throw parameterMissing(c.name("items"));
  const itemReaders = c.objectArray("items") ?? [];
  if (itemReaders.length === 0) throw parameterMissing(c.name("items"));
  if (itemReaders.length > 1) {
    throw invalidParam(
      c.name("items"),
      "Currently, only up to one item may be specified: subscriptions with multiple items are not updatable.",
    );
  }
  const items = itemReaders.map((item) => {
    const id = item.requiredString("id");
    const price = item.string("price") ?? null;
    const quantity = item.integer("quantity", { min: 0 });
    if (price === null && quantity === undefined) throw parameterMissing(item.name("price"));
    return quantity === undefined ? { id, price } : { id, price, quantity };
  });
  const discountReaders = c.objectArray("discounts") ?? null;
  if (discountReaders && discountReaders.length > 1) {
    throw invalidParam(c.name("discounts"), "Currently, only up to one discount may be specified.");
  }
  const discounts =
    discountReaders?.map((d) => {
      const coupon = d.string("coupon") ?? null;
      const promotionCode = d.string("promotion_code") ?? null;
      if (coupon && promotionCode) {
        throw invalidParam(
          d.name("promotion_code"),
          "You may only specify one of these parameters: coupon, promotion_code.",
          "parameters_exclusive",
        );
      }
      if (!coupon && !promotionCode) throw parameterMissing(d.name("coupon"));
      return { coupon, promotion_code: promotionCode };
    }) ?? null;
  return { subscription, items, discounts: discounts && discounts.length > 0 ? discounts : null };
}
