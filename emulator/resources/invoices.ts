import { finalizeInvoice, markPaid, voidInvoice } from "../billing/invoices";
import { afterInvoicePaid, afterInvoiceVoided } from "../billing/lifecycle";
import { hasIntent, intentClientSecret, intentIdOf } from "../billing/payment-intents";
import { attemptPayment } from "../billing/payments";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidRequest } from "../core/errors";
import { registerIncludable } from "../core/expand";
import { paginate } from "../core/list";
import { bool, checkParams, oneOf, str } from "../core/params";
import type { WInvoice } from "../core/wire";
import { requireCustomerPaymentMethod } from "./customers";
import { previewInvoice } from "./invoice-preview";

const STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;

/**
 * Pays an invoice (finalizing a draft first). A failed attempt is recorded on the invoice and
 * the decline is thrown, as Stripe answers 402 while keeping the invoice open.
 */
export function payInvoice(ctx: Ctx, invoice: WInvoice, pmId?: string, outOfBand = false): WInvoice {
  if (invoice.status === "paid")
    throw invalidRequest("Invoice is already paid.", { code: "invoice_already_paid" });
  if (invoice.status === "void")
    throw invalidRequest("This invoice is void and cannot be paid.", { code: "invoice_not_payable" });
  if (invoice.status === "draft") finalizeInvoice(ctx, invoice);
  if (pmId) requireCustomerPaymentMethod(ctx.account, String(invoice.customer), pmId, "payment_method");
  if (outOfBand) {
    markPaid(invoice, ctx.ts());
    invoice.amount_paid = invoice.amount_due;
  } else {
    const error = attemptPayment(ctx, invoice, pmId);
    if (error) throw error;
  }
  if (invoice.status === "paid") afterInvoicePaid(ctx, invoice);
  return invoice;
}

/** Invoices: list, retrieve, lines, pay, finalize, void, mark uncollectible, create_preview. */
export function registerInvoices(api: Api): void {
  registerIncludable("invoice", "confirmation_secret", (obj) => {
    const invoice = obj as WInvoice;
    if (invoice.status !== "open") return null;
    return { type: "payment_intent", client_secret: intentClientSecret(invoice) };
  });

  // The current API has no invoice.payment_intent; the payment intent is on `payments`.
  registerIncludable("invoice", "payments", (obj) => {
    const invoice = obj as WInvoice;
    const key = invoice.id.slice(3);
    const data = !hasIntent(invoice)
      ? []
      : [
          {
            id: `inpay_${key}`,
            object: "invoice_payment",
            amount_paid: invoice.status === "paid" ? invoice.amount_paid : null,
            amount_requested: invoice.amount_due,
            created: invoice.status_transitions.finalized_at ?? invoice.created,
            currency: invoice.currency,
            invoice: invoice.id,
            is_default: true,
            livemode: false,
            payment: { type: "payment_intent", payment_intent: intentIdOf(invoice) },
            status: invoice.status === "paid" ? "paid" : invoice.status === "void" ? "canceled" : "open",
            status_transitions: {
              canceled_at: invoice.status_transitions.voided_at,
              paid_at: invoice.status_transitions.paid_at,
            },
          },
        ];
    return { object: "list", data, has_more: false, url: `/v1/invoice_payments?invoice=${invoice.id}` };
  });

  api.post("/v1/invoices/create_preview", (ctx) => previewInvoice(ctx));

  api.get("/v1/invoices", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      customer: true,
      status: true,
      subscription: true,
      collection_method: true,
      created: "map",
      due_date: "map",
    });
    const customer = str(ctx.params, "customer");
    const subscription = str(ctx.params, "subscription");
    const status = oneOf(ctx.params, "status", STATUSES);
    const collection = oneOf(ctx.params, "collection_method", [
      "charge_automatically",
      "send_invoice",
    ] as const);
    const invoices = ctx.account
      .all<WInvoice>("invoice")
      .filter(
        (inv) =>
          (customer === undefined || inv.customer === customer) &&
          (subscription === undefined || inv.parent?.subscription_details?.subscription === subscription) &&
          (status === undefined || inv.status === status) &&
          (collection === undefined || inv.collection_method === collection),
      );
    return paginate(ctx, invoices, "/v1/invoices", "invoice");
  });

  api.get("/v1/invoices/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<WInvoice>("invoice", id);
  });

  api.get("/v1/invoices/:id/lines", (ctx, { id = "" }) => {
    checkParams(ctx.params, { limit: true, starting_after: true, ending_before: true });
    const invoice = ctx.account.require<WInvoice>("invoice", id);
    return paginate(ctx, invoice.lines.data, `/v1/invoices/${id}/lines`, "line_item");
  });

  api.post("/v1/invoices/:id/pay", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      payment_method: true,
      paid_out_of_band: true,
      off_session: true,
      forgive: true,
      source: true,
      mandate: true,
    });
    const invoice = ctx.account.require<WInvoice>("invoice", id);
    return payInvoice(
      ctx,
      invoice,
      str(ctx.params, "payment_method"),
      bool(ctx.params, "paid_out_of_band") ?? false,
    );
  });

  api.post("/v1/invoices/:id/finalize", (ctx, { id = "" }) => {
    checkParams(ctx.params, { auto_advance: true });
    const invoice = ctx.account.require<WInvoice>("invoice", id);
    if (invoice.status !== "draft")
      throw invalidRequest("This invoice is already finalized.", { code: "invoice_not_editable" });
    const sub = invoice.parent?.subscription_details?.subscription;
    const days =
      typeof sub === "string"
        ? (ctx.account.get<{ id: string; object: string; days_until_due: number | null }>("subscription", sub)
            ?.days_until_due ?? null)
        : null;
    finalizeInvoice(ctx, invoice, days);
    if (invoice.status === "paid") afterInvoicePaid(ctx, invoice);
    return invoice;
  });

  api.post("/v1/invoices/:id/void", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    const invoice = ctx.account.require<WInvoice>("invoice", id);
    if (invoice.status !== "open" && invoice.status !== "uncollectible") {
      throw invalidRequest(
        `You can only void an open or uncollectible invoice (this one is ${invoice.status}).`,
      );
    }
    voidInvoice(invoice, ctx.ts());
    afterInvoiceVoided(ctx, invoice);
    return invoice;
  });

  api.post("/v1/invoices/:id/mark_uncollectible", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    const invoice = ctx.account.require<WInvoice>("invoice", id);
    if (invoice.status !== "open") throw invalidRequest(`You can only mark an open invoice uncollectible.`);
    invoice.status = "uncollectible";
    invoice.status_transitions.marked_uncollectible_at = ctx.ts();
    return invoice;
  });
}
