/**
 * How a cancel is carried out (stripe-portal-api.md §3.7): immediately (DELETE with optional
 * prorations) or at period end, which classic billing mode records as
 * `cancel_at_period_end=true` and flexible billing mode as `cancel_at=<period end>`.
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../store/configuration-types";

/** Stripe's limit for `cancellation_details.comment`. */
export const COMMENT_MAX_LENGTH = 5000;

/** The customer's answer to the reason survey, already validated. */
export interface CancellationFeedback {
  feedback: Stripe.SubscriptionUpdateParams.CancellationDetails.Feedback | null;
  comment: string | null;
}

/** What to send to Stripe to cancel. */
export type CancelAction =
  | { kind: "immediately"; params: Stripe.SubscriptionCancelParams }
  | { kind: "at_period_end"; params: Stripe.SubscriptionUpdateParams; endsAt: number };

/** True for a subscription in flexible billing mode. */
export function isFlexibleBillingMode(sub: Pick<Stripe.Subscription, "billing_mode">): boolean {
  return sub.billing_mode?.type === "flexible";
}

/**
 * End of the current period. Since API 2025-03-31 the period lives on each item; the latest
 * end is used so no item loses time the customer paid for.
 */
export function currentPeriodEnd(sub: Stripe.Subscription): number {
  let end = 0;
  for (const item of sub.items.data) end = Math.max(end, item.current_period_end);
  return end;
}

function details(
  feedback: CancellationFeedback | null,
): Stripe.SubscriptionUpdateParams.CancellationDetails | undefined {
  if (!feedback || (feedback.feedback === null && feedback.comment === null)) return undefined;
  const out: Stripe.SubscriptionUpdateParams.CancellationDetails = {};
  if (feedback.feedback !== null) out.feedback = feedback.feedback;
  if (feedback.comment !== null) out.comment = feedback.comment;
  return out;
}

/** Builds the cancel call for this subscription under the configuration's mode. */
export function cancelAction(
  sub: Stripe.Subscription,
  config: PortalConfiguration,
  feedback: CancellationFeedback | null,
): CancelAction {
  const feature = config.features.subscription_cancel;
  const cancellation_details = details(feedback);
  if (feature.mode === "immediately") {
    const prorate = feature.proration_behavior === "create_prorations";
    const params: Stripe.SubscriptionCancelParams = { prorate, invoice_now: prorate };
    if (cancellation_details) params.cancellation_details = cancellation_details;
    return { kind: "immediately", params };
  }
  const endsAt = currentPeriodEnd(sub);
  const params: Stripe.SubscriptionUpdateParams = isFlexibleBillingMode(sub)
    ? { cancel_at: endsAt }
    : { cancel_at_period_end: true };
  if (cancellation_details) params.cancellation_details = cancellation_details;
  return { kind: "at_period_end", params, endsAt };
}

/** The update that undoes a scheduled cancel ("Renew"), whichever way it was recorded. */
export function renewParams(sub: Stripe.Subscription): Stripe.SubscriptionUpdateParams {
  const params: Stripe.SubscriptionUpdateParams = {};
  if (sub.cancel_at_period_end) params.cancel_at_period_end = false;
  if (sub.cancel_at !== null && !sub.cancel_at_period_end) params.cancel_at = "";
  return params;
}

/** The date a scheduled cancel takes effect, or null when none is scheduled. */
export function scheduledCancelDate(sub: Stripe.Subscription): number | null {
  if (sub.cancel_at !== null) return sub.cancel_at;
  if (sub.cancel_at_period_end) return currentPeriodEnd(sub);
  return null;
}

/** Parses the survey answer: a configured option (or nothing) and an optional comment. */
export function parseCancellationFeedback(
  config: PortalConfiguration,
  rawFeedback: unknown,
  rawComment: unknown,
): { ok: true; value: CancellationFeedback } | { ok: false; problem: "unknown_reason" | "comment_too_long" } {
  const reason = config.features.subscription_cancel.cancellation_reason;
  let feedback: CancellationFeedback["feedback"] = null;
  let comment: string | null = null;
  if (reason.enabled) {
    if (typeof rawFeedback === "string" && rawFeedback !== "") {
      if (!reason.options.includes(rawFeedback)) return { ok: false, problem: "unknown_reason" };
      feedback = rawFeedback;
    }
    if (typeof rawComment === "string" && rawComment.trim() !== "") {
      comment = rawComment.trim();
      if (comment.length > COMMENT_MAX_LENGTH) return { ok: false, problem: "comment_too_long" };
    }
  }
  return { ok: true, value: { feedback, comment } };
}
