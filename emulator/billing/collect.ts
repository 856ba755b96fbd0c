import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { WSubscription } from "../core/wire";
import { paymentMethodDeclines } from "../resources/payment-method-builders";
import { buildInvoice } from "./invoices";
import { subscriptionDiscounts } from "./lifecycle";
import type { LineInput } from "./lines";

/** Payment behaviours of subscription create and update. */
export type PaymentBehavior =
  | "allow_incomplete"
  | "error_if_incomplete"
  | "pending_if_incomplete"
  | "default_incomplete";

/**
 * Predicts, without changing anything, whether invoicing `lines` for `sub` now would fail to
 * collect: used by error_if_incomplete / pending_if_incomplete, which must decide before the
 * change is stored.
 */
export function wouldFailToCollect(ctx: Ctx, sub: WSubscription, lines: LineInput[]): boolean {
  if (sub.collection_method !== "charge_automatically") return false;
  const customer = ctx.account.require<Stripe.Customer>("customer", String(sub.customer));
  const preview = buildInvoice(ctx, {
    customer,
    subscription: sub,
    lines,
    billingReason: "subscription_update",
    collectionMethod: sub.collection_method,
    discounts: subscriptionDiscounts(ctx, sub),
    periodStart: ctx.ts(),
    periodEnd: ctx.ts(),
    preview: true,
  });
  if (preview.amount_due <= 0) return false;
  const pmId =
    (typeof sub.default_payment_method === "string" ? sub.default_payment_method : null) ??
    (typeof customer.invoice_settings.default_payment_method === "string"
      ? customer.invoice_settings.default_payment_method
      : null);
  const pm = pmId ? ctx.account.get<Stripe.PaymentMethod>("payment_method", pmId) : undefined;
  return !pm || paymentMethodDeclines(pm);
}
