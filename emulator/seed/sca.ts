import type { State } from "../core/store";
import { buildCard } from "../resources/payment-method-builders";
import { seedCtx } from "./context";
import { seedCustomer, seedPaymentMethod } from "./customers";
import { DEMO } from "./ids";
import { seedSubscription } from "./subscriptions";

/**
 * A customer whose only card needs 3-D Secure on every charge (Stripe's 4000 0027 6000 3184),
 * with an updatable monthly plan whose past invoices are paid: what the portal's 3-D Secure
 * journeys (plan change, invoice payment) start from.
 */
export function seedSca(state: State, now: () => number, publicOrigin: string): void {
  const ctx = seedCtx(state, state.platform, now, publicOrigin);
  const id = DEMO.customers.sca;
  seedCustomer(ctx, {
    id,
    name: "Sandra Secure",
    email: "sandra@example.com",
    demoCase:
      "Card that always asks for 3-D Secure (ends 3184): a change charged now (e.g. to yearly) goes through the bank's page",
    ageDays: 70,
  });
  seedPaymentMethod(ctx, id, buildCard(ctx, { last4: "3184", brand: "visa" }, null), true);
  seedSubscription(ctx, {
    id: DEMO.subscriptions.sca,
    customer: id,
    items: [{ price: DEMO.prices.basicMonthly }],
    startedDaysAgo: 65,
  });
}
