import type { Ctx } from "../core/context";
import type { WPrice, WSubscription, WSubscriptionItem } from "../core/wire";
import { planOf } from "../resources/catalog";
import { addInterval, type Interval } from "./periods";

/** A subscription item built from a price, for a period. */
export function buildItem(
  ctx: Ctx,
  subId: string,
  price: WPrice,
  quantity: number | undefined,
  period: { start: number; end: number },
  id?: string,
): WSubscriptionItem {
  const metered = price.recurring?.usage_type === "metered";
  return {
    id: id ?? ctx.state.ids.id("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: period.start,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOf(price),
    price,
    ...(metered ? {} : { quantity: quantity ?? 1 }),
    subscription: subId,
    tax_rates: [],
  };
}

/** Options of a new subscription object. */
export interface SubscriptionInput {
  id?: string;
  customer: string;
  items: { price: WPrice; quantity?: number; id?: string }[];
  startDate: number;
  period: { start: number; end: number };
  status: WSubscription["status"];
  collectionMethod?: "charge_automatically" | "send_invoice";
  daysUntilDue?: number | null;
  trial?: { start: number; end: number } | null;
  billingMode?: "classic" | "flexible";
  defaultPaymentMethod?: string | null;
  metadata?: Record<string, string>;
  created?: number;
  description?: string | null;
  /** The connected account the subscription's invoices are charged on behalf of. */
  onBehalfOf?: string | null;
}

/** A subscription object with Stripe's defaults (current API: periods on the items). */
export function buildSubscription(ctx: Ctx, input: SubscriptionInput): WSubscription {
  const id = input.id ?? ctx.state.ids.id("sub");
  const items = input.items.map((item) =>
    buildItem(ctx, id, item.price, item.quantity, input.period, item.id),
  );
  const flexible = input.billingMode === "flexible";
  const sendInvoice = input.collectionMethod === "send_invoice";
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: input.period.start,
    billing_cycle_anchor_config: null,
    billing_mode: flexible
      ? { type: "flexible", flexible: { proration_discounts: "included" }, updated_at: input.startDate }
      : { type: "classic", flexible: null },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: input.collectionMethod ?? "charge_automatically",
    created: input.created ?? input.startDate,
    currency: input.items[0]?.price.currency ?? "usd",
    customer: input.customer,
    customer_account: null,
    days_until_due: sendInvoice ? (input.daysUntilDue ?? 30) : null,
    default_payment_method: input.defaultPaymentMethod ?? null,
    default_source: null,
    default_tax_rates: [],
    description: input.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: input.onBehalfOf ?? null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.startDate,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trial?.end ?? null,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" },
    },
    trial_start: input.trial?.start ?? null,
  };
}

/** The current period (classic billing: every item shares it). */
export function currentPeriod(sub: WSubscription): { start: number; end: number } {
  const first = sub.items.data[0];
  return {
    start: first?.current_period_start ?? sub.start_date,
    end: first?.current_period_end ?? sub.start_date,
  };
}

/** The recurring interval of a subscription's prices. */
export function intervalOf(price: WPrice): { interval: Interval; count: number } {
  return {
    interval: (price.recurring?.interval ?? "month") as Interval,
    count: price.recurring?.interval_count ?? 1,
  };
}

/** The end of a period that starts at `start` for this price, keeping the anchor's day. */
export function periodEnd(price: WPrice, start: number, anchor = start): number {
  const { interval, count } = intervalOf(price);
  return addInterval(start, interval, count, anchor);
}

/** Sets every item's period. */
export function setPeriod(sub: WSubscription, period: { start: number; end: number }): void {
  for (const item of sub.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

/** Whether a subscription still bills (not ended). */
export function isLive(sub: WSubscription): boolean {
  return sub.status !== "canceled" && sub.status !== "incomplete_expired";
}
