import type { Runtime } from "../core/app";
import type { Ctx } from "../core/context";
import type { AccountData } from "../core/store";

/** A handler context for a hosted page acting in the account that owns the object. */
export function hostedCtx(runtime: Runtime, account: AccountData): Ctx {
  return {
    state: runtime.state,
    account,
    params: {},
    now: runtime.now,
    ts: () => Math.floor(runtime.now() / 1000),
    publicOrigin: runtime.publicOrigin,
  };
}
