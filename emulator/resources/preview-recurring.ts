import type Stripe from "stripe";
import { couponOf } from "../billing/discounts";
import { buildInvoice } from "../billing/invoices";
import { type LineInput, periodLine } from "../billing/lines";
import { periodEnd } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import type { WInvoice, WSubscription } from "../core/wire";

/**
 * Of the discounts an invoice would get, those a recurring estimate keeps: Stripe documents
 * `preview_mode=recurring` as including only coupons with `duration=repeating` or `forever`.
 */
export function lastingDiscounts(ctx: Ctx, discounts: Stripe.Discount[]): Stripe.Discount[] {
  return discounts.filter((d) => {
    const duration = couponOf(ctx, d)?.duration;
    return duration === "repeating" || duration === "forever";
  });
}

/**
 * `preview_mode=recurring`: an estimate of the subscription's long-term recurring bill, as
 * Stripe documents it. Only the (changed) subscription's recurring items, for one full period
 * starting at `start`; no prorations, no pending invoice items, no trial (the amount after it),
 * and only lasting coupons.
 */
export function recurringEstimate(
  ctx: Ctx,
  input: {
    customer: Stripe.Customer;
    subscription: WSubscription;
    start: number;
    anchor: number;
    discounts: Stripe.Discount[];
    onBehalfOf: string | null | undefined;
  },
): WInvoice {
  const sub = input.subscription;
  const lines: LineInput[] = sub.items.data.map((item) =>
    periodLine(ctx, sub.id, item, input.start, periodEnd(item.price, input.start, input.anchor)),
  );
  const invoice = buildInvoice(ctx, {
    // A credit balance is spent once; it is no part of the recurring bill.
    customer: { ...input.customer, balance: 0 },
    subscription: sub,
    lines,
    billingReason: "upcoming",
    collectionMethod: sub.collection_method,
    discounts: lastingDiscounts(ctx, input.discounts),
    periodStart: input.start,
    periodEnd: input.start,
    created: input.start,
    preview: true,
    onBehalfOf: input.onBehalfOf,
  });
  if (invoice.collection_method === "charge_automatically" && invoice.amount_due > 0)
    invoice.next_payment_attempt = input.start;
  return invoice;
}
