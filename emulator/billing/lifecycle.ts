import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { WInvoice, WSchedule, WSubscription } from "../core/wire";
import { buildInvoice, finalizeInvoice, voidInvoice } from "./invoices";
import { type LineInput, pendingLines, periodLine } from "./lines";
import { attemptPayment } from "./payments";
import { enterPhaseDiscounts } from "./phase-discounts";
import { buildItem, currentPeriod, isLive, periodEnd, setPeriod } from "./subscription-model";

const pendingKey = (subId: string) => `subscription:${subId}:pending_update`;

/** Keeps the full subscription a `pending_if_incomplete` update will become once paid. */
export function storePendingUpdate(ctx: Ctx, draft: WSubscription): void {
  ctx.account.hidden.set(pendingKey(draft.id), structuredClone(draft));
}

/** The discount objects a subscription carries. */
export function subscriptionDiscounts(ctx: Ctx, sub: WSubscription): Stripe.Discount[] {
  return sub.discounts
    .map((d) =>
      typeof d === "string" ? ctx.account.get<Stripe.Discount>("discount", d) : (d as Stripe.Discount),
    )
    .filter((d): d is Stripe.Discount => d !== undefined);
}

/** Drops discounts that are used up: `once` coupons after an invoice used them, and expired ones. */
export function consumeDiscounts(ctx: Ctx, sub: WSubscription, invoice: WInvoice, at: number): void {
  const used = new Set((invoice.total_discount_amounts ?? []).map((d) => String(d.discount)));
  sub.discounts = subscriptionDiscounts(ctx, sub)
    .filter((d) => {
      const couponId = typeof d.source.coupon === "string" ? d.source.coupon : d.source.coupon?.id;
      const coupon = couponId ? ctx.account.get<Stripe.Coupon>("coupon", couponId) : undefined;
      if (coupon?.duration === "once" && used.has(d.id)) return false;
      return d.end === null || d.end > at;
    })
    .map((d) => d.id);
}

/** After an invoice is paid: apply a pending update it unblocks and recover a past_due subscription. */
export function afterInvoicePaid(ctx: Ctx, invoice: WInvoice): void {
  const subId = invoice.parent?.subscription_details?.subscription;
  if (typeof subId !== "string") return;
  let sub = ctx.account.get<WSubscription>("subscription", subId);
  if (!sub) return;
  const pending = ctx.account.hidden.get(pendingKey(subId)) as WSubscription | undefined;
  if (sub.pending_update && pending && sub.latest_invoice === invoice.id) {
    ctx.account.hidden.delete(pendingKey(subId));
    sub = ctx.account.put({ ...pending, latest_invoice: invoice.id, pending_update: null });
  }
  const stillOpen = ctx.account
    .all<WInvoice>("invoice")
    .some(
      (inv) =>
        inv.status === "open" &&
        inv.amount_remaining > 0 &&
        inv.parent?.subscription_details?.subscription === subId,
    );
  if (!stillOpen && (sub.status === "past_due" || sub.status === "unpaid" || sub.status === "incomplete")) {
    sub.status = "active";
  }
}

/**
 * After an invoice is voided: a pending update waiting for it can never be paid, so it is
 * discarded, as Stripe does when the invoice of a pending update goes away.
 */
export function afterInvoiceVoided(ctx: Ctx, invoice: WInvoice): void {
  const subId = invoice.parent?.subscription_details?.subscription;
  if (typeof subId !== "string") return;
  const sub = ctx.account.get<WSubscription>("subscription", subId);
  if (!sub?.pending_update || sub.latest_invoice !== invoice.id) return;
  sub.pending_update = null;
  ctx.account.hidden.delete(pendingKey(subId));
}

/** Ends a subscription at `at` (cancellation taking effect). */
export function endSubscription(ctx: Ctx, sub: WSubscription, at: number): void {
  sub.status = "canceled";
  sub.ended_at = at;
  sub.canceled_at = sub.canceled_at ?? at;
  if (sub.cancellation_details && !sub.cancellation_details.reason)
    sub.cancellation_details.reason = "cancellation_requested";
  const scheduleId = typeof sub.schedule === "string" ? sub.schedule : null;
  const schedule = scheduleId ? ctx.account.get<WSchedule>("subscription_schedule", scheduleId) : undefined;
  if (schedule && (schedule.status === "active" || schedule.status === "not_started")) {
    schedule.status = "canceled";
    schedule.canceled_at = at;
  }
}

/**
 * Invoices lines for a subscription now: builds, finalizes and (for automatic collection)
 * attempts payment. Returns the invoice and the payment error, if any.
 */
export function invoiceSubscription(
  ctx: Ctx,
  sub: WSubscription,
  lines: LineInput[],
  opts: {
    reason: Stripe.Invoice.BillingReason;
    periodStart: number;
    periodEnd: number;
    at?: number;
    attempt?: boolean;
  },
): { invoice: WInvoice; error: Stripe.errors.StripeError | Error | null } {
  const customer = ctx.account.require<Stripe.Customer>("customer", String(sub.customer));
  const invoice = buildInvoice(ctx, {
    customer,
    subscription: sub,
    lines,
    billingReason: opts.reason,
    collectionMethod: sub.collection_method,
    discounts: subscriptionDiscounts(ctx, sub),
    periodStart: opts.periodStart,
    periodEnd: opts.periodEnd,
    created: opts.at,
  });
  consumeDiscounts(ctx, sub, invoice, opts.at ?? ctx.ts());
  sub.latest_invoice = invoice.id;
  const pause = sub.pause_collection;
  if (pause?.behavior === "keep_as_draft") {
    invoice.auto_advance = false;
    return { invoice, error: null };
  }
  finalizeInvoice(ctx, invoice, sub.days_until_due);
  if (pause) {
    if (invoice.status === "open") invoice.status = pause.behavior === "void" ? "void" : "uncollectible";
    return { invoice, error: null };
  }
  if (sub.collection_method !== "charge_automatically" || opts.attempt === false)
    return { invoice, error: null };
  const error = attemptPayment(ctx, invoice);
  return { invoice, error };
}

