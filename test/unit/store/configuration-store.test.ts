import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { randomId } from "../../../worker/lib/crypto";
import {
  findDefaultConfiguration,
  getConfiguration,
  getConfigurationIndex,
  getOrCreateDefaultConfiguration,
  insertConfiguration,
} from "../../../worker/store/configuration-store";
import { buildDefaultConfiguration } from "../../../worker/store/default-configuration";

const NOW = 1_793_620_800;

describe("configuration store", () => {
  it("makes an account's first configuration its default, and only the first", async () => {
    const account = randomId("acct");
    const first = await insertConfiguration(env.SESSIONS, account, buildDefaultConfiguration(NOW));
    const second = await insertConfiguration(env.SESSIONS, account, buildDefaultConfiguration(NOW));
    expect(first.is_default).toBe(true);
    expect(second.is_default).toBe(false);
    expect((await findDefaultConfiguration(env.SESSIONS, account))?.id).toBe(first.id);
    expect((await getConfigurationIndex(env.SESSIONS, account)).ids).toEqual([first.id, second.id]);
  });

  it("never reads one account's configuration under another account", async () => {
    const a = randomId("acct");
    const b = randomId("acct");
    const config = await insertConfiguration(env.SESSIONS, a, buildDefaultConfiguration(NOW));
    expect(await getConfiguration(env.SESSIONS, a, config.id)).not.toBeNull();
    expect(await getConfiguration(env.SESSIONS, b, config.id)).toBeNull();
    expect(await getConfiguration(env.SESSIONS, null, config.id)).toBeNull();
    expect(await getConfiguration(env.SESSIONS, a, "bpc_../../x")).toBeNull();
  });

  it("creates the default configuration on first use and reuses it afterwards", async () => {
    const account = randomId("acct");
    expect(await findDefaultConfiguration(env.SESSIONS, account)).toBeNull();
    const created = await getOrCreateDefaultConfiguration(env.SESSIONS, account, NOW);
    const again = await getOrCreateDefaultConfiguration(env.SESSIONS, account, NOW);
    expect(again.id).toBe(created.id);
    expect(created.is_default).toBe(true);
    expect(created.account).toBe(account);
    expect(created.features.subscription_cancel.enabled).toBe(true);
  });

  it("stores a configuration under the id the caller minted", async () => {
    const account = randomId("acct");
    const id = randomId("bpc");
    const stored = await insertConfiguration(env.SESSIONS, account, buildDefaultConfiguration(NOW), id);
    expect(stored.id).toBe(id);
    expect((await getConfiguration(env.SESSIONS, account, id))?.id).toBe(id);
  });
});
