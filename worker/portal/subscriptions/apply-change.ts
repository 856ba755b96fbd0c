/**
 * Applying a confirmed plan change. Immediate changes are one subscription update with the
 * previewed proration date. One invoiced at once goes in as a pending update
 * (`pending_if_incomplete`): Stripe applies it only once its invoice is paid, which leaves room
 * for 3-D Secure (pending-change.ts). Others use `error_if_incomplete` (see
 * billing/payment-behavior.ts). Either way a payment that does not succeed leaves the
 * subscription as it was. Period-end changes attach a subscription schedule: current items
 * until the period ends, then the new ones.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { hasFuturePhase } from "../../billing/eligibility";
import { changePaymentBehavior } from "../../billing/payment-behavior";
import type { AppEnv } from "../../env";
import type { SubmissionKeys } from "../idempotency";
import { portalStripe } from "../stripe-call";
import type { PlannedChange } from "./change-request";
import { changeFields, discountsParam } from "./preview";

/**
 * Applies an immediate change. Throws Stripe's error when it is refused. A pending update comes
 * back with `pending_update` set and its `latest_invoice` expanded with `payments`.
 */
export async function applyChangeNow(
  c: Context<AppEnv>,
  change: PlannedChange,
  prorationDate: number,
  keys: SubmissionKeys,
): Promise<Stripe.Subscription> {
  const { stripe, write } = portalStripe(c);
  const discounts = discountsParam(change.subscription, change.discount);
  const behavior = changePaymentBehavior({
    invoicesNow: change.invoicesNow,
    addsDiscount: change.discount !== null,
  });
  const params: Stripe.SubscriptionUpdateParams = {
    ...changeFields(c, change, prorationDate),
    ...(discounts ? { discounts } : {}),
    payment_behavior: behavior,
    // What settling a pending update reads next: the invoice's PaymentIntent.
    ...(behavior === "pending_if_incomplete" ? { expand: ["latest_invoice.payments"] } : {}),
  };
  return stripe.subscriptions.update(change.subscription.id, params, write(await keys.key("update")));
}

function existingSchedule(sub: Stripe.Subscription): Stripe.SubscriptionSchedule | null {
  const schedule = sub.schedule;
  if (!schedule || typeof schedule === "string") return null;
  if (schedule.status !== "active" && schedule.status !== "not_started") return null;
  // Eligibility has ruled out future phases; a schedule without them is reused.
  return hasFuturePhase(schedule) ? null : schedule;
}

/**
 * Schedules the change for the period end. A schedule already attached (without future
 * phases) is reused, since Stripe allows one per subscription. If the second step fails the
 * new schedule is released again, leaving the subscription as it was.
 */
export async function scheduleChange(
  c: Context<AppEnv>,
  change: PlannedChange,
  keys: SubmissionKeys,
): Promise<void> {
  const { stripe, write } = portalStripe(c);
  const sub = change.subscription;
  const reused = existingSchedule(sub);
  const schedule =
    reused ??
    (await stripe.subscriptionSchedules.create(
      { from_subscription: sub.id },
      write(await keys.key("schedule")),
    ));
  const currentStart = schedule.current_phase?.start_date ?? schedule.phases[0]?.start_date;
  const kept = (sub.discounts ?? []).map((d) => ({ discount: typeof d === "string" ? d : d.id }));
  const recurring = change.to.price.recurring;
  const params: Stripe.SubscriptionScheduleUpdateParams = {
    end_behavior: "release",
    proration_behavior: "none",
    phases: [
      {
        items: [{ price: change.from.price.id, quantity: change.from.quantity }],
        ...(currentStart !== undefined ? { start_date: currentStart } : {}),
        end_date: change.periodEnd,
        ...(kept.length > 0 ? { discounts: kept } : {}),
      },
      {
        items: [{ price: change.to.price.id, quantity: change.to.quantity }],
        proration_behavior: "none",
        ...(recurring
          ? {
              duration: {
                interval: recurring.interval as "day" | "week" | "month" | "year",
                interval_count: recurring.interval_count,
              },
            }
          : {}),
        ...(change.discount
          ? { discounts: [...kept, change.discount] }
          : kept.length > 0
            ? { discounts: kept }
            : {}),
      },
    ],
  };
  try {
    await stripe.subscriptionSchedules.update(schedule.id, params, write(await keys.key("schedule-phases")));
  } catch (err) {
    if (!reused) {
      await stripe.subscriptionSchedules
        .release(schedule.id, {}, write(await keys.key("schedule-release")))
        .catch(() => undefined);
    }
    throw err;
  }
}
