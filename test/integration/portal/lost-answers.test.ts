/**
 * Writes whose answer never arrives: Stripe made the change, but every attempt's response was
 * lost (timeout, dropped connection) even after the SDK's retries. The page must not claim
 * "nothing was changed"; it says it cannot tell, and a second submission changes nothing more.
 */
import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createApp } from "../../../worker/app";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, pageText } from "../../helpers/portal-session";

/** A harness whose portal loses Stripe's answers to POSTs on `lose` paths (after Stripe acted). */
function lossyHarness(): { h: Harness; lose: Set<string> } {
  const base = createHarness();
  const lose = new Set<string>();
  const lossyFetch: typeof fetch = async (input, init) => {
    const res = await base.emulator.fetch(input, init);
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if ((init?.method ?? "GET") === "POST" && lose.has(path)) {
      await res.arrayBuffer();
      throw new TypeError("network connection lost (test)");
    }
    return res;
  };
  const app = createApp({ stripeFetch: lossyFetch, now: base.clock.now });
  const h: Harness = {
    ...base,
    app,
    request: async (path, init) => app.request(path, init, env),
    portal: new Stripe("sk_test_portal_dev", {
      host: "portal.test",
      protocol: "http",
      port: 80,
      maxNetworkRetries: 0,
      httpClient: Stripe.createFetchHttpClient(async (url, init) =>
        app.request(url instanceof Request ? url : String(url), init, env),
      ),
    }),
  };
  return { h, lose };
}

describe("a write whose answer was lost", () => {
  let h: Harness;
  let lose: Set<string>;
  beforeEach(() => {
    ({ h, lose } = lossyHarness());
  });

  it("cancel: says it cannot confirm, not that nothing changed; resending changes nothing more", async () => {
    const sub = DEMO.subscriptions.monthly;
    const browser = await openFullPortal(h);
    lose.add(`/v1/subscriptions/${sub}`);
    const form = await browser.form(
      `/p/subscriptions/${sub}/cancel?step=reasons`,
      `/p/subscriptions/${sub}/cancel`,
    );
    const fields = { ...form.fields, reason: "too_expensive" };
    const res = await browser.post(`/p/subscriptions/${sub}/cancel`, fields);
    expect(res.status).toBe(502);
    const text = pageText(await res.text());
    expect(text).toContain("We couldn't confirm your change");
    expect(text).not.toContain("Nothing was changed.");
    expect(text).not.toContain("Try again");
    // Stripe did act (the SDK retried with the same idempotency key, so only once).
    const after = await h.stripe.subscriptions.retrieve(sub);
    expect(after.cancel_at_period_end || after.cancel_at !== null).toBe(true);
    const updates = h.emulator.log.filter(
      (e) => e.method === "POST" && e.path === `/v1/subscriptions/${sub}`,
    );
    expect(new Set(updates.map((e) => e.idempotencyKey)).size).toBe(1);

    // Sending it again once the connection is back finds the change made: it says so, and
    // writes nothing.
    lose.clear();
    h.emulator.clearLog();
    const again = await browser.post(`/p/subscriptions/${sub}/cancel`, fields);
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain("already set to be cancelled");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("a Stripe 5xx is still 'nothing was changed' (Stripe answered, and refused)", async () => {
    const sub = DEMO.subscriptions.monthly;
    const browser = await openFullPortal(h);
    const form = await browser.form(
      `/p/subscriptions/${sub}/cancel?step=reasons`,
      `/p/subscriptions/${sub}/cancel`,
    );
    h.emulator.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: `/v1/subscriptions/${sub}` });
    const res = await browser.post(`/p/subscriptions/${sub}/cancel`, {
      ...form.fields,
      reason: "too_expensive",
    });
    h.emulator.setFaults({ errorRate: 0 });
    expect(res.status).toBe(502);
    expect(pageText(await res.text())).toContain("Nothing was changed.");
    expect((await h.stripe.subscriptions.retrieve(sub)).cancel_at_period_end).toBe(false);
  });
});