function applySchedulePhase(ctx: Ctx, sub: WSubscription, at: number): "continue" | "ended" {
  const scheduleId = typeof sub.schedule === "string" ? sub.schedule : null;
  const schedule = scheduleId ? ctx.account.get<WSchedule>("subscription_schedule", scheduleId) : undefined;
  if (schedule?.status !== "active") return "continue";
  const last = schedule.phases[schedule.phases.length - 1];
  if (last && at >= last.end_date) {
    if (schedule.end_behavior === "cancel") {
      endSubscription(ctx, sub, at);
      schedule.status = "completed";
      schedule.completed_at = at;
      return "ended";
    }
    schedule.status = "released";
    schedule.released_at = at;
    schedule.released_subscription = sub.id;
    schedule.current_phase = null;
    sub.schedule = null;
    return "continue";
  }
  const phase = schedule.phases.find((p) => p.start_date <= at && at < p.end_date);
  if (!phase) return "continue";
  const entering = schedule.current_phase?.start_date !== phase.start_date;
  schedule.current_phase = { start_date: phase.start_date, end_date: phase.end_date };
  const period = currentPeriod(sub);
  sub.items.data = phase.items.map((phaseItem) => {
    const priceId = typeof phaseItem.price === "string" ? phaseItem.price : phaseItem.price.id;
    const existing = sub.items.data.find((item) => item.price.id === priceId);
    if (existing)
      return { ...existing, ...(phaseItem.quantity === undefined ? {} : { quantity: phaseItem.quantity }) };
    const price = ctx.account.require<import("../core/wire").WPrice>("price", priceId);
    return buildItem(ctx, sub.id, price, phaseItem.quantity, period);
  });
  // Redeemed once, when the phase begins (a later period of the same phase keeps them).
  if (entering) enterPhaseDiscounts(ctx, sub, phase.discounts);
  return "continue";
}

/** Starts the next period at `at`: schedule phases, trial end, renewal invoice and payment. */
function rollPeriod(ctx: Ctx, sub: WSubscription, at: number): void {
  const previous = currentPeriod(sub);
  if (applySchedulePhase(ctx, sub, at) === "ended") return;
  if (sub.status === "trialing" && sub.trial_end !== null && sub.trial_end <= at) sub.status = "active";
  if (sub.pause_collection?.resumes_at && sub.pause_collection.resumes_at <= at) sub.pause_collection = null;
  const first = sub.items.data[0];
  if (!first) return;
  const next = { start: at, end: periodEnd(first.price, at, sub.billing_cycle_anchor) };
  setPeriod(sub, next);
  const lines = [
    ...pendingLines(ctx, String(sub.customer), sub.id),
    ...sub.items.data.map((item) =>
      item.price.recurring?.usage_type === "metered"
        ? periodLine(ctx, sub.id, item, previous.start, previous.end)
        : periodLine(ctx, sub.id, item, next.start, next.end),
    ),
  ];
  const { error } = invoiceSubscription(ctx, sub, lines, {
    reason: "subscription_cycle",
    periodStart: previous.start,
    periodEnd: previous.end,
    at,
  });
  if (error && sub.status !== "trialing") sub.status = "past_due";
}

/**
 * Brings an account's subscriptions up to the clock: periods that ended renew (with an
 * invoice and a payment attempt), trials end, scheduled cancellations and schedule phases
 * take effect. Runs before every request, so moving the test clock is all a test needs.
 */
export function advanceAccount(ctx: Ctx): void {
  const now = ctx.ts();
  for (const sub of ctx.account.all<WSubscription>("subscription")) {
    if (!isLive(sub)) continue;
    if (sub.pending_update && sub.pending_update.expires_at <= now) {
      // Stripe voids the unpaid invoice of an expired pending update and discards the update.
      const invoice = sub.latest_invoice
        ? ctx.account.get<WInvoice>("invoice", String(sub.latest_invoice))
        : undefined;
      if (invoice && (invoice.status === "open" || invoice.status === "uncollectible")) {
        voidInvoice(invoice, sub.pending_update.expires_at);
      }
      sub.pending_update = null;
      ctx.account.hidden.delete(pendingKey(sub.id));
    }
    if (sub.status === "incomplete") {
      if (sub.created + 23 * 3600 <= now) sub.status = "incomplete_expired";
      continue;
    }
    for (let guard = 0; guard < 240 && isLive(sub); guard++) {
      const period = currentPeriod(sub);
      if (sub.cancel_at !== null && sub.cancel_at <= now && sub.cancel_at <= period.end) {
        endSubscription(ctx, sub, sub.cancel_at);
        break;
      }
      if (period.end > now) break;
      rollPeriod(ctx, sub, period.end);
    }
    // A pause ends at resumes_at, not at the next renewal (renewals before it stayed paused).
    const resumesAt = sub.pause_collection?.resumes_at;
    if (isLive(sub) && resumesAt != null && resumesAt <= now) sub.pause_collection = null;
  }
}
