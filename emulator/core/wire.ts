import type Stripe from "stripe";

/**
 * A Stripe type as it travels on the wire: the SDK turns decimal strings into `Decimal`
 * objects on the client side, but the API (and so the emulator) sends strings.
 */
export type Wire<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends Stripe.Decimal
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** Wire shapes of the objects the emulator stores and sends. */
export type WPrice = Wire<Stripe.Price>;
export type WPlan = Wire<Stripe.Plan>;
export type WSubscription = Wire<Stripe.Subscription>;
export type WSubscriptionItem = Wire<Stripe.SubscriptionItem>;
export type WInvoice = Wire<Stripe.Invoice>;
export type WLine = Wire<Stripe.InvoiceLineItem>;
export type WSchedule = Wire<Stripe.SubscriptionSchedule>;
export type WCheckoutSession = Wire<Stripe.Checkout.Session>;
