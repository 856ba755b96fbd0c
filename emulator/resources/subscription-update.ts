import type Stripe from "stripe";
import { type ProrationBehavior, planChange, readItemChanges } from "../billing/changes";
import { collectProblem, incompleteError, type PaymentBehavior } from "../billing/collect";
import { resolveDiscounts } from "../billing/discounts";
import { invoiceSubscription, storePendingUpdate, subscriptionDiscounts } from "../billing/lifecycle";
import { pendingLines, storePendingItem } from "../billing/lines";
import { currentPeriod } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import { invalidParam, invalidRequest } from "../core/errors";
import { checkParams, hashList, int, mergeMetadata, oneOf, str } from "../core/params";
import type { WSubscription } from "../core/wire";
import { requireCustomerPaymentMethod } from "./customers";
import { readOnBehalfOf } from "./on-behalf-of";
import {
  applyCancellation,
  applyCancellationDetails,
  applyPause,
  readAnchor,
  readTrialEnd,
  updateSpec,
} from "./subscription-params";

const PAYMENT_BEHAVIORS = [
  "allow_incomplete",
  "error_if_incomplete",
  "pending_if_incomplete",
  "default_incomplete",
] as const;

/** What a pending update can carry (Stripe's pending updates reference); anything else is refused. */
const PENDING_PARAMS = new Set([
  "expand",
  "payment_behavior",
  "proration_behavior",
  "proration_date",
  "billing_cycle_anchor",
  "items",
  "trial_end",
  "trial_from_plan",
  "add_invoice_items",
]);
const PENDING_ITEM_PARAMS = new Set(["id", "price", "quantity"]);

function checkPendingParams(p: Record<string, unknown>, items: Record<string, unknown>[] | undefined): void {
  const refuse = (param: string) =>
    invalidParam(
      param,
      `\`${param}\` cannot be used with payment_behavior=pending_if_incomplete. Pending updates only support the parameters listed at https://docs.stripe.com/billing/subscriptions/pending-updates-reference.`,
    );
  const other = Object.keys(p).find((key) => !PENDING_PARAMS.has(key));
  if (other) throw refuse(other);
  for (const [index, item] of (items ?? []).entries()) {
    const key = Object.keys(item).find((k) => !PENDING_ITEM_PARAMS.has(k));
    if (key) throw refuse(`items[${index}][${key}]`);
  }
}

/**
 * `POST /v1/subscriptions/{id}`: validates everything on a copy, then applies items, prorations,
 * discounts, cancellation, pause and payment method changes, and collects any immediate
 * invoice according to `payment_behavior`.
 */
