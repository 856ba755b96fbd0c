import { State } from "../core/store";
import { buildAccount } from "./accounts";
import { seedConnect } from "./connect";
import { DAY } from "./context";
import { DEMO_ACCOUNT, PLATFORM_ACCOUNT } from "./ids";
import { seedOnBehalfOf } from "./on-behalf-of";
import { seedPlatform } from "./platform";
import { seedSca } from "./sca";

/**
 * A fresh emulator state: the platform account and the demo connected account always exist
 * (so Connect scoping works even without demo data); `withDemo` adds the demo objects.
 */
export function createState(now: () => number, withDemo: boolean, publicOrigin: string): State {
  const state = new State(PLATFORM_ACCOUNT);
  const created = Math.floor(now() / 1000) - 400 * DAY;
  state.platform.put(
    buildAccount({
      id: PLATFORM_ACCOUNT,
      name: "Acme Cloud",
      email: "billing@acme.test",
      country: "US",
      currency: "usd",
      primaryColor: "#4f46e5",
      secondaryColor: "#eef2ff",
      created,
    }),
  );
  state.platform.put(
    buildAccount({
      id: DEMO_ACCOUNT,
      name: "Nordlicht Studio",
      email: "hello@nordlicht.test",
      country: "DE",
      currency: "eur",
      primaryColor: "#0f766e",
      secondaryColor: "#ccfbf1",
      created: created + DAY,
    }),
  );
  const connected = state.addAccount(DEMO_ACCOUNT);
  if (withDemo) {
    seedPlatform(state, now, publicOrigin);
    seedConnect(state, connected, now, publicOrigin);
    // Seeded last (newest last) so the generated ids of everything above stay what they were.
    seedOnBehalfOf(state, now, publicOrigin);
    seedSca(state, now, publicOrigin);
  }
  return state;
}
