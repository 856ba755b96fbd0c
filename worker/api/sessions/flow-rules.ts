/**
 * Whether a session's flow may be created: the flow's feature is on, its subscription belongs
 * to the customer and is eligible, and a confirm flow's item, price and quantity are allowed.
 * Pure: the Stripe objects are loaded by `flow-objects.ts`. The rules themselves are the
 * portal pages' (`worker/billing/`), so the API never creates a flow the pages would refuse.
 */
import type Stripe from "stripe";
import {
  cancelEligibility,
  type Eligibility,
  type IneligibleReason,
  pauseEligibility,
  productIdOf,
  updateEligibility,
} from "../../billing/eligibility";
import { quantityProblem, quantityRule } from "../../billing/quantity";
import { intervalKey, type TargetPriceProblem, targetPriceProblem } from "../../billing/target-prices";
import type { PortalConfiguration } from "../../store/configuration-types";
import type { SessionFlow } from "../../store/session-store";
import { invalidParam, resourceMissing } from "../errors";
import type { FlowObjects } from "./flow-objects";
import { subscriptionParam } from "./flow-objects";
import type { FlowType } from "./flow-params";

/** The configuration switch each flow type needs. */
export function flowFeatureEnabled(type: FlowType, config: PortalConfiguration): boolean {
  const f = config.features;
  switch (type) {
    case "payment_method_update":
      return f.payment_method_update.enabled;
    case "customer_update":
      return f.customer_update.enabled;
    case "subscription_cancel":
      return f.subscription_cancel.enabled;
    case "subscription_pause":
      return f.subscription_pause?.enabled ?? false;
    case "subscription_update":
    case "subscription_update_confirm":
      return f.subscription_update.enabled;
  }
}

function featureOf(type: FlowType): string {
  return type === "subscription_update_confirm" ? "subscription_update" : type;
}

const INELIGIBLE_MESSAGES: Record<IneligibleReason, string> = {
  feature_disabled: "The configuration does not allow customers to make this change.",
  ended: "This subscription has already ended.",
  incomplete: "This subscription is incomplete: it cannot be changed until its first invoice is paid.",
  multiple_items: "Subscriptions with multiple items are not updatable in the customer portal.",
  metered: "Subscriptions with usage-based prices are not updatable in the customer portal.",
  send_invoice:
    "Subscriptions with `collection_method=send_invoice` are not updatable in the customer portal.",
  scheduled_change:
    "This subscription has an update scheduled with a subscription schedule and cannot be changed in the customer portal.",
  tax_behavior_unspecified:
    "Subscriptions on prices with `tax_behavior=unspecified` are not updatable in the customer portal.",
  product_not_offered:
    "The subscription's product is not in the configuration's `features[subscription_update][products]`.",
  already_canceling: "This subscription is already set to be canceled",
  paused: "This subscription is paused.",
  trialing: "Trialing subscriptions cannot be paused.",
  not_paused: "This subscription is not paused.",
  not_canceling: "This subscription is not set to be canceled.",
};

function eligibilityFor(
  type: FlowType,
  sub: Stripe.Subscription,
  config: PortalConfiguration,
  schedule: Stripe.SubscriptionSchedule | null,
): Eligibility {
  if (type === "subscription_cancel") return cancelEligibility(sub, config, schedule);
  if (type === "subscription_pause") return pauseEligibility(sub, config, schedule);
  return updateEligibility(sub, config, schedule);
}

function idOf(value: string | { id: string } | null): string | null {
  return value === null ? null : typeof value === "string" ? value : value.id;
}

/** Throws the API error for the first rule the flow breaks. */
export function checkFlow(
  flow: SessionFlow,
  objects: FlowObjects,
  config: PortalConfiguration,
  customer: string,
  onBehalfOf: string | null,
): void {
  const type = flow.type as FlowType;
  if (!flowFeatureEnabled(type, config)) {
    throw invalidParam(
      "flow_data[type]",
      `You cannot create a \`${type}\` flow: the configuration \`${config.id}\` does not have \`features[${featureOf(type)}][enabled]\` set to true.`,
    );
  }
  const sub = objects.subscription;
  if (!sub) return;
  const param = subscriptionParam(flow);
  // Another customer's subscription (or one outside on_behalf_of) reads as missing: the merchant
  // learns nothing about objects the session could never show.
  if (idOf(sub.customer) !== customer || (onBehalfOf !== null && idOf(sub.on_behalf_of) !== onBehalfOf)) {
    throw resourceMissing("subscription", sub.id, param);
  }
  const schedule = typeof sub.schedule === "object" ? sub.schedule : null;
  const eligibility = eligibilityFor(type, sub, config, schedule);
  if (!eligibility.allowed) {
    const onType = eligibility.reason === "feature_disabled";
    throw invalidParam(onType ? "flow_data[type]" : param, INELIGIBLE_MESSAGES[eligibility.reason]);
  }
  if (type === "subscription_update_confirm") checkConfirmItem(flow, sub, objects.price, config);
}

const PRICE_MESSAGES: Record<Exclude<TargetPriceProblem, "price_not_offered">, string> = {
  price_change_not_allowed:
    "The configuration does not allow price changes (`price` is not in `features[subscription_update][default_allowed_updates]`).",
  inactive: "The price is not active.",
  not_recurring: "The customer portal only supports recurring prices.",
  metered: "The customer portal cannot update this subscription to a usage-based price.",
  currency_mismatch:
    "The customer portal cannot update this subscription to a price in a different currency.",
  tax_behavior_mismatch:
    "The customer portal cannot update this subscription to a price with a different tax behavior.",
};

function checkConfirmItem(
  flow: SessionFlow,
  sub: Stripe.Subscription,
  target: Stripe.Price | null,
  config: PortalConfiguration,
): void {
  const base = "flow_data[subscription_update_confirm][items][0]";
  const requested = flow.subscription_update_confirm?.items[0];
  if (!requested?.id) return;
  const item = sub.items.data.find((i) => i.id === requested.id);
  if (!item) throw resourceMissing("subscription item", requested.id, `${base}[id]`);
  const price = target ?? item.price;
  if (target) {
    const problem = targetPriceProblem(item.price, target, config);
    if (problem === "price_not_offered") {
      throw invalidParam(
        `${base}[price]`,
        `The item \`${item.id}\` cannot be updated to price \`${target.id}\` because the configuration \`${config.id}\` does not include the price in its \`features[subscription_update][products]\`.`,
      );
    }
    if (problem) throw invalidParam(`${base}[price]`, PRICE_MESSAGES[problem]);
    if (intervalKey(target) !== intervalKey(item.price)) {
      throw invalidParam(
        `${base}[price]`,
        "The customer portal cannot update this subscription to a price with a different billing interval.",
      );
    }
  }
  if (requested.quantity !== undefined) {
    const rule = quantityRule(config, productIdOf(price));
    const problem = quantityProblem(requested.quantity, item.quantity ?? 1, rule);
    if (problem === "not_adjustable") {
      throw invalidParam(
        `${base}[quantity]`,
        `The configuration \`${config.id}\` does not allow changing the quantity of this product.`,
      );
    }
    if (problem) {
      const range =
        rule.maximum === null ? `at least ${rule.minimum}` : `between ${rule.minimum} and ${rule.maximum}`;
      throw invalidParam(`${base}[quantity]`, `The quantity must be ${range}.`);
    }
  }
}
