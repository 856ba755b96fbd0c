import type Stripe from "stripe";
import type { Api } from "../core/app";
import { resourceMissing } from "../core/errors";
import { paginate } from "../core/list";
import { checkParams } from "../core/params";

/** `GET /v1/account`, `GET /v1/accounts`, `GET /v1/accounts/{id}`. Account objects live in the platform. */
export function registerAccounts(api: Api): void {
  api.get("/v1/account", (ctx) => {
    checkParams(ctx.params, {});
    return ctx.state.platform.require<Stripe.Account>("account", ctx.account.id);
  });

  api.get("/v1/accounts", (ctx) => {
    checkParams(ctx.params, { limit: true, starting_after: true, ending_before: true, created: true });
    // Only the platform has connected accounts.
    const accounts = ctx.account.isPlatform
      ? ctx.state.platform.all<Stripe.Account>("account").filter((a) => a.id !== ctx.state.platform.id)
      : [];
    return paginate(ctx, accounts, "/v1/accounts", "account");
  });

  api.get("/v1/accounts/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    const visible = ctx.account.isPlatform || id === ctx.account.id;
    const account = visible ? ctx.state.platform.get<Stripe.Account>("account", id) : undefined;
    if (!account) throw resourceMissing("account", id);
    return account;
  });
}
