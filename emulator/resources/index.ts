import type { Hono } from "hono";
import type { Api, ApiEnv, Runtime } from "../core/app";
import { registerCheckoutPage } from "../hosted/checkout-page";
import { registerAccounts } from "./accounts";
import { registerCatalog } from "./catalog";
import { registerCheckoutSessions } from "./checkout-sessions";
import { registerCoupons } from "./coupons";
import { registerCustomers } from "./customers";
import { registerPaymentMethods } from "./payment-methods";
import { registerSetupIntents } from "./setup-intents";
import { registerTaxIds } from "./tax-ids";

/** Registers every /v1 resource and the hosted pages. */
export function registerResources(app: Hono<ApiEnv>, api: Api, runtime: Runtime): void {
  registerAccounts(api);
  registerCustomers(api);
  registerCatalog(api);
  registerCoupons(api);
  registerPaymentMethods(api);
  registerTaxIds(api);
  registerSetupIntents(api);
  registerCheckoutSessions(api);
  registerCheckoutPage(app, runtime);
}
