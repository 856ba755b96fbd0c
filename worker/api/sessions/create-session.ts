import type Stripe from "stripe";
import { randomId } from "../../lib/crypto";
import {
  findDefaultConfiguration,
  getConfiguration,
  insertConfiguration,
} from "../../store/configuration-store";
import type { PortalConfiguration } from "../../store/configuration-types";
import { buildDefaultConfiguration } from "../../store/default-configuration";
import { createSession } from "../../store/session-store";
import {
  checkExpansions,
  PRODUCTS_EXPANSION,
  toApiConfiguration,
} from "../configurations/configuration-object";
import { invalidParam, parameterMissing, resourceMissing } from "../errors";
import { accountOptions, isDeleted, lookup } from "../stripe-lookup";
import { loadFlowObjects } from "./flow-objects";
import { checkFlow } from "./flow-rules";
import { confirmFlowHint, listHomePrefetch, sessionPrefetch } from "./prefetch";
import { type ApiSession, toApiSession } from "./session-object";
import type { SessionRequest } from "./session-params";

/** What creating a session needs from its surroundings. */
export interface SessionContext {
  kv: KVNamespace;
  stripe: Stripe;
  /** The `Stripe-Account` the session acts for; null for the platform. */
  account: string | null;
  /** Milliseconds since the epoch. */
  now: number;
  /** Origin of the portal, for the session URL (`<origin>/p/session/<token>`). */
  origin: string;
}

const SESSION_EXPANSIONS = ["configuration", "flow", `configuration.${PRODUCTS_EXPANSION}`];

/** The requested configuration, or the account's default (built, not yet stored, on first use). */
async function resolveConfiguration(
  ctx: SessionContext,
  id: string | undefined,
): Promise<{ config: PortalConfiguration; unsaved: boolean }> {
  if (id !== undefined) {
    const config = await getConfiguration(ctx.kv, ctx.account, id);
    if (!config) throw resourceMissing("configuration", id, "configuration");
    if (!config.active) {
      throw invalidParam(
        "configuration",
        `The configuration \`${id}\` is not active and cannot be used to create portal sessions.`,
      );
    }
    return { config, unsaved: false };
  }
  const existing = await findDefaultConfiguration(ctx.kv, ctx.account);
  if (existing) return { config: existing, unsaved: false };
  const fresh = buildDefaultConfiguration(Math.floor(ctx.now / 1000));
  return { config: { ...fresh, id: randomId("bpc"), is_default: true, account: ctx.account }, unsaved: true };
}

/**
 * Checks that `on_behalf_of` names an account the platform can see, in the same wave as the
 * other reads. Only on the platform: a connected account cannot read other accounts, and
 * its customers' subscriptions carry the platform's own `on_behalf_of` values anyway.
 */
async function checkOnBehalfOf(ctx: SessionContext, onBehalfOf: string | null): Promise<void> {
  if (onBehalfOf === null || ctx.account !== null) return;
  await lookup(
    ctx.stripe.accounts.retrieve(onBehalfOf, {}, accountOptions(null)),
    () => resourceMissing("account", onBehalfOf, "on_behalf_of"),
    null,
  );
}

/**
 * Creates a portal session: validates everything against the configuration and Stripe (one
 * parallel wave of reads, which also lists the subscriptions for the session's prefetch
 * guesses), and only then writes anything (the default configuration on first use, the
 * session). Bad input changes nothing.
 */
export async function createPortalSession(ctx: SessionContext, request: SessionRequest): Promise<ApiSession> {
  const expand = checkExpansions(request.expand, SESSION_EXPANSIONS);
  const [configResult, customerResult, flowResult, homeGuesses, onBehalfOfResult] = await Promise.allSettled([
    resolveConfiguration(ctx, request.configuration),
    lookup(
      ctx.stripe.customers.retrieve(request.customer, {}, accountOptions(ctx.account)),
      () => resourceMissing("customer", request.customer, "customer"),
      ctx.account,
    ),
    request.flow
      ? loadFlowObjects(ctx.stripe, ctx.account, request.flow, Math.floor(ctx.now / 1000))
      : Promise.resolve(null),
    listHomePrefetch(ctx.stripe, ctx.account, request.customer, request.onBehalfOf),
    checkOnBehalfOf(ctx, request.onBehalfOf),
  ]);
  if (configResult.status === "rejected") throw configResult.reason;
  const { config, unsaved } = configResult.value;
  const returnUrl = request.returnUrl ?? config.default_return_url ?? null;
  if (!returnUrl) throw parameterMissing("return_url");
  if (customerResult.status === "rejected") throw customerResult.reason;
  const customer = customerResult.value;
  if (isDeleted(customer)) throw resourceMissing("customer", request.customer, "customer");
  if (flowResult.status === "rejected") throw flowResult.reason;
  if (onBehalfOfResult.status === "rejected") throw onBehalfOfResult.reason;
  if (request.flow && flowResult.value) {
    checkFlow(request.flow, flowResult.value, config, request.customer, request.onBehalfOf);
  }

  if (unsaved) {
    const { id, is_default: _d, account: _a, ...fields } = config;
    await insertConfiguration(ctx.kv, ctx.account, fields, id);
  }
  const { token, record } = await createSession(
    ctx.kv,
    {
      id: randomId("bps"),
      account: ctx.account,
      customer: request.customer,
      configuration: config.id,
      locale: request.locale,
      preferredLocales: (customer as Stripe.Customer).preferred_locales ?? [],
      returnUrl,
      onBehalfOf: request.onBehalfOf,
      flow: request.flow,
      livemode: false,
      created: Math.floor(ctx.now / 1000),
      prefetch: sessionPrefetch(
        homeGuesses.status === "fulfilled" ? homeGuesses.value : null,
        confirmFlowHint(request.flow, flowResult.value, config),
      ),
    },
    ctx.now,
  );
  const url = `${ctx.origin}/p/session/${token}`;
  // Expanding a path inside the configuration expands the configuration too, as in Stripe.
  const withProducts = expand.has(`configuration.${PRODUCTS_EXPANSION}`);
  const expanded =
    expand.has("configuration") || withProducts ? toApiConfiguration(config, withProducts) : null;
  return toApiSession(record, url, expanded);
}
