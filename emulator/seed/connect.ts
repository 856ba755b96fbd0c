import type { AccountData, State } from "../core/store";
import { seedCtx } from "./context";
import { seedCustomer } from "./customers";
import { DEMO } from "./ids";

/** The connected account's own demo data (Connect). */
export function seedConnect(state: State, account: AccountData, now: () => number): void {
  const ctx = seedCtx(state, account, now);
  seedCustomer(ctx, {
    id: DEMO.connect.customer,
    name: "Jonas Verbunden",
    email: "jonas@example.de",
    demoCase: "Connected account customer: monthly plan in EUR",
    ageDays: 120,
    extra: { preferred_locales: ["de"] },
  });
}
