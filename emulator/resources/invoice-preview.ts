import type Stripe from "stripe";
import { type ProrationBehavior, planChange, readItemChanges } from "../billing/changes";
import { resolveDiscounts } from "../billing/discounts";
import { buildInvoice } from "../billing/invoices";
import { subscriptionDiscounts } from "../billing/lifecycle";
import { type LineInput, pendingLines, periodLine, prorationLine } from "../billing/lines";
import { buildItem, currentPeriod, isLive, periodEnd } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import { invalidParam, parameterMissing, StripeError } from "../core/errors";
import { bool, checkParams, hash, hashList, int, oneOf, type Params, type Spec, str } from "../core/params";
import type { WInvoice, WPrice, WSubscription } from "../core/wire";
import { readOnBehalfOf } from "./on-behalf-of";
import { lastingDiscounts, recurringEstimate } from "./preview-recurring";
import { applyCancellation, readAnchor, readTrialEnd } from "./subscription-params";

const discountSpec: Spec = [{ coupon: true, promotion_code: true, discount: true }];

const previewSpec: { [key: string]: Spec } = {
  customer: true,
  subscription: true,
  subscription_details: {
    items: [
      {
        id: true,
        price: true,
        plan: true,
        quantity: true,
        deleted: true,
        clear_usage: true,
        metadata: "map",
        discounts: discountSpec,
        tax_rates: [true],
      },
    ],
    proration_behavior: true,
    proration_date: true,
    billing_cycle_anchor: true,
    trial_end: true,
    cancel_at_period_end: true,
    cancel_now: true,
    cancel_at: true,
    default_tax_rates: true,
    metadata: "map",
    resume_at: true,
    start_date: true,
    billing_mode: { type: true },
  },
  discounts: discountSpec,
  automatic_tax: { enabled: true },
  currency: true,
  customer_details: "map",
  invoice_items: "map",
  preview_mode: true,
  issuer: "map",
  on_behalf_of: true,
};

function noUpcoming(customer: string): StripeError {
  return new StripeError(404, "invalid_request_error", `No upcoming invoices for customer: ${customer}`, {
    code: "invoice_upcoming_none",
  });
}

function previewDiscounts(
  ctx: Ctx,
  sub: WSubscription | null,
  customer: string,
  currency: string,
  amount: number,
): Stripe.Discount[] {
  const list = hashList(ctx.params, "discounts");
  if (list === undefined) return sub ? subscriptionDiscounts(ctx, sub) : [];
  return resolveDiscounts(ctx, list, {
    customer,
    subscription: sub?.id ?? null,
    currency,
    existing: sub ? subscriptionDiscounts(ctx, sub) : [],
    prefix: "discounts",
    amount,
  }).discounts;
}

/** Preview of the first invoice of a subscription that does not exist yet. */
function previewNew(
  ctx: Ctx,
  customer: Stripe.Customer,
  details: Params,
  onBehalfOf: string | null | undefined,
  recurring: boolean,
): WInvoice {
  const list = hashList(details, "items", "subscription_details[items]");
  if (!list?.length) throw parameterMissing("subscription_details[items]");
  const now = ctx.ts();
  const lines = readItemChanges(list, "subscription_details[items]").map((change, i) => {
    if (!change.price) throw parameterMissing(`subscription_details[items][${i}][price]`);
    const price = ctx.account.require<WPrice>(
      "price",
      change.price,
      `subscription_details[items][${i}][price]`,
    );
    const item = buildItem(ctx, "", price, change.quantity, { start: now, end: periodEnd(price, now) });
    return {
      ...periodLine(ctx, "", item, now, item.current_period_end),
      subscription: null,
      subscriptionItem: null,
    };
  });
  const currency = lines[0]?.currency ?? "usd";
  const amount = lines.reduce((sum, line) => sum + line.amount, 0);
  const discounts = previewDiscounts(ctx, null, customer.id, currency, amount);
  return buildInvoice(ctx, {
    customer,
    subscription: null,
    lines,
    billingReason: recurring ? "upcoming" : "subscription_create",
    collectionMethod: "charge_automatically",
    discounts: recurring ? lastingDiscounts(ctx, discounts) : discounts,
    periodStart: now,
    periodEnd: now,
    preview: true,
    onBehalfOf: onBehalfOf ?? null,
  });
}

/**
 * `POST /v1/invoices/create_preview`: the invoice a subscription change would produce, built
 * with the same planner as the update itself (so preview and update agree), without storing
 * anything. Immediate invoices (always_invoice, a reset billing anchor, cancel_now) are
 * previewed as such; otherwise the next renewal invoice, including pending prorations.
 */
