import { confirmIntent } from "../billing/authentication";
import { buildPaymentIntent, requireIntentInvoice } from "../billing/payment-intents";
import type { Api } from "../core/app";
import { bool, checkParams, str } from "../core/params";

/**
 * PaymentIntents of invoices (see billing/payment-intents.ts): retrieve and confirm, scoped to
 * the request's account like every object.
 */
export function registerPaymentIntents(api: Api): void {
  api.get("/v1/payment_intents/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, { client_secret: true });
    return buildPaymentIntent(ctx, requireIntentInvoice(ctx, id));
  });

  api.post("/v1/payment_intents/:id/confirm", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      payment_method: true,
      return_url: true,
      off_session: true,
      error_on_requires_action: true,
    });
    const invoice = requireIntentInvoice(ctx, id);
    const paymentMethod = str(ctx.params, "payment_method");
    const returnUrl = str(ctx.params, "return_url");
    const offSession = bool(ctx.params, "off_session");
    const errorOnRequiresAction = bool(ctx.params, "error_on_requires_action");
    return confirmIntent(ctx, invoice, {
      ...(paymentMethod ? { paymentMethod } : {}),
      ...(returnUrl !== undefined ? { returnUrl } : {}),
      ...(offSession !== undefined ? { offSession } : {}),
      ...(errorOnRequiresAction !== undefined ? { errorOnRequiresAction } : {}),
    });
  });
}
