import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { resourceMissing } from "../core/errors";
import { type Params, str } from "../core/params";

/**
 * Reads an `on_behalf_of` parameter: the id of one of the platform's connected accounts, which
 * Stripe checks exists (an unknown id, the platform's own id, or any id sent by a connected
 * account, which has no connected accounts of its own, is `resource_missing`). `""` clears it
 * (null); undefined when absent.
 */
export function readOnBehalfOf(ctx: Ctx, params: Params, name = "on_behalf_of"): string | null | undefined {
  const value = str(params, "on_behalf_of", name);
  if (value === undefined) return undefined;
  if (value === "") return null;
  const connected =
    ctx.account.isPlatform &&
    value !== ctx.state.platform.id &&
    ctx.state.accounts.has(value) &&
    ctx.state.platform.get<Stripe.Account>("account", value) !== undefined;
  if (!connected) throw resourceMissing("account", value, name);
  return value;
}

/** The account id an `on_behalf_of` field holds, whether an id or an expanded account. */
export function onBehalfOfId(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}
