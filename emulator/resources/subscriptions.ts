import type Stripe from "stripe";
import { collectProblem, incompleteError, type PaymentBehavior } from "../billing/collect";
import { resolveDiscounts } from "../billing/discounts";
import { endSubscription, invoiceSubscription } from "../billing/lifecycle";
import { type LineInput, pendingLines, periodLine, prorationLine, storePendingItem } from "../billing/lines";
import { buildSubscription, currentPeriod, isLive, periodEnd } from "../billing/subscription-model";
import type { Api } from "../core/app";
import { invalidParam, invalidRequest, parameterMissing } from "../core/errors";
import { paginate } from "../core/list";
import { bool, checkParams, hash, hashList, int, mergeMetadata, oneOf, str } from "../core/params";
import type { WPrice, WSubscription } from "../core/wire";
import { requireCustomerPaymentMethod } from "./customers";
import { readOnBehalfOf } from "./on-behalf-of";
import { applyCancellation, applyCancellationDetails, createSpec, readTrialEnd } from "./subscription-params";
import { updateSubscription } from "./subscription-update";

const STATUSES = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
] as const;

/** Subscriptions: list, retrieve, create, update, cancel, delete discount. */
export function registerSubscriptions(api: Api): void {
  api.get("/v1/subscriptions", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      customer: true,
      status: true,
      price: true,
      collection_method: true,
      created: true,
      current_period_end: true,
      current_period_start: true,
      test_clock: true,
      automatic_tax: { enabled: true },
    });
    const customer = str(ctx.params, "customer");
    const status = oneOf(ctx.params, "status", STATUSES);
    const price = str(ctx.params, "price");
    const collection = oneOf(ctx.params, "collection_method", [
      "charge_automatically",
      "send_invoice",
    ] as const);
    const subs = ctx.account.all<WSubscription>("subscription").filter((sub) => {
      if (customer !== undefined && sub.customer !== customer) return false;
      if (price !== undefined && !sub.items.data.some((item) => item.price.id === price)) return false;
      if (collection !== undefined && sub.collection_method !== collection) return false;
      if (status === "all") return true;
      if (status === "ended") return !isLive(sub);
      if (status === undefined) return sub.status !== "canceled";
      return sub.status === status;
    });
    return paginate(ctx, subs, "/v1/subscriptions", "subscription");
  });

  api.get("/v1/subscriptions/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<WSubscription>("subscription", id);
  });

  api.post("/v1/subscriptions/:id", (ctx, { id = "" }) => updateSubscription(ctx, id));

  api.post("/v1/subscriptions", (ctx) => {
    checkParams(ctx.params, createSpec);
    const p = ctx.params;
    const customerId = str(p, "customer");
    if (!customerId) throw parameterMissing("customer");
    ctx.account.require<Stripe.Customer>("customer", customerId, "customer");
    const itemParams = hashList(p, "items");
    if (!itemParams?.length) throw parameterMissing("items");
    const items = itemParams.map((entry, i) => {
      const priceId = str(entry, "price", `items[${i}][price]`) ?? str(entry, "plan", `items[${i}][plan]`);
      if (!priceId) throw parameterMissing(`items[${i}][price]`);
      const price = ctx.account.require<WPrice>("price", priceId, `items[${i}][price]`);
      if (!price.recurring) {
        throw invalidParam(
          `items[${i}][price]`,
          "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.",
        );
      }
      return { price, quantity: int(entry, "quantity", `items[${i}][quantity]`) ?? 1 };
    });
    const currency = items[0]!.price.currency;
    if (items.some((item) => item.price.currency !== currency)) {
      throw invalidParam(
        "items",
        "Currency and interval fields must match across all plans on this subscription.",
      );
    }
    const now = ctx.ts();
    const trialEndParam = readTrialEnd(p);
    const trialDays = int(p, "trial_period_days");
    const trialEnd =
      typeof trialEndParam === "number" ? trialEndParam : trialDays ? now + trialDays * 86_400 : null;
    if (trialEnd !== null && trialEnd <= now)
      throw invalidParam("trial_end", "Invalid timestamp: must be in the future.");
    const pm = str(p, "default_payment_method");
    if (pm) requireCustomerPaymentMethod(ctx.account, customerId, pm, "default_payment_method");
    const onBehalfOf = readOnBehalfOf(ctx, p) ?? null;
    const collection =
      oneOf(p, "collection_method", ["charge_automatically", "send_invoice"] as const) ??
      "charge_automatically";
    const paymentBehavior: PaymentBehavior =
      oneOf(p, "payment_behavior", [
        "allow_incomplete",
        "error_if_incomplete",
        "pending_if_incomplete",
        "default_incomplete",
      ] as const) ?? "allow_incomplete";
    const billingMode = hash(p, "billing_mode");
    const sub = buildSubscription(ctx, {
      customer: customerId,
      items,
      startDate: now,
      period: { start: now, end: trialEnd ?? periodEnd(items[0]!.price, now) },
      status: trialEnd ? "trialing" : "incomplete",
      collectionMethod: collection,
      daysUntilDue: int(p, "days_until_due") ?? null,
      trial: trialEnd ? { start: now, end: trialEnd } : null,
      billingMode: billingMode
        ? oneOf(billingMode, "type", ["classic", "flexible"] as const, "billing_mode[type]")
        : "classic",
      defaultPaymentMethod: pm ?? null,
      metadata: mergeMetadata({}, p),
      description: str(p, "description") ?? null,
      onBehalfOf,
    });
    applyCancellation(ctx, sub, p);
    const discountParams = hashList(p, "discounts");
    const discounts = discountParams
      ? resolveDiscounts(ctx, discountParams, {
          customer: customerId,
          subscription: sub.id,
          currency,
          existing: [],
          prefix: "discounts",
          amount: items.reduce((sum, item) => sum + (item.price.unit_amount ?? 0) * item.quantity, 0),
        })
      : null;
    if (discounts) sub.discounts = discounts.discounts.map((d) => d.id);
    const lines: LineInput[] = sub.items.data
      .filter((item) => item.price.recurring?.usage_type !== "metered")
      .map((item) => {
        const line = periodLine(ctx, sub.id, item, now, currentPeriod(sub).end);
        return trialEnd
          ? {
              ...line,
              amount: 0,
              description: `Trial period for ${line.description.replace(/ \(at .*\)$/, "")}`,
            }
          : line;
      });
    const problem =
      paymentBehavior === "error_if_incomplete" && !trialEnd ? collectProblem(ctx, sub, lines) : null;
    if (problem) throw incompleteError(problem);
    discounts?.commit();
    ctx.account.put(sub);
    const { invoice } = invoiceSubscription(ctx, sub, lines, {
      reason: "subscription_create",
      periodStart: now,
      periodEnd: now,
      attempt: paymentBehavior !== "default_incomplete",
    });
    if (!trialEnd)
      sub.status = invoice.status === "paid" || collection === "send_invoice" ? "active" : "incomplete";
    return sub;
  });

  api.del("/v1/subscriptions/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      invoice_now: true,
      prorate: true,
      cancellation_details: { comment: true, feedback: true },
    });
    const sub = ctx.account.require<WSubscription>("subscription", id);
    if (!isLive(sub))
      throw invalidRequest(`This subscription has already been canceled.`, { code: "resource_missing" });
    const invoiceNow = bool(ctx.params, "invoice_now") ?? false;
    const prorate = bool(ctx.params, "prorate") ?? false;
    applyCancellationDetails(sub, ctx.params);
    const now = ctx.ts();
    const period = currentPeriod(sub);
    const credits =
      prorate && sub.status !== "trialing"
        ? sub.items.data
            .filter((item) => item.price.recurring?.usage_type !== "metered")
            .map((item) => prorationLine(ctx, sub.id, item, period, now, -1))
        : [];
    if (invoiceNow) {
      const lines = [...pendingLines(ctx, String(sub.customer), sub.id), ...credits];
      if (lines.length > 0)
        invoiceSubscription(ctx, sub, lines, {
          reason: "subscription_update",
          periodStart: period.start,
          periodEnd: now,
        });
    } else {
      for (const line of credits) storePendingItem(ctx, String(sub.customer), line);
    }
    sub.canceled_at = now;
    endSubscription(ctx, sub, now);
    if (sub.cancellation_details) sub.cancellation_details.reason = "cancellation_requested";
    return sub;
  });

  api.del("/v1/subscriptions/:id/discount", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    const sub = ctx.account.require<WSubscription>("subscription", id);
    const first = sub.discounts[0];
    if (!first) throw invalidRequest(`The subscription ${id} has no discount.`);
    sub.discounts = [];
    return {
      ...(ctx.account.get<Stripe.Discount>("discount", String(first)) ?? {
        id: String(first),
        object: "discount",
      }),
      deleted: true,
    };
  });
}
