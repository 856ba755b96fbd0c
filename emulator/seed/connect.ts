import type { AccountData, State } from "../core/store";
import { buildCard, buildSepaDebit } from "../resources/payment-method-builders";
import { seedConnectCatalog } from "./catalog";
import { seedCtx } from "./context";
import { seedCustomer, seedPaymentMethod } from "./customers";
import { DEMO } from "./ids";

/** The connected account's own demo data (Connect). */
export function seedConnect(state: State, account: AccountData, now: () => number): void {
  const ctx = seedCtx(state, account, now);
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
}
