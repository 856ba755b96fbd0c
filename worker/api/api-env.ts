import type { AppEnv } from "../env";
import type { RawParams } from "./request-params";

/** Hono environment of the merchant API: the app's, plus what the API middleware resolves. */
export type ApiEnv = {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & {
    /** Decoded query (GET) or body (POST) parameters. */
    params: RawParams;
    /** The `Stripe-Account` the request acts for; null for the platform itself. */
    account: string | null;
  };
};
