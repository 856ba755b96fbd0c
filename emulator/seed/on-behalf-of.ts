import type { State } from "../core/store";
import { buildCard } from "../resources/payment-method-builders";
import { seedCtx } from "./context";
import { seedCustomer, seedPaymentMethod } from "./customers";
import { DEMO, DEMO_ACCOUNT } from "./ids";
import { seedSubscription } from "./subscriptions";

/**
 * A platform customer with one subscription charged `on_behalf_of` the demo connected account
 * and one for the platform itself, each with its paid invoices: what a portal session created
 * with `on_behalf_of` must tell apart.
 */
export function seedOnBehalfOf(state: State, now: () => number, publicOrigin: string): void {
  const ctx = seedCtx(state, state.platform, now, publicOrigin);
  const id = DEMO.customers.onBehalfOf;
  seedCustomer(ctx, {
    id,
    name: "Olivia Onbehalf",
    email: "olivia@example.com",
    demoCase: "Two subscriptions: Pro on behalf of Nordlicht Studio (on_behalf_of), Basic for the platform",
    ageDays: 100,
  });
  seedPaymentMethod(ctx, id, buildCard(ctx, { last4: "4242", brand: "visa" }, null), true);
  seedSubscription(ctx, {
    id: DEMO.subscriptions.onBehalfOf,
    customer: id,
    items: [{ price: DEMO.prices.proMonthly }],
    startedDaysAgo: 75,
    onBehalfOf: DEMO_ACCOUNT,
  });
  seedSubscription(ctx, {
    id: DEMO.subscriptions.onBehalfOfPlatform,
    customer: id,
    items: [{ price: DEMO.prices.basicMonthly }],
    startedDaysAgo: 40,
  });
}
