import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import type { StripeError } from "../core/errors";
import type { WSubscription } from "../core/wire";
import {
  paymentMethodDeclines,
  paymentMethodRequiresAuthentication,
} from "../resources/payment-method-builders";
import { buildInvoice } from "./invoices";
import { subscriptionDiscounts } from "./lifecycle";
import type { LineInput } from "./lines";
import { cardDeclined, subscriptionRequiresAction } from "./payments";

/** Payment behaviours of subscription create and update. */
export type PaymentBehavior =
  | "allow_incomplete"
  | "error_if_incomplete"
  | "pending_if_incomplete"
  | "default_incomplete";

/** Why invoicing now would not collect: no usable method, a decline, or 3-D Secure needed. */
export type CollectProblem = "declined" | "requires_action";

/**
 * Predicts, without changing anything, whether invoicing `lines` for `sub` now would fail to
 * collect, and why: used by error_if_incomplete / pending_if_incomplete, which must decide
 * before the change is stored. A missing payment method counts as a decline.
 */
export function collectProblem(ctx: Ctx, sub: WSubscription, lines: LineInput[]): CollectProblem | null {
  if (sub.collection_method !== "charge_automatically") return null;
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
  if (preview.amount_due <= 0) return null;
  const pmId =
    (typeof sub.default_payment_method === "string" ? sub.default_payment_method : null) ??
    (typeof customer.invoice_settings.default_payment_method === "string"
      ? customer.invoice_settings.default_payment_method
      : null);
  const pm = pmId ? ctx.account.get<Stripe.PaymentMethod>("payment_method", pmId) : undefined;
  if (!pm || paymentMethodDeclines(pm)) return "declined";
  return paymentMethodRequiresAuthentication(pm) ? "requires_action" : null;
}

/** The 402 `error_if_incomplete` answers with, when invoicing now would not collect. */
export function incompleteError(problem: CollectProblem): StripeError {
  return problem === "requires_action" ? subscriptionRequiresAction() : cardDeclined(null);
}
