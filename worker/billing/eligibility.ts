/**
 * What a customer may do to one subscription in the portal: update, cancel, pause, resume,
 * renew. Pure functions of the subscription, the configuration and (when known) the attached
 * schedule, so the pages, the flows and the merchant API's flow validation agree. The rules
 * follow Stripe's "customer portal limitations" (stripe-portal-api.md §3.3); a refusal always
 * carries a reason so the page can say why instead of silently hiding the button.
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../store/configuration-types";

/** Why an action is not offered for a subscription. */
export type IneligibleReason =
  /** The feature is off in the configuration (or allows nothing, e.g. no allowed updates). */
  | "feature_disabled"
  /** Canceled or incomplete_expired: nothing can be done any more. */
  | "ended"
  /** Still waiting for its first payment (`incomplete`): nothing to change yet. */
  | "incomplete"
  /** More than one item: Stripe's portal cannot update multi-product subscriptions. */
  | "multiple_items"
  /** A usage-based (metered) price. */
  | "metered"
  /** `collection_method=send_invoice`. */
  | "send_invoice"
  /** A subscription schedule with a future phase is attached: no update or cancel. */
  | "scheduled_change"
  /** The current price's `tax_behavior` is unspecified (or unset). */
  | "tax_behavior_unspecified"
  /** The subscription's product is not among the configuration's products. */
  | "product_not_offered"
  /** A cancel is already scheduled (`cancel_at_period_end` or `cancel_at`). */
  | "already_canceling"
  /** Collection is paused (or the subscription status is `paused`). */
  | "paused"
  /** Trialing subscriptions are not paused (there is nothing to collect yet). */
  | "trialing"
  /** Resume asked for a subscription that is not paused. */
  | "not_paused"
  /** Renew asked for a subscription with no scheduled cancel. */
  | "not_canceling";

/** The answer of every eligibility rule. */
export type Eligibility = { allowed: true } | { allowed: false; reason: IneligibleReason };

const ALLOWED: Eligibility = { allowed: true };

function deny(reason: IneligibleReason): Eligibility {
  return { allowed: false, reason };
}

/** Statuses after which a subscription cannot change any more. */
const ENDED_STATUSES: ReadonlySet<string> = new Set(["canceled", "incomplete_expired"]);

/** True for a subscription that has ended. */
export function isEnded(sub: Stripe.Subscription): boolean {
  return ENDED_STATUSES.has(sub.status);
}

/**
 * True when a cancel is scheduled: classic billing mode says so with `cancel_at_period_end`,
 * flexible billing mode (and merchant-set end dates) with `cancel_at`.
 */
export function isCancelScheduled(sub: Stripe.Subscription): boolean {
  return sub.cancel_at_period_end || sub.cancel_at !== null;
}

/** True when collection is paused (`pause_collection`) or the status itself is `paused`. */
export function isPaused(sub: Stripe.Subscription): boolean {
  return sub.pause_collection != null || sub.status === "paused";
}

/**
 * The schedule to judge: the one passed in, else the expanded `sub.schedule`. A schedule known
 * only by id counts as blocking, since a future phase cannot be ruled out without loading it.
 */
function resolveSchedule(
  sub: Stripe.Subscription,
  schedule: Stripe.SubscriptionSchedule | null | undefined,
): Stripe.SubscriptionSchedule | "unknown" | null {
  if (schedule !== undefined) return schedule;
  if (sub.schedule === null) return null;
  if (typeof sub.schedule === "string") return "unknown";
  return sub.schedule;
}

/**
 * True when a schedule has a phase that has not started yet. A schedule without future phases
 * (or one already released, canceled or completed) does not block anything, as Stripe's
 * engineers confirmed; no clock is needed because `current_phase` marks where "now" is.
 */
export function hasFuturePhase(schedule: Stripe.SubscriptionSchedule): boolean {
  if (schedule.status !== "active" && schedule.status !== "not_started") return false;
  const current = schedule.current_phase;
  if (!current) return schedule.phases.length > 0;
  return schedule.phases.some((phase) => phase.start_date >= current.end_date);
}