export function previewInvoice(ctx: Ctx): WInvoice {
  checkParams(ctx.params, previewSpec);
  const p = ctx.params;
  const subId = str(p, "subscription");
  let customerId = str(p, "customer");
  const sub = subId ? ctx.account.require<WSubscription>("subscription", subId, "subscription") : null;
  if (sub) {
    if (customerId && customerId !== sub.customer) {
      throw invalidParam("customer", `The subscription ${sub.id} does not belong to customer ${customerId}.`);
    }
    customerId = String(sub.customer);
  }
  if (!customerId) throw parameterMissing("customer");
  const customer = ctx.account.require<Stripe.Customer>("customer", customerId, "customer");
  const details = hash(p, "subscription_details") ?? {};
  // Without the parameter the preview carries the subscription's own on_behalf_of.
  const onBehalfOf = readOnBehalfOf(ctx, p);
  const recurring = (oneOf(p, "preview_mode", ["next", "recurring"] as const) ?? "next") === "recurring";
  if (!sub) {
    if (recurring && !hashList(details, "items", "subscription_details[items]")?.length) {
      throw invalidParam(
        "preview_mode",
        "To calculate a recurring estimate, you must provide at least one of `subscription` or `subscription_details.items`.",
      );
    }
    return previewNew(ctx, customer, details, onBehalfOf, recurring);
  }
  if (!isLive(sub)) throw noUpcoming(customerId);

  const behavior = (oneOf(
    details,
    "proration_behavior",
    ["create_prorations", "none", "always_invoice"] as const,
    "subscription_details[proration_behavior]",
  ) ?? "create_prorations") as ProrationBehavior;
  const prorationDate = int(details, "proration_date", "subscription_details[proration_date]");
  const itemParams = hashList(details, "items", "subscription_details[items]");
  const trialEnd = readTrialEnd(details);
  const anchor = readAnchor(details, "subscription_details[billing_cycle_anchor]");
  const draft = structuredClone(sub);
  const plan =
    itemParams || trialEnd !== undefined || anchor === "now"
      ? planChange(ctx, draft, {
          items: itemParams ? readItemChanges(itemParams, "subscription_details[items]") : undefined,
          prorationBehavior: behavior,
          prorationDate,
          billingCycleAnchor: anchor,
          trialEnd,
          prefix: "subscription_details[items]",
        })
      : null;
  if (plan) draft.items.data = plan.items;
  applyCancellation(ctx, draft, details);
  const now = ctx.ts();
  const period = currentPeriod(sub);
  if (recurring) {
    // Prorations, cancellations and trials have no place in a recurring estimate.
    const estimateAmount = draft.items.data.reduce(
      (sum, item) => sum + (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
      0,
    );
    return recurringEstimate(ctx, {
      customer,
      subscription: draft,
      start: plan ? plan.period.end : period.end,
      anchor: plan?.resetAnchor ? plan.period.start : sub.billing_cycle_anchor,
      discounts: previewDiscounts(ctx, sub, customerId, sub.currency, estimateAmount),
      onBehalfOf,
    });
  }
  const pending = pendingLines(ctx, customerId, sub.id);
  const amount = draft.items.data.reduce(
    (sum, item) => sum + (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
    0,
  );
  const discounts = previewDiscounts(ctx, sub, customerId, sub.currency, amount);

  let lines: LineInput[];
  let reason: Stripe.Invoice.BillingReason = "subscription_update";
  let created = now;
  let periodBounds = { start: period.start, end: now };
  if (bool(details, "cancel_now", "subscription_details[cancel_now]")) {
    const d = Math.min(Math.max(prorationDate ?? now, period.start), period.end);
    const credits =
      behavior === "none" || sub.status === "trialing"
        ? []
        : sub.items.data
            .filter((item) => item.price.recurring?.usage_type !== "metered")
            .map((item) => prorationLine(ctx, sub.id, item, period, d, -1));
    lines = [...pending, ...credits];
  } else if (plan?.invoiceLines) {
    lines = [...pending, ...plan.invoiceLines];
  } else {
    const nextStart = plan ? plan.period.end : period.end;
    const extra = plan?.pendingLines ?? [];
    const ends = draft.cancel_at !== null && draft.cancel_at <= nextStart;
    if (ends && pending.length + extra.length === 0) throw noUpcoming(customerId);
    const upcoming = ends
      ? []
      : draft.items.data.map((item) =>
          item.price.recurring?.usage_type === "metered"
            ? periodLine(ctx, sub.id, item, period.start, nextStart)
            : periodLine(
                ctx,
                sub.id,
                item,
                nextStart,
                periodEnd(item.price, nextStart, sub.billing_cycle_anchor),
              ),
        );
    lines = [...pending, ...extra, ...upcoming];
    reason = "upcoming";
    created = nextStart;
    periodBounds = { start: period.start, end: nextStart };
  }
  const invoice = buildInvoice(ctx, {
    customer,
    subscription: draft,
    lines,
    billingReason: reason,
    collectionMethod: sub.collection_method,
    discounts,
    periodStart: periodBounds.start,
    periodEnd: periodBounds.end,
    created,
    preview: true,
    onBehalfOf,
  });
  if (prorationDate !== undefined && invoice.parent?.subscription_details) {
    invoice.parent.subscription_details.subscription_proration_date = prorationDate;
  }
  if (invoice.collection_method === "charge_automatically" && invoice.amount_due > 0)
    invoice.next_payment_attempt = created;
  return invoice;
}
