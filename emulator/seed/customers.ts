import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { newCustomer } from "../resources/customers";

/** What the seed needs to know about one demo customer. */
export interface CustomerSeed {
  id: string;
  name: string;
  email: string;
  /** Short English description shown on the dev landing page. */
  demoCase: string;
  /** Days before now the customer was created. */
  ageDays: number;
  extra?: Partial<Stripe.Customer>;
}

/** Stores a demo customer in the context's account. */
export function seedCustomer(ctx: Ctx, seed: CustomerSeed): Stripe.Customer {
  return ctx.account.put(
    newCustomer(ctx, {
      id: seed.id,
      name: seed.name,
      email: seed.email,
      created: ctx.ts() - seed.ageDays * 86_400,
      metadata: { demo_case: seed.demoCase },
      preferred_locales: ["en"],
      ...seed.extra,
    }),
  );
}

/** Saves a payment method on a customer, optionally as the invoice default. */
export function seedPaymentMethod(
  ctx: Ctx,
  customerId: string,
  pm: Stripe.PaymentMethod,
  makeDefault = false,
  ageDays = 30,
): Stripe.PaymentMethod {
  pm.customer = customerId;
  pm.created = ctx.ts() - ageDays * 86_400;
  ctx.account.put(pm);
  if (makeDefault) {
    const customer = ctx.account.require<Stripe.Customer>("customer", customerId);
    customer.invoice_settings.default_payment_method = pm.id;
  }
  return pm;
}
