import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createHarness } from "../../helpers/harness";
import { expectApiError } from "./helpers";

const PATH = "/v1/billing_portal/configurations";

describe("merchant API authentication", () => {
  it("answers a missing or wrong key with Stripe's 401 envelope", async () => {
    const h = createHarness();
    const missing = await h.request(PATH);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("You did not provide an API key");
    expect(missing.headers.get("Request-Id")).toMatch(/^req_/);

    const wrong = new Stripe("sk_test_wrong_key_1234", {
      host: "portal.test",
      protocol: "http",
      port: 80,
      maxNetworkRetries: 0,
      httpClient: Stripe.createFetchHttpClient(async (url, init) => h.app.request(String(url), init, env)),
    });
    const error = await expectApiError(wrong.billingPortal.configurations.list(), { status: 401 });
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.message).not.toContain("sk_test_wrong_key_1234");
  });

  it("accepts the key as Bearer token or as the Basic auth user name", async () => {
    const h = createHarness();
    const bearer = await h.request(PATH, { headers: { Authorization: "Bearer sk_test_portal_dev" } });
    expect(bearer.status).toBe(200);
    const basic = await h.request(PATH, {
      headers: { Authorization: `Basic ${btoa("sk_test_portal_dev:")}` },
    });
    expect(basic.status).toBe(200);
  });

  it("in production accepts only PORTAL_API_KEYS (any of them) and never the dev key", async () => {
    const h = createHarness();
    const production = { ...env, PORTAL_ENV: "production", PORTAL_API_KEYS: "sk_live_old, sk_live_new" };
    const call = (key: string, vars: object = production) =>
      h.app.request(PATH, { headers: { Authorization: `Bearer ${key}` } }, vars);
    expect((await call("sk_live_new")).status).toBe(200);
    expect((await call("sk_live_old")).status).toBe(200);
    expect((await call("sk_test_portal_dev")).status).toBe(401);
    const noKeys = { ...env, PORTAL_ENV: "production", PORTAL_API_KEYS: "" };
    expect((await call("sk_test_portal_dev", noKeys)).status).toBe(401);
    expect((await call("", noKeys)).status).toBe(401);
  });

  it("answers unknown API paths with a 404 envelope", async () => {
    const h = createHarness();
    const res = await h.request("/v1/billing_portal/nothing", {
      headers: { Authorization: "Bearer sk_test_portal_dev" },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });
});