export function updateSubscription(ctx: Ctx, id: string): WSubscription {
  checkParams(ctx.params, updateSpec);
  const sub = ctx.account.require<WSubscription>("subscription", id);
  const p = ctx.params;
  if (sub.status === "canceled" || sub.status === "incomplete_expired") {
    const allowed = new Set(["metadata", "cancellation_details", "expand"]);
    const other = Object.keys(p).find((key) => !allowed.has(key));
    if (other) {
      throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.", {
        param: other,
      });
    }
  }
  const draft = structuredClone(sub);
  const onBehalfOf = readOnBehalfOf(ctx, p);
  if (onBehalfOf !== undefined) draft.on_behalf_of = onBehalfOf;
  const customerId = String(sub.customer);
  const prorationBehavior =
    oneOf(p, "proration_behavior", ["create_prorations", "none", "always_invoice"] as const) ??
    "create_prorations";
  const paymentBehavior: PaymentBehavior =
    oneOf(p, "payment_behavior", PAYMENT_BEHAVIORS) ?? "allow_incomplete";
  const itemParams = hashList(p, "items");
  if (paymentBehavior === "pending_if_incomplete") checkPendingParams(p, itemParams);
  const trialEnd = readTrialEnd(p);
  const anchor = readAnchor(p);
  const prorationDate = int(p, "proration_date");
  if (sub.schedule && (itemParams || p.cancel_at_period_end !== undefined || p.cancel_at !== undefined)) {
    throw invalidRequest(
      `The subscription is managed by the subscription schedule \`${String(sub.schedule)}\`, and updating any cancelation behavior or items directly is not allowed. Please update the schedule instead.`,
    );
  }

  const plan =
    itemParams || trialEnd !== undefined || anchor === "now"
      ? planChange(ctx, draft, {
          items: itemParams ? readItemChanges(itemParams, "items") : undefined,
          prorationBehavior: prorationBehavior as ProrationBehavior,
          prorationDate,
          billingCycleAnchor: anchor,
          trialEnd,
          prefix: "items",
        })
      : null;
  if (prorationDate !== undefined && plan === null) {
    throw invalidParam("proration_date", "proration_date can only be used when changing items.");
  }
  if (plan) {
    draft.items.data = plan.items;
    draft.status = plan.status;
    draft.trial_end = plan.trialEnd;
    if (plan.resetAnchor) draft.billing_cycle_anchor = plan.period.start;
    if (draft.cancel_at_period_end) draft.cancel_at = plan.period.end;
  }

  applyCancellation(ctx, draft, p);
  applyCancellationDetails(draft, p);
  applyPause(draft, p);
  const pm = str(p, "default_payment_method");
  if (pm === "") draft.default_payment_method = null;
  else if (pm !== undefined) {
    requireCustomerPaymentMethod(ctx.account, customerId, pm, "default_payment_method");
    draft.default_payment_method = pm;
  }
  const collection = oneOf(p, "collection_method", ["charge_automatically", "send_invoice"] as const);
  if (collection) draft.collection_method = collection;
  const daysUntilDue = int(p, "days_until_due");
  if (daysUntilDue !== undefined) draft.days_until_due = daysUntilDue;
  else if (collection === "send_invoice" && draft.days_until_due === null) draft.days_until_due = 30;
  if (collection === "charge_automatically") draft.days_until_due = null;
  const description = str(p, "description");
  if (description !== undefined) draft.description = description || null;
  draft.metadata = mergeMetadata(draft.metadata, p);

  const discountParams = hashList(p, "discounts");
  const discounts = discountParams
    ? resolveDiscounts(ctx, discountParams, {
        customer: customerId,
        subscription: sub.id,
        currency: sub.currency,
        existing: subscriptionDiscounts(ctx, sub),
        prefix: "discounts",
        amount: draft.items.data.reduce(
          (sum, item) => sum + (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
          0,
        ),
      })
    : null;
  if (discounts) draft.discounts = discounts.discounts.map((d) => d.id);

  const lines = plan?.invoiceLines ? [...pendingLines(ctx, customerId, sub.id), ...plan.invoiceLines] : null;
  if (lines && (paymentBehavior === "error_if_incomplete" || paymentBehavior === "pending_if_incomplete")) {
    discounts?.commit();
    const problem = collectProblem(ctx, draft, lines);
    if (problem) {
      if (paymentBehavior === "error_if_incomplete") throw incompleteError(problem);
      // pending_if_incomplete: invoice the change, but apply it only once that invoice is paid.
      const { invoice } = invoiceSubscription(ctx, draft, lines, {
        reason: "subscription_update",
        periodStart: ctx.ts(),
        periodEnd: ctx.ts(),
      });
      storePendingUpdate(ctx, draft);
      sub.latest_invoice = invoice.id;
      sub.pending_update = {
        billing_cycle_anchor: plan?.resetAnchor ? plan.period.start : null,
        cancel_at_period_end: null,
        discount: null,
        discounts: null,
        expires_at: ctx.ts() + 23 * 3600,
        metadata: null,
        subscription_items: draft.items.data as unknown as Stripe.SubscriptionItem[],
        trial_end: plan?.trialEnd !== sub.trial_end ? (plan?.trialEnd ?? null) : null,
        trial_from_plan: null,
      } as unknown as WSubscription["pending_update"];
      return sub;
    }
  } else {
    discounts?.commit();
  }

  if (lines) {
    const { error } = invoiceSubscription(ctx, draft, lines, {
      reason: "subscription_update",
      periodStart: currentPeriod(sub).start,
      periodEnd: ctx.ts(),
      attempt: paymentBehavior !== "default_incomplete",
    });
    const invoice = draft.latest_invoice
      ? ctx.account.get<{ status: string; amount_remaining: number; object: string; id: string }>(
          "invoice",
          String(draft.latest_invoice),
        )
      : undefined;
    if (error || (paymentBehavior === "default_incomplete" && invoice?.status === "open"))
      draft.status = "past_due";
  } else if (plan && plan.pendingLines.length > 0) {
    for (const line of plan.pendingLines) storePendingItem(ctx, customerId, line);
  }
  return ctx.account.put(draft);
}
