/**
 * The merchant API as an attacker sees it: key comparison that leaks nothing through timing
 * (checked by how the comparison works, never by timing it), failed-auth rate limiting per
 * client network, body size limits, and Stripe-shaped refusals of malformed parameters.
 */
import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { isAcceptedKey } from "../../worker/api/auth";
import { MAX_BODY_BYTES } from "../../worker/api/request-params";
import { timingSafeEqualStrings } from "../../worker/lib/crypto";
import { AUTH_FAILURE_LIMIT, AUTH_WINDOW_MS, clientNetwork } from "../../worker/middleware/rate-limit";
import { createHarness, type Harness } from "../helpers/harness";

const KEY = "sk_test_portal_dev";
const PATH = "/v1/billing_portal/configurations";

interface ErrorEnvelope {
  error: { type: string; code?: string; message: string; param?: string };
}

describe("API key comparison", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is exact: prefixes, case, padding and empty keys never match", async () => {
    expect(await timingSafeEqualStrings(KEY, KEY)).toBe(true);
    for (const other of ["", "sk_test_portal_de", `${KEY}x`, KEY.toUpperCase(), ` ${KEY}`, `${KEY}\u0000`]) {
      expect(await timingSafeEqualStrings(other, KEY), JSON.stringify(other)).toBe(false);
    }
    expect(await isAcceptedKey(KEY, [])).toBe(false);
  });

  it("compares fixed-size digests with the runtime's constant-time compare, against every key", async () => {
    // workerd's non-standard constant-time compare, which crypto.ts prefers when present.
    const subtle = crypto.subtle as SubtleCrypto & {
      timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean;
    };
    const spy = vi.spyOn(subtle, "timingSafeEqual");
    const keys = ["sk_live_aaaaaaaaaaaaaaaa", "sk_live_bbbbbbbbbbbbbbbb", "sk_live_cccccccccccccccc"];
    const calls: number[] = [];
    for (const candidate of [keys[0], keys[2], "sk_live_nope", "x", "y".repeat(5000)] as string[]) {
      spy.mockClear();
      await isAcceptedKey(candidate, keys);
      calls.push(spy.mock.calls.length);
      // Same-size inputs whatever the candidate's length: no early exit on length.
      for (const [a, b] of spy.mock.calls) {
        expect(a.byteLength).toBe(32);
        expect(b.byteLength).toBe(32);
      }
    }
    // A match in first place costs the same comparisons as a match in last place or none.
    expect(calls).toEqual([3, 3, 3, 3, 3]);
  });
});

