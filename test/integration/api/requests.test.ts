import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { expectApiError } from "./helpers";

const SESSIONS = "/v1/billing_portal/sessions";
const AUTH = { Authorization: "Bearer sk_test_portal_dev" };
const RETURN = "https://example.com/account";

describe("request parsing and idempotency", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    h.request(SESSIONS, {
      method: "POST",
      headers: { ...AUTH, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  it("accepts JSON bodies as well as forms", async () => {
    const res = await h.request(SESSIONS, {
      method: "POST",
      headers: { ...AUTH, "Content-Type": "application/json" },
      body: JSON.stringify({
        customer: DEMO.customers.monthly,
        return_url: RETURN,
        flow_data: { type: "payment_method_update" },
      }),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as { flow: { type: string } };
    expect(session.flow.type).toBe("payment_method_update");
  });

  it("rejects unknown parameters by name and oversized bodies with 413", async () => {
    const unknown = await post(`customer=${DEMO.customers.monthly}&return_url=${RETURN}&colour=red`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: unknown }).error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_unknown",
      param: "colour",
    });
    const big = await post(`customer=${DEMO.customers.monthly}&metadata=${"x".repeat(70 * 1024)}`);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });

  it("replays the first response for the same key and parameters, without running again", async () => {
    const params = { customer: DEMO.customers.monthly, return_url: RETURN };
    const first = await h.portal.billingPortal.sessions.create(params, { idempotencyKey: "key-replay" });
    h.emulator.clearLog();
    const replay = await post(`customer=${DEMO.customers.monthly}&return_url=${encodeURIComponent(RETURN)}`, {
      "Idempotency-Key": "key-replay",
    });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    const body = (await replay.json()) as { id: string; url: string };
    expect(body.id).toBe(first.id);
    expect(body.url).toBe(first.url);
    expect(h.emulator.log).toHaveLength(0);
  });

  it("refuses the same key with different parameters", async () => {
    await h.portal.billingPortal.sessions.create(
      { customer: DEMO.customers.monthly, return_url: RETURN },
      { idempotencyKey: "key-conflict" },
    );
    await expectApiError(
      h.portal.billingPortal.sessions.create(
        { customer: DEMO.customers.trialing, return_url: RETURN },
        { idempotencyKey: "key-conflict" },
      ),
      { status: 400, type: "idempotency_error" },
    );
  });

  it("does not store failures: a retry after an upstream error runs again", async () => {
    // The portal's own Stripe client retries twice, so three failures of the customer lookup
    // reach the merchant (the subscription list beside it only feeds prefetch guesses).
    h.emulator.setFaults({ failNext: 3, errorStatus: 500, pathPattern: "/v1/customers/" });
    const params = { customer: DEMO.customers.monthly, return_url: RETURN };
    await expectApiError(h.portal.billingPortal.sessions.create(params, { idempotencyKey: "key-retry" }), {
      status: 500,
      type: "api_error",
    });
    const retried = await h.portal.billingPortal.sessions.create(params, { idempotencyKey: "key-retry" });
    expect(retried.id).toMatch(/^bps_/);
  });
});
