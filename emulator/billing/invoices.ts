import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { WInvoice, WSubscription } from "../core/wire";
import { applyDiscounts } from "./discounts";
import { buildLine, claimPendingItems, type LineInput, linesList } from "./lines";

/** What an invoice is built from. */
export interface InvoiceInput {
  customer: Stripe.Customer;
  subscription: WSubscription | null;
  lines: LineInput[];
  billingReason: Stripe.Invoice.BillingReason;
  collectionMethod: Stripe.Invoice.CollectionMethod;
  discounts: Stripe.Discount[];
  periodStart: number;
  periodEnd: number;
  /** Preview invoices are never stored and carry temporary ids. */
  preview?: boolean;
  created?: number;
  daysUntilDue?: number | null;
  description?: string | null;
  /** Connected account the invoice is for; a subscription's invoices inherit the subscription's. */
  onBehalfOf?: string | null;
}

function accountName(ctx: Ctx): string | null {
  const account = ctx.state.platform.get<Stripe.Account>("account", ctx.account.id);
  return account?.business_profile?.name ?? null;
}

/** Builds a draft invoice (or a preview) with lines, discounts and totals. */
export function buildInvoice(ctx: Ctx, input: InvoiceInput): WInvoice {
  const id = input.preview ? `upcoming_in_${ctx.state.ids.chars(24)}` : ctx.state.ids.id("in");
  const lines = input.lines.map((line) => buildLine(ctx, line, input.preview ? null : id, input.preview));
  const discountTotals = applyDiscounts(ctx, input.discounts, lines, input.periodStart);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const discountTotal = discountTotals.reduce((sum, d) => sum + d.amount, 0);
  const total = subtotal - discountTotal;
  const customer = input.customer;
  const created = input.created ?? ctx.ts();
  const currency = input.lines[0]?.currency ?? input.subscription?.currency ?? customer.currency ?? "usd";
  const balance = customer.balance;
  const amountDue = Math.max(0, total + balance);
  const sub = input.subscription;
  const subOnBehalfOf = sub?.on_behalf_of ?? null;
  const onBehalfOf =
    input.onBehalfOf !== undefined
      ? input.onBehalfOf
      : typeof subOnBehalfOf === "string"
        ? subOnBehalfOf
        : (subOnBehalfOf?.id ?? null);
  const invoice: WInvoice = {
    id,
    object: "invoice",
    account_country: ctx.state.platform.get<Stripe.Account>("account", ctx.account.id)?.country ?? "US",
    account_name: accountName(ctx),
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: !input.preview,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: input.collectionMethod,
    created,
    currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: customer.shipping
      ? {
          address: customer.shipping.address,
          name: customer.shipping.name ?? "",
          phone: customer.shipping.phone ?? null,
          carrier: null,
          tracking_number: null,
        }
      : null,
    customer_tax_exempt: customer.tax_exempt ?? "none",
    customer_tax_ids: ctx.account
      .all<Stripe.TaxId>("tax_id")
      .filter((t) => t.customer === customer.id)
      .map((t) => ({ type: t.type as Stripe.Invoice.CustomerTaxId.Type, value: t.value })),
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: input.description ?? null,
    discounts: discountTotals.map((d) => d.discount),
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: customer.invoice_settings.footer,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: linesList(lines, id),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: onBehalfOf,
    parent: sub
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: { metadata: sub.metadata, subscription: sub.id },
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: balance,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: discountTotals,
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.preview ? null : created,
  };
  if (!input.preview) {
    claimPendingItems(ctx, input.lines, id);
    ctx.account.put(invoice);
  }
  return invoice;
}

/**
 * Finalizes a draft: number, hosted page and PDF URLs, due date, and the customer's balance
 * moves by what the invoice does not collect (credits become balance).
 */
export function finalizeInvoice(ctx: Ctx, invoice: WInvoice, daysUntilDue: number | null = null): WInvoice {
  if (invoice.status !== "draft") return invoice;
  const customer = ctx.account.require<Stripe.Customer>("customer", String(invoice.customer));
  const at = invoice.created;
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.invoice_prefix ?? "INV"}-${String(sequence).padStart(4, "0")}`;
  invoice.status = "open";
  invoice.status_transitions.finalized_at = at;
  invoice.effective_at = at;
  invoice.starting_balance = customer.balance;
  invoice.amount_due = Math.max(0, invoice.total + customer.balance);
  invoice.amount_remaining = invoice.amount_due;
  invoice.ending_balance = invoice.total + customer.balance - invoice.amount_due;
  customer.balance = invoice.ending_balance;
  invoice.hosted_invoice_url = `${ctx.publicOrigin}/invoices/${invoice.id}`;
  invoice.invoice_pdf = `${ctx.publicOrigin}/invoices/${invoice.id}/pdf`;
  if (invoice.collection_method === "send_invoice") invoice.due_date = at + (daysUntilDue ?? 30) * 86_400;
  if (invoice.amount_due === 0) markPaid(invoice, at);
  return invoice;
}

/** Marks an open invoice paid in full at `at`. */
export function markPaid(invoice: WInvoice, at: number): void {
  invoice.amount_paid += invoice.amount_remaining;
  invoice.amount_remaining = 0;
  invoice.status = "paid";
  invoice.status_transitions.paid_at = at;
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
}

/** Voids an open or uncollectible invoice at `at`: nothing is owed on it any more. */
export function voidInvoice(invoice: WInvoice, at: number): void {
  invoice.status = "void";
  invoice.status_transitions.voided_at = at;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
}
