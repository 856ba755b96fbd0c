import { Hono } from "hono";
import { getConfiguration, insertConfiguration, replaceConfiguration } from "../../store/configuration-store";
import type { PortalConfiguration } from "../../store/configuration-types";
import { apiDefaultConfiguration } from "../../store/default-configuration";
import { createStripeClient } from "../../stripe/client";
import type { ApiEnv } from "../api-env";
import { invalidParam, resourceMissing } from "../errors";
import { ParamReader } from "../param-reader";
import { rejectUnknownParams } from "../request-params";
import { checkExpansions, PRODUCTS_EXPANSION, toApiConfiguration } from "./configuration-object";
import { applyConfigurationParams } from "./configuration-params";
import { checkConfigurationRules } from "./configuration-rules";
import { listConfigurations } from "./list-configurations";
import { plannedLoginPage, syncLoginPage } from "./login-page";
import { checkProductPrices } from "./product-prices";

/** `/v1/billing_portal/configurations[/{id}]`, scoped to the request's `Stripe-Account`. */
export const configurationRoutes = new Hono<ApiEnv>();

const PATH = "/billing_portal/configurations";
const EXPANSIONS = [PRODUCTS_EXPANSION, "application"];

function expandProducts(raw: Record<string, unknown>): boolean {
  const expand = new ParamReader(raw).stringArray("expand") ?? [];
  return checkExpansions(expand, EXPANSIONS).has(PRODUCTS_EXPANSION);
}

async function loadOr404(kv: KVNamespace, account: string | null, id: string): Promise<PortalConfiguration> {
  const config = await getConfiguration(kv, account, id);
  // Another account's configuration is indistinguishable from one that does not exist.
  if (!config) throw resourceMissing("configuration", id, "configuration", 404);
  return config;
}

configurationRoutes.post(PATH, async (c) => {
  const now = Math.floor(c.var.deps.now() / 1000);
  const { fields, productsSent } = applyConfigurationParams(
    apiDefaultConfiguration(now),
    c.var.params,
    "create",
  );
  const expand = expandProducts(c.var.params);
  checkConfigurationRules(fields);
  fields.login_page = plannedLoginPage(c.env, null, fields.login_page, new URL(c.req.url).origin);
  if (productsSent && fields.features.subscription_update.products.length > 0) {
    const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
    await checkProductPrices(stripe, c.var.account, fields.features.subscription_update.products);
  }
  const stored = await insertConfiguration(c.env.SESSIONS, c.var.account, fields);
  await syncLoginPage(c.env.SESSIONS, null, stored);
  return c.json(toApiConfiguration(stored, expand));
});

configurationRoutes.get(PATH, async (c) => {
  return c.json(await listConfigurations(c.env.SESSIONS, c.var.account, c.var.params));
});

configurationRoutes.get(`${PATH}/:id`, async (c) => {
  rejectUnknownParams(c.var.params, { expand: [true] });
  const expand = expandProducts(c.var.params);
  const config = await loadOr404(c.env.SESSIONS, c.var.account, c.req.param("id"));
  return c.json(toApiConfiguration(config, expand));
});

configurationRoutes.post(`${PATH}/:id`, async (c) => {
  const current = await loadOr404(c.env.SESSIONS, c.var.account, c.req.param("id"));
  const { id, is_default, account, ...currentFields } = current;
  const { fields, productsSent } = applyConfigurationParams(currentFields, c.var.params, "update");
  const expand = expandProducts(c.var.params);
  if (is_default && !fields.active) {
    throw invalidParam("active", "The default configuration cannot be deactivated.");
  }
  checkConfigurationRules(fields);
  fields.login_page = plannedLoginPage(
    c.env,
    current.login_page,
    fields.login_page,
    new URL(c.req.url).origin,
  );
  if (productsSent && fields.features.subscription_update.products.length > 0) {
    const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
    await checkProductPrices(stripe, account, fields.features.subscription_update.products);
  }
  const updated: PortalConfiguration = {
    ...fields,
    id,
    is_default,
    account,
    updated: Math.floor(c.var.deps.now() / 1000),
  };
  await replaceConfiguration(c.env.SESSIONS, updated);
  await syncLoginPage(c.env.SESSIONS, current.login_page, updated);
  return c.json(toApiConfiguration(updated, expand));
});
