/**
 * Portal configurations in KV, stored per `Stripe-Account` so one account can never read or
 * use another's. Keys:
 * - `config:v1:<scope>:<bpc_id>` → PortalConfiguration JSON (no TTL)
 * - `config-index:v1:<scope>` → { ids: string[] (oldest first), defaultId: string | null } (no TTL)
 * where `<scope>` is the `acct_…` id, or `platform` for the platform account itself.
 */
import { randomId } from "../lib/crypto";
import type { PortalConfiguration } from "./configuration-types";
import { buildDefaultConfiguration } from "./default-configuration";

/** The list of an account's configurations and which one is its default. */
export interface ConfigurationIndex {
  ids: string[];
  defaultId: string | null;
}

function scopeOf(account: string | null): string {
  return account ?? "platform";
}

function configKey(account: string | null, id: string): string {
  return `config:v1:${scopeOf(account)}:${id}`;
}

function indexKey(account: string | null): string {
  return `config-index:v1:${scopeOf(account)}`;
}

/** Reads one configuration of an account; another account's id reads as null. */
export async function getConfiguration(
  kv: KVNamespace,
  account: string | null,
  id: string,
): Promise<PortalConfiguration | null> {
  if (!/^bpc_[A-Za-z0-9]{1,64}$/.test(id)) return null;
  return kv.get<PortalConfiguration>(configKey(account, id), "json");
}

/** Reads an account's configuration index (empty when it has none yet). */
export async function getConfigurationIndex(
  kv: KVNamespace,
  account: string | null,
): Promise<ConfigurationIndex> {
  return (await kv.get<ConfigurationIndex>(indexKey(account), "json")) ?? { ids: [], defaultId: null };
}

/**
 * Stores a new configuration (under `id` when the caller already minted one). The account's
 * first configuration becomes its default, as in Stripe ("is_default" is not writable).
 */
export async function insertConfiguration(
  kv: KVNamespace,
  account: string | null,
  config: Omit<PortalConfiguration, "id" | "is_default" | "account">,
  id: string = randomId("bpc"),
): Promise<PortalConfiguration> {
  const index = await getConfigurationIndex(kv, account);
  const stored: PortalConfiguration = { ...config, id, account, is_default: index.defaultId === null };
  await kv.put(configKey(account, id), JSON.stringify(stored));
  await kv.put(
    indexKey(account),
    JSON.stringify({
      ids: [...index.ids, id],
      defaultId: index.defaultId ?? id,
    } satisfies ConfigurationIndex),
  );
  return stored;
}

/** Overwrites an existing configuration (the caller has merged the update into it). */
export async function replaceConfiguration(kv: KVNamespace, config: PortalConfiguration): Promise<void> {
  await kv.put(configKey(config.account, config.id), JSON.stringify(config));
}

/** The account's default configuration, or null while it has none. */
export async function findDefaultConfiguration(
  kv: KVNamespace,
  account: string | null,
): Promise<PortalConfiguration | null> {
  const index = await getConfigurationIndex(kv, account);
  return index.defaultId ? getConfiguration(kv, account, index.defaultId) : null;
}

/**
 * The account's default configuration, created on first use with the same defaults as a
 * freshly saved Stripe Dashboard portal (cancel with reasons, billing info, payment methods,
 * invoices; plan switching off until the merchant lists products).
 */
export async function getOrCreateDefaultConfiguration(
  kv: KVNamespace,
  account: string | null,
  nowSeconds: number,
): Promise<PortalConfiguration> {
  const existing = await findDefaultConfiguration(kv, account);
  if (existing) return existing;
  return insertConfiguration(kv, account, buildDefaultConfiguration(nowSeconds));
}
