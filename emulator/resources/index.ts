import type { Hono } from "hono";
import type { Api, ApiEnv, Runtime } from "../core/app";
import { registerAuthenticatePage } from "../hosted/authenticate-page";
import { registerCheckoutPage } from "../hosted/checkout-page";
import { registerInvoicePages } from "../hosted/invoice-page";
import { registerAccounts } from "./accounts";
import { registerCatalog } from "./catalog-routes";
import { registerCheckoutSessions } from "./checkout-sessions";
import { registerCoupons } from "./coupon-routes";
import { registerCustomers } from "./customers";
import { registerInvoices } from "./invoices";
import { registerPaymentIntents } from "./payment-intents";
import { registerPaymentMethods } from "./payment-methods";
import { registerSetupIntents } from "./setup-intents";
import { registerSubscriptionSchedules } from "./subscription-schedules";
import { registerSubscriptions } from "./subscriptions";
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
  registerSubscriptions(api);
  registerSubscriptionSchedules(api);
  registerInvoices(api);
  registerPaymentIntents(api);
  registerCheckoutPage(app, runtime);
  registerInvoicePages(app, runtime);
  registerAuthenticatePage(app, runtime);
}
