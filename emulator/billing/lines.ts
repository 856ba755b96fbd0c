import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { fullList } from "../core/list";
import type { WLine, WPrice, WSubscriptionItem } from "../core/wire";
import { isMetered, priceAmount, priceText } from "./amounts";
import { shortDate } from "./periods";

/** What an invoice line is made of, before it belongs to an invoice. */
export interface LineInput {
  amount: number;
  currency: string;
  description: string;
  price: WPrice;
  quantity: number;
  period: { start: number; end: number };
  proration: boolean;
  subscription: string | null;
  subscriptionItem: string | null;
  /** The pending invoice item this line bills, if any. */
  invoiceItem: string | null;
}

type WInvoiceItem = Omit<Stripe.InvoiceItem, "quantity_decimal" | "pricing"> & {
  quantity_decimal: string;
  pricing: {
    type: "price_details";
    price_details: { price: string; product: string };
    unit_amount_decimal: string | null;
  };
};

function productName(ctx: Ctx, price: WPrice): string {
  const id = typeof price.product === "string" ? price.product : price.product.id;
  return ctx.account.get<Stripe.Product>("product", id)?.name ?? id;
}

const productId = (price: WPrice) => (typeof price.product === "string" ? price.product : price.product.id);

/** The regular charge for one subscription item over a period ("1 × Pro (at $29.00 / month)"). */
export function periodLine(
  ctx: Ctx,
  subId: string,
  item: WSubscriptionItem,
  start: number,
  end: number,
): LineInput {
  const quantity = isMetered(item.price) ? 0 : (item.quantity ?? 1);
  return {
    amount: priceAmount(ctx.account, item.price, quantity),
    currency: item.price.currency,
    description: `${quantity} × ${productName(ctx, item.price)} (at ${priceText(item.price)})`,
    price: item.price,
    quantity,
    period: { start, end },
    proration: false,
    subscription: subId,
    subscriptionItem: item.id,
    invoiceItem: null,
  };
}

/**
 * A proration line for the time left in [d, e) of the period [s, e):
 * ±round(amount × (e − d) / (e − s)). Credits describe unused time, debits remaining time.
 */
export function prorationLine(
  ctx: Ctx,
  subId: string,
  item: { id: string; price: WPrice; quantity?: number },
  period: { start: number; end: number },
  prorationDate: number,
  sign: 1 | -1,
): LineInput {
  const quantity = item.quantity ?? 1;
  const full = priceAmount(ctx.account, item.price, quantity);
  const fraction = (period.end - prorationDate) / (period.end - period.start);
  const amount = sign * Math.round(full * fraction);
  const what = `${quantity > 1 ? `${quantity} × ` : ""}${productName(ctx, item.price)}`;
  return {
    amount: amount === 0 ? 0 : amount,
    currency: item.price.currency,
    description: `${sign < 0 ? "Unused" : "Remaining"} time on ${what} after ${shortDate(prorationDate)}`,
    price: item.price,
    quantity,
    period: { start: prorationDate, end: period.end },
    proration: true,
    subscription: subId,
    subscriptionItem: item.id,
    invoiceItem: null,
  };
}

/** Turns a line input into an invoice line object. */
export function buildLine(ctx: Ctx, input: LineInput, invoiceId: string | null, preview = false): WLine {
  const viaItem = input.invoiceItem !== null;
  return {
    id: preview ? `il_tmp_${ctx.state.ids.chars(24)}` : ctx.state.ids.id("il"),
    object: "line_item",
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: viaItem
      ? {
          type: "invoice_item_details",
          invoice_item_details: {
            invoice_item: input.invoiceItem ?? "",
            proration: input.proration,
            proration_details: { credited_items: null },
            subscription: input.subscription,
          },
          subscription_item_details: null,
        }
      : {
          type: "subscription_item_details",
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: input.proration,
            proration_details: { credited_items: null },
            subscription: input.subscription,
            subscription_item: input.subscriptionItem ?? "",
          },
        },
    period: input.period,
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: input.price.id, product: productId(input.price) },
      unit_amount_decimal: input.price.unit_amount_decimal,
    },
    quantity: input.quantity,
    quantity_decimal: String(input.quantity),
    subscription: input.subscription,
    subtotal: input.amount,
    taxes: [],
  };
}

/** Stores a line as a pending invoice item (prorations waiting for the next invoice). */
export function storePendingItem(ctx: Ctx, customer: string, input: LineInput): WInvoiceItem {
  const item: WInvoiceItem = {
    id: ctx.state.ids.id("ii"),
    object: "invoiceitem",
    amount: input.amount,
    currency: input.currency,
    customer,
    customer_account: null,
    date: ctx.ts(),
    description: input.description,
    discountable: true,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    parent: input.subscription
      ? {
          type: "subscription_details",
          subscription_details: {
            subscription: input.subscription,
            subscription_item: input.subscriptionItem ?? undefined,
          },
        }
      : null,
    period: input.period,
    pricing: {
      type: "price_details",
      price_details: { price: input.price.id, product: productId(input.price) },
      unit_amount_decimal: input.price.unit_amount_decimal,
    },
    proration: input.proration,
    quantity: input.quantity,
    quantity_decimal: String(input.quantity),
    tax_rates: [],
    test_clock: null,
  };
  return ctx.account.put(item);
}

/** Pending (not yet invoiced) items of a customer, optionally only a subscription's, as lines. */
export function pendingLines(ctx: Ctx, customer: string, subscription: string | null): LineInput[] {
  return ctx.account
    .all<WInvoiceItem>("invoiceitem")
    .filter(
      (ii) =>
        ii.customer === customer &&
        ii.invoice === null &&
        (subscription === null || ii.parent?.subscription_details?.subscription === subscription),
    )
    .reverse()
    .map((ii) => {
      const price = ctx.account.get<WPrice>("price", ii.pricing.price_details.price);
      const sub = ii.parent?.subscription_details;
      return {
        amount: ii.amount,
        currency: ii.currency,
        description: ii.description ?? "",
        price:
          price ??
          ({ id: ii.pricing.price_details.price, product: ii.pricing.price_details.product } as WPrice),
        quantity: ii.quantity,
        period: ii.period,
        proration: ii.proration,
        subscription: sub?.subscription ?? null,
        subscriptionItem: sub?.subscription_item ?? null,
        invoiceItem: ii.id,
      };
    });
}

/** Marks pending items as billed by an invoice. */
export function claimPendingItems(ctx: Ctx, lines: LineInput[], invoiceId: string): void {
  for (const line of lines) {
    if (!line.invoiceItem) continue;
    const ii = ctx.account.get<WInvoiceItem>("invoiceitem", line.invoiceItem);
    if (ii) ii.invoice = invoiceId;
  }
}

/** A list object of lines for an invoice. */
export function linesList(lines: WLine[], invoiceId: string) {
  return fullList(lines, `/v1/invoices/${invoiceId}/lines`);
}
