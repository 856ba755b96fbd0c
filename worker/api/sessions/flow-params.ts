/** `flow_data` of a session request: shape checks only (Stripe lookups come later). */
import type { SessionFlow } from "../../store/session-store";
import { invalidParam, parameterMissing } from "../errors";
import type { ParamReader } from "../param-reader";

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

/**
 * Reads `flow_data` into the response's `flow` shape: `after_completion` defaulted, only the
 * sub-object matching `type` set, everything else null.
 */
export function parseFlowData(f: ParamReader): SessionFlow {
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
