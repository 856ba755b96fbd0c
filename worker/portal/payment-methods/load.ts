import type { Context } from "hono";
import type Stripe from "stripe";
import { mayRemovePaymentMethod } from "../../billing/payment-method-rules";
import type { AppEnv } from "../../env";
import { idOf, retrieveCustomer } from "../billing-details/customer";
import { listCustomerSubscriptions } from "../customer-subscriptions";
import { portalStripe } from "../stripe-call";
import type { PaymentMethodsData } from "./types";

/** Statuses after which a subscription's payment settings no longer matter. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

/**
 * Live subscriptions shown in this session (matching its `on_behalf_of`) that charge a method
 * of their own instead of the customer's default: the ones "use for all subscriptions" clears.
 */
export function subscriptionsWithOverride(
  subscriptions: readonly Stripe.Subscription[],
  onBehalfOf: string | null,
): Stripe.Subscription[] {
  return subscriptions.filter(
    (s) =>
      !ENDED.has(s.status) &&
      s.default_payment_method !== null &&
      (onBehalfOf === null || idOf(s.on_behalf_of) === onBehalfOf),
  );
}

/**
 * Loads the payment methods section in one wave: the customer (for the default), every saved
 * method of any type, and the subscriptions (for the last-method rule and the overrides).
 */
export async function loadPaymentMethods(c: Context<AppEnv>): Promise<PaymentMethodsData> {
  const { stripe, read } = portalStripe(c);
  const customerId = c.var.session.record.customer;
  const [customer, methods, subscriptions] = await Promise.all([
    retrieveCustomer(c),
    stripe.customers.listPaymentMethods(customerId, { limit: 100 }, read),
    listCustomerSubscriptions(c),
  ]);
  const defaultPaymentMethodId = idOf(customer.invoice_settings?.default_payment_method);
  // The default first, then newest first (Stripe's list order).
  const sorted = [...methods.data].sort(
    (a, b) => Number(b.id === defaultPaymentMethodId) - Number(a.id === defaultPaymentMethodId),
  );
  return {
    methods: sorted,
    defaultPaymentMethodId,
    removeRefusal: mayRemovePaymentMethod({ methodCount: sorted.length, subscriptions }),
    overrideCount: subscriptionsWithOverride(subscriptions, c.var.session.record.onBehalfOf).length,
  };
}
