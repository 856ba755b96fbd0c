import type Stripe from "stripe";
import { ApiError } from "../api/errors";
import type { RawParams } from "../api/request-params";
import { accountOptions } from "../api/stripe-lookup";
import { productIdOf } from "../billing/eligibility";
import { intervalKey } from "../billing/target-prices";
import { findDefaultConfiguration } from "../store/configuration-store";

const ENDED = new Set(["canceled", "incomplete_expired"]);

function devError(message: string): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message });
}

/**
 * `flow_data` for a demo button: the customer's first live subscription, and for the confirm
 * flow a switch to another offered price with the same interval and currency.
 */
export async function demoFlowData(
  kv: KVNamespace,
  stripe: Stripe,
  account: string | null,
  customer: string,
  type: string,
): Promise<RawParams> {
  if (type === "payment_method_update" || type === "customer_update") return { type };
  const options = accountOptions(account);
  const [subscriptions, config, prices] = await Promise.all([
    stripe.subscriptions.list({ customer, status: "all", limit: 100 }, options),
    findDefaultConfiguration(kv, account),
    stripe.prices.list({ limit: 100 }, options),
  ]);
  const sub = subscriptions.data.find((s) => !ENDED.has(s.status));
  if (!sub) throw devError(`${customer} has no live subscription for a ${type} flow.`);
  if (type !== "subscription_update_confirm") return { type, [type]: { subscription: sub.id } };

  const item = sub.items.data[0];
  if (!item) throw devError(`${sub.id} has no items.`);
  const offered = new Set(config?.features.subscription_update.products.flatMap((p) => p.prices) ?? []);
  const target = prices.data.find(
    (p) =>
      offered.has(p.id) &&
      p.id !== item.price.id &&
      productIdOf(p) !== productIdOf(item.price) &&
      intervalKey(p) === intervalKey(item.price) &&
      p.currency === item.price.currency,
  );
  if (!target)
    throw devError(`No other offered price with the interval of ${item.price.id} to confirm a switch to.`);
  return {
    type,
    subscription_update_confirm: { subscription: sub.id, items: [{ id: item.id, price: target.id }] },
  };
}
