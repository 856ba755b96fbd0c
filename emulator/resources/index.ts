import type { Hono } from "hono";
import type { Api, ApiEnv, Runtime } from "../core/app";
import { registerAccounts } from "./accounts";
import { registerCustomers } from "./customers";

/** Registers every /v1 resource and the hosted pages. */
export function registerResources(_app: Hono<ApiEnv>, api: Api, _runtime: Runtime): void {
  registerAccounts(api);
  registerCustomers(api);
}
