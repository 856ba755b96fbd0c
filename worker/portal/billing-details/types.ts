import type Stripe from "stripe";

/** The customer fields the billing section shows and edits. */
export type CustomerDetails = Pick<Stripe.Customer, "name" | "email" | "phone" | "address" | "shipping">;

/** What the billing information section shows; `loadBillingDetails` returns it. */
export interface BillingDetailsData {
  customer: CustomerDetails;
  taxIds: Stripe.TaxId[];
}
