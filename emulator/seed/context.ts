import type { Ctx } from "../core/context";
import type { AccountData, State } from "../core/store";

/** A handler context for building seed objects directly in an account. */
export function seedCtx(state: State, account: AccountData, now: () => number, publicOrigin = ""): Ctx {
  return {
    state,
    account,
    params: {},
    now,
    ts: () => Math.floor(now() / 1000),
    publicOrigin,
  };
}

/** Seconds in a day. */
export const DAY = 86_400;
