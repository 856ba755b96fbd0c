import type { AccountData, State } from "../core/store";
import { buildCard, buildSepaDebit } from "../resources/payment-method-builders";
import { seedConnectCatalog } from "./catalog";
import { seedCtx } from "./context";
import { seedCustomer, seedPaymentMethod } from "./customers";
import { DEMO } from "./ids";
import { seedSubscription } from "./subscriptions";

/** The connected account's own demo data (Connect). */
export function seedConnect(
  state: State,
  account: AccountData,
  now: () => number,
  publicOrigin: string,
): void {
  const ctx = seedCtx(state, account, now, publicOrigin);
  seedConnectCatalog(ctx);
  const id = DEMO.connect.customer;
  seedCustomer(ctx, {
    id,
    name: "Jonas Verbunden",
    email: "jonas@example.de",
    demoCase: "Connected account customer: monthly plan in EUR",
    ageDays: 120,
    extra: { preferred_locales: ["de"] },
  });
  seedPaymentMethod(ctx, id, buildCard(ctx, { last4: "4242", brand: "visa" }, null), true);
  seedPaymentMethod(ctx, id, buildSepaDebit(ctx, "DE89370400440532013000", null), false);
  seedSubscription(ctx, {
    id: DEMO.connect.subscription,
    customer: id,
    items: [{ price: DEMO.connect.priceMonthly }],
    startedDaysAgo: 100,
  });
}
