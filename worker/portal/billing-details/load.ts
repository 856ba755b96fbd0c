import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";
import { retrieveCustomer } from "./customer";
import type { BillingDetailsData } from "./types";

/** Loads the billing information section in one wave: the customer and their tax IDs. */
export async function loadBillingDetails(c: Context<AppEnv>): Promise<BillingDetailsData> {
  const { stripe, read } = portalStripe(c);
  const [customer, taxIds] = await Promise.all([
    retrieveCustomer(c),
    stripe.customers.listTaxIds(c.var.session.record.customer, { limit: 100 }, read),
  ]);
  return {
    customer: {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      address: customer.address,
      shipping: customer.shipping,
    },
    taxIds: taxIds.data,
  };
}
