import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { idOf, retrieveCustomer } from "../billing-details/customer";
import { portalStripe } from "../stripe-call";
import type { InvoiceRow, InvoicesData } from "./types";

/** Invoices per page. */
export const INVOICE_PAGE_SIZE = 10;

const INVOICE_ID = /^in_[A-Za-z0-9]{1,250}$/;

/** A page position: newer than (`before`) or older than (`after`) an invoice id. */
export interface InvoiceCursor {
  after?: string | undefined;
  before?: string | undefined;
}

/** True for a string shaped like an invoice id; anything else never reaches Stripe. */
export function isInvoiceId(value: string | undefined): value is string {
  return value !== undefined && INVOICE_ID.test(value);
}

/**
 * Whether an invoice belongs in this session's history: not a draft, and with the session's
 * `on_behalf_of` when it has one.
 */
export function visibleInvoice(invoice: Stripe.Invoice, onBehalfOf: string | null): boolean {
  if (invoice.status === "draft" || invoice.status === null) return false;
  return onBehalfOf === null || idOf(invoice.on_behalf_of) === onBehalfOf;
}

function toRow(invoice: Stripe.Invoice): InvoiceRow {
  return {
    id: invoice.id,
    number: invoice.number,
    date: invoice.status_transitions?.finalized_at ?? invoice.created,
    total: invoice.total,
    amountRemaining: invoice.amount_remaining,
    currency: invoice.currency,
    status: invoice.status as InvoiceRow["status"],
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
  };
}

/**
 * Loads one page of the invoice history in one wave (the invoices and the customer, for
 * whether Pay can charge a default method). Drafts and other `on_behalf_of` invoices are left
 * out after listing, since Stripe cannot filter on either, so a page may hold fewer rows.
 */
export async function loadInvoices(c: Context<AppEnv>, cursor: InvoiceCursor = {}): Promise<InvoicesData> {
  const { stripe, read } = portalStripe(c);
  const { customer: customerId, onBehalfOf } = c.var.session.record;
  const params: Stripe.InvoiceListParams = { customer: customerId, limit: INVOICE_PAGE_SIZE };
  const backward = isInvoiceId(cursor.before);
  if (backward) params.ending_before = cursor.before;
  else if (isInvoiceId(cursor.after)) params.starting_after = cursor.after;
  const [list, customer] = await Promise.all([stripe.invoices.list(params, read), retrieveCustomer(c)]);
  const first = list.data[0]?.id ?? null;
  const last = list.data[list.data.length - 1]?.id ?? null;
  return {
    invoices: list.data.filter((invoice) => visibleInvoice(invoice, onBehalfOf)).map(toRow),
    olderCursor: backward ? last : list.has_more ? last : null,
    newerCursor: backward ? (list.has_more ? first : null) : params.starting_after ? first : null,
    canPay: idOf(customer.invoice_settings?.default_payment_method) !== null,
  };
}
