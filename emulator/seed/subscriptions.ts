import type Stripe from "stripe";
import { priceAmount } from "../billing/amounts";
import { seedDiscount } from "../billing/discounts";
import { buildInvoice, finalizeInvoice, markPaid } from "../billing/invoices";
import { type LineInput, periodLine } from "../billing/lines";
import { buildSubscription, periodEnd, setPeriod } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import type { WInvoice, WPrice, WSubscription } from "../core/wire";
import { DAY } from "./context";

/** A demo subscription and how its history looks. */
export interface SubscriptionSeed {
  id: string;
  customer: string;
  items: { price: string; quantity?: number }[];
  startedDaysAgo: number;
  collectionMethod?: "charge_automatically" | "send_invoice";
  billingMode?: "classic" | "flexible";
  /** Days left in a trial that started at the start date. */
  trialDaysLeft?: number;
  /** The latest invoice failed to collect: it stays open and the subscription is past_due. */
  latestUnpaid?: boolean;
  /** Metered usage billed per period. */
  usage?: number;
  /** Coupon applied before the latest invoice. */
  coupon?: string;
  metadata?: Record<string, string>;
  /** Connected account the subscription (and so each of its invoices) is charged on behalf of. */
  onBehalfOf?: string;
}

function invoiceFor(
  ctx: Ctx,
  sub: WSubscription,
  lines: LineInput[],
  at: number,
  reason: Stripe.Invoice.BillingReason,
): WInvoice {
  const customer = ctx.account.require<Stripe.Customer>("customer", String(sub.customer));
  const discounts = sub.discounts
    .map((id) => ctx.account.get<Stripe.Discount>("discount", String(id)))
    .filter((d): d is Stripe.Discount => d !== undefined);
  const invoice = buildInvoice(ctx, {
    customer,
    subscription: sub,
    lines,
    billingReason: reason,
    collectionMethod: sub.collection_method,
    discounts,
    periodStart: at,
    periodEnd: at,
    created: at,
  });
  finalizeInvoice(ctx, invoice, sub.days_until_due);
  sub.latest_invoice = invoice.id;
  return invoice;
}

/**
 * Stores a subscription that started `startedDaysAgo` days ago together with one invoice per
 * period so far (all paid, unless the latest is meant to be unpaid), so its state is what
 * Stripe would show today.
 */
export function seedSubscription(ctx: Ctx, seed: SubscriptionSeed): WSubscription {
  const now = ctx.ts();
  const start = now - seed.startedDaysAgo * DAY;
  const items = seed.items.map((item) => ({
    price: ctx.account.require<WPrice>("price", item.price),
    quantity: item.quantity,
  }));
  const first = items[0]!.price;
  const trialEnd = seed.trialDaysLeft !== undefined ? now + seed.trialDaysLeft * DAY : null;
  const sub = buildSubscription(ctx, {
    id: seed.id,
    customer: seed.customer,
    items,
    startDate: start,
    period: { start, end: trialEnd ?? periodEnd(first, start) },
    status: trialEnd ? "trialing" : "active",
    collectionMethod: seed.collectionMethod,
    trial: trialEnd ? { start, end: trialEnd } : null,
    billingMode: seed.billingMode,
    metadata: seed.metadata,
    onBehalfOf: seed.onBehalfOf ?? null,
  });
  ctx.account.put(sub);
  let periodStart = start;
  for (let guard = 0; guard < 60; guard++) {
    const end = trialEnd ?? periodEnd(first, periodStart, start);
    setPeriod(sub, { start: periodStart, end });
    const isLatest = end > now;
    if (isLatest && seed.coupon) {
      const coupon = ctx.account.require<Stripe.Coupon>("coupon", seed.coupon);
      sub.discounts = [seedDiscount(ctx, coupon, seed.customer, sub.id, periodStart).id];
    }
    const lines = sub.items.data.map((item) => {
      const line = periodLine(ctx, sub.id, item, periodStart, end);
      if (trialEnd)
        return {
          ...line,
          amount: 0,
          description: `Trial period for ${line.description.replace(/ \(at .*\)$/, "")}`,
        };
      if (item.price.recurring?.usage_type === "metered" && seed.usage) {
        return { ...line, quantity: seed.usage, amount: priceAmount(ctx.account, item.price, seed.usage) };
      }
      return line;
    });
    const invoice = invoiceFor(
      ctx,
      sub,
      lines,
      periodStart,
      guard === 0 ? "subscription_create" : "subscription_cycle",
    );
    if (invoice.status === "open") {
      const unpaid = isLatest && (seed.latestUnpaid || sub.collection_method === "send_invoice");
      if (unpaid) {
        if (sub.collection_method === "charge_automatically") {
          invoice.attempted = true;
          invoice.attempt_count = 1;
          invoice.next_payment_attempt = now + 2 * DAY;
          sub.status = "past_due";
        }
      } else {
        invoice.attempted = true;
        invoice.attempt_count = 1;
        markPaid(invoice, periodStart + 3600);
      }
    }
    if (isLatest) break;
    periodStart = end;
  }
  return sub;
}

/** A one-off invoice (no subscription) for the invoices-only customer. */
export function seedManualInvoice(
  ctx: Ctx,
  customerId: string,
  price: WPrice,
  quantity: number,
  daysAgo: number,
  paid: boolean,
): WInvoice {
  const customer = ctx.account.require<Stripe.Customer>("customer", customerId);
  const at = ctx.ts() - daysAgo * DAY;
  const product = ctx.account.get<Stripe.Product>("product", String(price.product));
  const invoice = buildInvoice(ctx, {
    customer,
    subscription: null,
    lines: [
      {
        amount: priceAmount(ctx.account, price, quantity),
        currency: price.currency,
        description: `${quantity} × ${product?.name ?? "Service"}`,
        price,
        quantity,
        period: { start: at, end: at },
        proration: false,
        subscription: null,
        subscriptionItem: null,
        invoiceItem: null,
      },
    ],
    billingReason: "manual",
    collectionMethod: paid ? "charge_automatically" : "send_invoice",
    discounts: [],
    periodStart: at,
    periodEnd: at,
    created: at,
    description: "Consulting services",
  });
  finalizeInvoice(ctx, invoice, 30);
  if (paid) {
    invoice.attempted = true;
    invoice.attempt_count = 1;
    markPaid(invoice, at + 3600);
  }
  return invoice;
}
