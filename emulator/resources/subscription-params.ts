import { currentPeriod } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import { invalidParam } from "../core/errors";
import { hash, int, oneOf, type Params, type Spec, str } from "../core/params";
import type { WSubscription } from "../core/wire";

const discountSpec: Spec = [{ coupon: true, promotion_code: true, discount: true }];

/** Parameters of `POST /v1/subscriptions/{id}`. */
export const updateSpec: { [key: string]: Spec } = {
  items: [
    {
      id: true,
      price: true,
      plan: true,
      quantity: true,
      deleted: true,
      metadata: "map",
      clear_usage: true,
      discounts: discountSpec,
      tax_rates: [true],
    },
  ],
  proration_behavior: true,
  proration_date: true,
  billing_cycle_anchor: true,
  trial_end: true,
  discounts: discountSpec,
  cancel_at_period_end: true,
  cancel_at: true,
  cancellation_details: { comment: true, feedback: true },
  pause_collection: { behavior: true, resumes_at: true },
  default_payment_method: true,
  payment_behavior: true,
  metadata: "map",
  collection_method: true,
  days_until_due: true,
  description: true,
  off_session: true,
  on_behalf_of: true,
  payment_settings: "map",
};

/** Parameters of `POST /v1/subscriptions`. */
export const createSpec: { [key: string]: Spec } = {
  customer: true,
  items: [
    { price: true, plan: true, quantity: true, metadata: "map", discounts: discountSpec, tax_rates: [true] },
  ],
  default_payment_method: true,
  trial_end: true,
  trial_period_days: true,
  collection_method: true,
  days_until_due: true,
  discounts: discountSpec,
  metadata: "map",
  billing_mode: { type: true },
  payment_behavior: true,
  cancel_at_period_end: true,
  cancel_at: true,
  proration_behavior: true,
  description: true,
  off_session: true,
  on_behalf_of: true,
  payment_settings: "map",
};

/**
 * Reads `billing_cycle_anchor`: `{ type: "now" | "unchanged" }` in the current API (older
 * versions sent the bare string, which is accepted too).
 */
export function readAnchor(params: Params, name = "billing_cycle_anchor"): "now" | "unchanged" | undefined {
  const value = params.billing_cycle_anchor;
  if (value === undefined) return undefined;
  if (typeof value === "string")
    return oneOf(params, "billing_cycle_anchor", ["now", "unchanged"] as const, name);
  const anchor = hash(params, "billing_cycle_anchor", name);
  if (!anchor) return undefined;
  const type = str(anchor, "type", `${name}[type]`);
  if (type === "timestamp")
    throw invalidParam(
      `${name}[type]`,
      "The emulator does not support billing_cycle_anchor[type]=timestamp.",
    );
  return oneOf(anchor, "type", ["now", "unchanged"] as const, `${name}[type]`);
}

/** Reads `trial_end` ("now" or a timestamp). */
export function readTrialEnd(params: Params, name = "trial_end"): "now" | number | undefined {
  const value = str(params, name);
  if (value === undefined) return undefined;
  if (value === "now") return "now";
  return int(params, name);
}

const FEEDBACK = [
  "customer_service",
  "low_quality",
  "missing_features",
  "other",
  "switched_service",
  "too_complex",
  "too_expensive",
  "unused",
] as const;

/** Applies `cancellation_details[comment|feedback]`. */
export function applyCancellationDetails(sub: WSubscription, params: Params): void {
  const details = hash(params, "cancellation_details");
  if (!details) return;
  const current = sub.cancellation_details ?? {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  };
  const comment = str(details, "comment", "cancellation_details[comment]");
  if (comment !== undefined) current.comment = comment || null;
  const feedback =
    details.feedback === "" ? null : oneOf(details, "feedback", FEEDBACK, "cancellation_details[feedback]");
  if (feedback !== undefined) current.feedback = feedback;
  sub.cancellation_details = current;
}

/**
 * Applies `cancel_at_period_end` and `cancel_at` (timestamp, "" to clear, or a flexible-mode enum).
 * Stripe documents them as two signals: `cancel_at_period_end=true` fills `cancel_at` with the
 * period end, but a `cancel_at` never turns `cancel_at_period_end` on, not even one that falls
 * on the period end, in either billing mode (flexible mode's period-end cancel is exactly
 * `cancel_at` with `cancel_at_period_end=false`).
 */
export function applyCancellation(ctx: Ctx, sub: WSubscription, params: Params): void {
  const period = currentPeriod(sub);
  const atPeriodEnd = params.cancel_at_period_end;
  if (atPeriodEnd !== undefined) {
    if (atPeriodEnd === "true") {
      sub.cancel_at_period_end = true;
      sub.cancel_at = period.end;
      sub.canceled_at = ctx.ts();
    } else if (atPeriodEnd === "false") {
      sub.cancel_at_period_end = false;
      sub.cancel_at = null;
      sub.canceled_at = null;
    } else {
      throw invalidParam("cancel_at_period_end", `Invalid boolean: ${String(atPeriodEnd)}`);
    }
  }
  const cancelAt = str(params, "cancel_at");
  if (cancelAt === undefined) return;
  if (cancelAt === "") {
    sub.cancel_at = null;
    sub.cancel_at_period_end = false;
    sub.canceled_at = null;
    return;
  }
  let at: number;
  if (cancelAt === "max_period_end" || cancelAt === "min_period_end") {
    if (sub.billing_mode.type !== "flexible") {
      throw invalidParam("cancel_at", `cancel_at=${cancelAt} requires billing_mode[type]=flexible.`);
    }
    const ends = sub.items.data.map((item) => item.current_period_end);
    at = cancelAt === "max_period_end" ? Math.max(...ends) : Math.min(...ends);
  } else {
    const parsed = int(params, "cancel_at");
    if (parsed === undefined) return;
    at = parsed;
  }
  if (at <= ctx.ts()) throw invalidParam("cancel_at", "cancel_at must be in the future.");
  sub.cancel_at = at;
  sub.cancel_at_period_end = false;
  sub.canceled_at = ctx.ts();
}

/** Applies `pause_collection[behavior|resumes_at]` or `pause_collection=""`. */
export function applyPause(sub: WSubscription, params: Params): void {
  const pause = hash(params, "pause_collection");
  if (pause === undefined) return;
  if (pause === null) {
    sub.pause_collection = null;
    return;
  }
  const behavior = oneOf(
    pause,
    "behavior",
    ["keep_as_draft", "mark_uncollectible", "void"] as const,
    "pause_collection[behavior]",
  );
  if (!behavior)
    throw invalidParam(
      "pause_collection[behavior]",
      "Missing required param: pause_collection[behavior].",
      "parameter_missing",
    );
  sub.pause_collection = {
    behavior,
    resumes_at: int(pause, "resumes_at", "pause_collection[resumes_at]") ?? null,
  };
}