describe("rate limiting of failed authentication", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  const call = (ip: string, key: string | null) =>
    h.request(PATH, {
      headers: { "CF-Connecting-IP": ip, ...(key !== null ? { Authorization: `Bearer ${key}` } : {}) },
    });

  it(`refuses a network after ${AUTH_FAILURE_LIMIT} failures with Stripe's 429, valid key included, until the window ends`, async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      expect((await call(ip, `sk_live_guess${i}`)).status).toBe(401);
    }
    const blocked = await call(ip, "sk_live_guess_more");
    expect(blocked.status).toBe(429);
    const body = (await blocked.json()) as ErrorEnvelope;
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "rate_limit" });
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(blocked.headers.get("Stripe-Should-Retry")).toBe("false");
    expect(blocked.headers.get("Request-Id")).toMatch(/^req_/);
    // A correct guess would otherwise stand out from the 429s.
    expect((await call(ip, KEY)).status).toBe(429);
    // Another network is not affected.
    expect((await call("198.51.100.1", KEY)).status).toBe(200);

    h.clock.advance(AUTH_WINDOW_MS);
    expect((await call(ip, KEY)).status).toBe(200);
    expect((await call(ip, "sk_live_guess_again")).status).toBe(401);
  });

  it("never counts successes, and the official SDK sees a StripeRateLimitError", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < 3 * AUTH_FAILURE_LIMIT; i++) expect((await call(ip, KEY)).status).toBe(200);
    for (let i = 0; i < AUTH_FAILURE_LIMIT - 1; i++) expect((await call(ip, "sk_live_x")).status).toBe(401);
    expect((await call(ip, KEY)).status).toBe(200);
    expect((await call(ip, "sk_live_x")).status).toBe(401);

    const sdk = new Stripe(KEY, {
      host: "portal.test",
      protocol: "http",
      port: 80,
      maxNetworkRetries: 2,
      httpClient: Stripe.createFetchHttpClient(async (url, init) => {
        const headers = new Headers(init?.headers);
        headers.set("CF-Connecting-IP", ip);
        return h.app.request(String(url), { ...init, headers }, env);
      }),
    });
    await expect(sdk.billingPortal.configurations.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeRateLimitError,
    );
  });

  it("puts a whole IPv6 /64 in one bucket and keeps no address in KV", async () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe(clientNetwork("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(clientNetwork("2001:db8:1:2::1")).not.toBe(clientNetwork("2001:db8:1:3::1"));
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      expect((await call(`2001:db8:1:2::${i.toString(16)}`, "sk_live_x")).status).toBe(401);
    }
    expect((await call("2001:db8:1:2:ffff:ffff:ffff:ffff", KEY)).status).toBe(429);
    const keys = (await env.SESSIONS.list({ prefix: "ratelimit:" })).keys.map((k) => k.name);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toMatch(/2001|db8/);
  });
});

describe("request size and shape", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    h.request("/v1/billing_portal/sessions", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${KEY}`,
        "Content-Type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body,
    });

  it("refuses oversized bodies with 413 whether or not their length is declared", async () => {
    const big = `customer=${DEMO.customers.monthly}&metadata[x]=${"a".repeat(MAX_BODY_BYTES)}`;
    const declared = await post(big, { "Content-Length": String(big.length) });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("a".repeat(8 * 1024)));
        controller.close();
      },
    });
    const streamed = await post(chunks);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as ErrorEnvelope).error.type).toBe("invalid_request_error");
  });

  it("refuses malformed parameters with Stripe's 400 envelope naming the parameter", async () => {
    const cases: [string, string][] = [
      [`customer[]=${DEMO.customers.monthly}`, "customer"],
      [`customer=${DEMO.customers.monthly}&return_url[a]=b`, "return_url"],
      [`customer=${DEMO.customers.monthly}&locale=xx-evil`, "locale"],
      [`customer=${DEMO.customers.monthly}&flow_data[type]=steal`, "flow_data[type]"],
      [`customer=${DEMO.customers.monthly}&a[b][c][d][e][f][g][h][i][j][k]=1`, "a"],
      [`customer=${"x".repeat(6000)}`, "customer"],
    ];
    for (const [body, param] of cases) {
      const res = await post(body);
      expect(res.status, body.slice(0, 60)).toBe(400);
      const { error } = (await res.json()) as ErrorEnvelope;
      expect(error.type).toBe("invalid_request_error");
      expect(error.param ?? "", body.slice(0, 60)).toContain(param);
    }
    // qs drops keys named like Object.prototype members outright; the rest is still validated
    // (here: the bad return_url), and nothing is polluted.
    for (const key of ["__proto__[admin]", "constructor[prototype][admin]", "toString"]) {
      const res = await post(`customer=${DEMO.customers.monthly}&${key}=1&return_url=x`);
      expect(res.status, key).toBe(400);
      expect(((await res.json()) as ErrorEnvelope).error.param, key).toBe("return_url");
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(h.emulator.writes()).toEqual([]);
  });

  it("refuses JSON that is not an object, and prototype keys in JSON", async () => {
    for (const body of ["[]", "null", '"x"', "1", "{", '{"__proto__":{"admin":true}}']) {
      const res = await post(body, { "Content-Type": "application/json" });
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as ErrorEnvelope).error.type).toBe("invalid_request_error");
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
