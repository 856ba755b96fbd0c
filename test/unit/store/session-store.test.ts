import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../worker/lib/crypto";
import {
  ACTIVE_SESSION_MS,
  createSession,
  findSession,
  type SessionRecord,
  saveSession,
  TOUCH_INTERVAL_MS,
  touchSession,
  UNUSED_SESSION_MS,
} from "../../../worker/store/session-store";

const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const MINUTE = 60_000;

/** KV that records every put, to tell a throttled touch (no write) from a real one. */
function countingKv(): { kv: KVNamespace; puts: { key: string; ttl: number | undefined }[] } {
  const puts: { key: string; ttl: number | undefined }[] = [];
  const kv = {
    get: env.SESSIONS.get.bind(env.SESSIONS),
    put: async (key: string, value: string, options?: KVNamespacePutOptions) => {
      puts.push({ key, ttl: options?.expirationTtl });
      await env.SESSIONS.put(key, value, options);
    },
  } as unknown as KVNamespace;
  return { kv, puts };
}

function fields(): Omit<SessionRecord, "expiresAt" | "touchedAt" | "csrfToken" | "uiLocale"> {
  return {
    id: "bps_test",
    account: null,
    customer: "cus_test",
    configuration: "bpc_test",
    locale: null,
    preferredLocales: [],
    returnUrl: "https://example.com/account",
    onBehalfOf: null,
    flow: null,
    livemode: false,
    created: Math.floor(T0 / 1000),
  };
}

describe("session store", () => {
  it("stores only the token's hash and a token of at least 128 bits", async () => {
    const { kv, puts } = countingKv();
    const { token } = await createSession(kv, fields(), T0);
    const other = await createSession(kv, fields(), T0);
    expect(token).not.toBe(other.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(puts[0]?.key).toBe(`session:v1:${await sha256Hex(token)}`);
    const stored = await env.SESSIONS.get(`session:v1:${await sha256Hex(token)}`);
    expect(stored).not.toContain(token);
  });

  it("keeps an unused session for 5 minutes, then reports it expired (not unknown)", async () => {
    const { token } = await createSession(env.SESSIONS, fields(), T0);
    expect((await findSession(env.SESSIONS, token, T0 + UNUSED_SESSION_MS - 1)).status).toBe("active");
    const later = await findSession(env.SESSIONS, token, T0 + UNUSED_SESSION_MS);
    expect(later.status).toBe("expired");
    expect(later.status === "expired" && later.record.returnUrl).toBe("https://example.com/account");
    expect((await findSession(env.SESSIONS, `${token}x`, T0)).status).toBe("unknown");
    expect((await findSession(env.SESSIONS, "", T0)).status).toBe("unknown");
  });

  it("once opened, lives 1 hour after the latest activity: 59 min idle is fine, 61 min is not", async () => {
    const { token } = await createSession(env.SESSIONS, fields(), T0);
    const opened = await findSession(env.SESSIONS, token, T0 + 4 * MINUTE);
    if (opened.status !== "active") throw new Error("expected an active session");
    await touchSession(env.SESSIONS, opened.session, T0 + 4 * MINUTE);
    expect((await findSession(env.SESSIONS, token, T0 + 63 * MINUTE)).status).toBe("active");
    expect((await findSession(env.SESSIONS, token, T0 + 65 * MINUTE)).status).toBe("expired");
  });

  it("writes activity at most once per interval, and extends the window when it does", async () => {
    const { kv, puts } = countingKv();
    const { token } = await createSession(kv, fields(), T0);
    const first = await findSession(kv, token, T0);
    if (first.status !== "active") throw new Error("expected an active session");
    await touchSession(kv, first.session, T0);
    expect(puts).toHaveLength(2);

    const soon = await findSession(kv, token, T0 + TOUCH_INTERVAL_MS - 1);
    if (soon.status !== "active") throw new Error("expected an active session");
    const unchanged = await touchSession(kv, soon.session, T0 + TOUCH_INTERVAL_MS - 1);
    expect(puts).toHaveLength(2);
    expect(unchanged.expiresAt).toBe(T0 + ACTIVE_SESSION_MS);

    const later = await findSession(kv, token, T0 + TOUCH_INTERVAL_MS);
    if (later.status !== "active") throw new Error("expected an active session");
    const extended = await touchSession(kv, later.session, T0 + TOUCH_INTERVAL_MS);
    expect(puts).toHaveLength(3);
    expect(extended.expiresAt).toBe(T0 + TOUCH_INTERVAL_MS + ACTIVE_SESSION_MS);
    const reread = await findSession(kv, token, T0 + TOUCH_INTERVAL_MS + ACTIVE_SESSION_MS - 1);
    expect(reread.status).toBe("active");
  });

  it("never asks KV for a TTL under its 60-second floor", async () => {
    const { kv, puts } = countingKv();
    const { token } = await createSession(kv, fields(), T0);
    const found = await findSession(kv, token, T0 + UNUSED_SESSION_MS - 1000);
    if (found.status !== "active") throw new Error("expected an active session");
    // Save a record one second before its expiry: the TTL is still at least 60 s.
    await saveSession(kv, found.session, T0 + UNUSED_SESSION_MS - 1000);
    expect(puts.length).toBeGreaterThan(1);
    for (const put of puts) expect(put.ttl).toBeGreaterThanOrEqual(60);
  });
});