function blockedBySchedule(
  sub: Stripe.Subscription,
  schedule: Stripe.SubscriptionSchedule | null | undefined,
): boolean {
  const resolved = resolveSchedule(sub, schedule);
  if (resolved === null) return false;
  if (resolved === "unknown") return true;
  return hasFuturePhase(resolved);
}

/** The product id of a price, whether `product` is expanded or not. */
export function productIdOf(price: Stripe.Price): string {
  return typeof price.product === "string" ? price.product : price.product.id;
}

/**
 * Whether the customer may change the subscription's price, quantity or promotion code.
 * The single item's price must be licensed, tax-specified and on an offered product, and the
 * subscription charged automatically with no scheduled change or cancel.
 */
export function updateEligibility(
  sub: Stripe.Subscription,
  config: PortalConfiguration,
  schedule?: Stripe.SubscriptionSchedule | null,
): Eligibility {
  if (isEnded(sub)) return deny("ended");
  const feature = config.features.subscription_update;
  if (!feature.enabled || feature.default_allowed_updates.length === 0) return deny("feature_disabled");
  if (sub.status === "incomplete") return deny("incomplete");
  if (isPaused(sub)) return deny("paused");
  if (isCancelScheduled(sub)) return deny("already_canceling");
  if (sub.items.data.length !== 1) return deny("multiple_items");
  const item = sub.items.data[0];
  if (!item) return deny("multiple_items");
  if (item.price.recurring?.usage_type === "metered") return deny("metered");
  if (sub.collection_method === "send_invoice") return deny("send_invoice");
  if (blockedBySchedule(sub, schedule)) return deny("scheduled_change");
  const taxBehavior = item.price.tax_behavior;
  if (taxBehavior === null || taxBehavior === "unspecified") return deny("tax_behavior_unspecified");
  const productId = productIdOf(item.price);
  if (!feature.products.some((p) => p.product === productId)) return deny("product_not_offered");
  return ALLOWED;
}

/** Whether the customer may cancel: not ended, not already canceling, no future schedule phase. */
export function cancelEligibility(
  sub: Stripe.Subscription,
  config: PortalConfiguration,
  schedule?: Stripe.SubscriptionSchedule | null,
): Eligibility {
  if (isEnded(sub)) return deny("ended");
  if (!config.features.subscription_cancel.enabled) return deny("feature_disabled");
  if (isCancelScheduled(sub)) return deny("already_canceling");
  if (blockedBySchedule(sub, schedule)) return deny("scheduled_change");
  return ALLOWED;
}

/**
 * Whether the customer may pause collection. Only a running (active or past_due) subscription
 * with nothing scheduled can be paused; a trial has nothing to collect yet.
 */
export function pauseEligibility(
  sub: Stripe.Subscription,
  config: PortalConfiguration,
  schedule?: Stripe.SubscriptionSchedule | null,
): Eligibility {
  if (isEnded(sub)) return deny("ended");
  if (!config.features.subscription_pause?.enabled) return deny("feature_disabled");
  if (isPaused(sub)) return deny("paused");
  if (sub.status === "incomplete") return deny("incomplete");
  if (sub.status === "trialing") return deny("trialing");
  if (isCancelScheduled(sub)) return deny("already_canceling");
  if (blockedBySchedule(sub, schedule)) return deny("scheduled_change");
  return ALLOWED;
}

/**
 * Whether the customer may resume a paused subscription. Allowed even when the merchant has
 * since switched pausing off: a customer must never be stuck in a pause they cannot end.
 */
export function resumeEligibility(sub: Stripe.Subscription): Eligibility {
  if (isEnded(sub)) return deny("ended");
  if (sub.pause_collection == null) return deny("not_paused");
  return ALLOWED;
}

/**
 * Whether the customer may undo a scheduled cancel ("Renew plan"). Offered whenever a cancel is
 * scheduled and the subscription is still running, like Stripe's portal.
 */
export function renewEligibility(sub: Stripe.Subscription): Eligibility {
  if (isEnded(sub)) return deny("ended");
  if (!isCancelScheduled(sub)) return deny("not_canceling");
  return ALLOWED;
}
