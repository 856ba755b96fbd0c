/**
 * What the subscription card tells the customer about a subscription's state: trial, payment
 * trouble, scheduled cancel, pause, scheduled plan change. Pure, so the card stays a view.
 */
import type Stripe from "stripe";
import { scheduledCancelDate } from "./cancel-mode";
import { hasFuturePhase, isEnded } from "./eligibility";

/** A notice shown on the subscription card, most important first. */
export type SubscriptionNotice =
  | { kind: "trialing"; trialEnd: number | null }
  | { kind: "past_due" }
  | { kind: "unpaid" }
  | { kind: "incomplete" }
  | { kind: "cancel_scheduled"; at: number }
  | { kind: "paused"; resumesAt: number | null }
  | { kind: "scheduled_change"; at: number; price: string | Stripe.Price | Stripe.DeletedPrice | null };

/** The schedule's next phase, when one has not started yet. */
export function nextPhase(schedule: Stripe.SubscriptionSchedule): Stripe.SubscriptionSchedule.Phase | null {
  if (!hasFuturePhase(schedule)) return null;
  const current = schedule.current_phase;
  return schedule.phases.find((phase) => (current ? phase.start_date >= current.end_date : true)) ?? null;
}

/** The notices for one subscription (an expanded schedule, if any, adds a plan-change notice). */
export function subscriptionNotices(sub: Stripe.Subscription): SubscriptionNotice[] {
  if (isEnded(sub)) return [];
  const notices: SubscriptionNotice[] = [];
  if (sub.status === "trialing") notices.push({ kind: "trialing", trialEnd: sub.trial_end });
  if (sub.status === "past_due") notices.push({ kind: "past_due" });
  if (sub.status === "unpaid") notices.push({ kind: "unpaid" });
  if (sub.status === "incomplete") notices.push({ kind: "incomplete" });
  const cancelAt = scheduledCancelDate(sub);
  if (cancelAt !== null) notices.push({ kind: "cancel_scheduled", at: cancelAt });
  if (sub.pause_collection) notices.push({ kind: "paused", resumesAt: sub.pause_collection.resumes_at });
  else if (sub.status === "paused") notices.push({ kind: "paused", resumesAt: null });
  if (sub.schedule && typeof sub.schedule !== "string") {
    const phase = nextPhase(sub.schedule);
    if (phase)
      notices.push({ kind: "scheduled_change", at: phase.start_date, price: phase.items[0]?.price ?? null });
  }
  return notices;
}

/**
 * The subscriptions the portal lists: not ended, and when the session is on behalf of a
 * connected account, only those with that `on_behalf_of`.
 */
export function listedSubscriptions(
  subs: readonly Stripe.Subscription[],
  onBehalfOf: string | null,
): Stripe.Subscription[] {
  return subs.filter((sub) => {
    if (isEnded(sub)) return false;
    if (onBehalfOf === null) return true;
    const obo = typeof sub.on_behalf_of === "string" ? sub.on_behalf_of : (sub.on_behalf_of?.id ?? null);
    return obo === onBehalfOf;
  });
}
