import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { demoConfigurations } from "../../../worker/api/demo-configuration";
import { findSession } from "../../../worker/store/session-store";
import { createHarness } from "../../helpers/harness";

function form(fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

describe("dev landing page", () => {
  beforeAll(async () => {
    // What `npm run dev` seeds: the demo configurations become each account's default.
    const h = createHarness();
    for (const { account, params } of demoConfigurations()) {
      await h.portal.billingPortal.configurations.create(params, account ? { stripeAccount: account } : {});
    }
  });

  it("lists every demo customer with an Open portal button and flow buttons", async () => {
    const h = createHarness();
    const res = await h.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('action="/dev/session"');
    expect(html).toContain(`value="${DEMO.customers.monthly}"`);
    // The 3-D Secure customer, to try the bank's page.
    expect(html).toContain(`value="${DEMO.customers.sca}"`);
    expect(html).toContain(`value="${DEMO.connect.customer}"`);
    expect(html).toContain(`value="${DEMO_ACCOUNT}"`);
    expect(html).toContain("Open portal");
    expect(html).toContain('value="subscription_update_confirm"');
  });

  it("opens a portal session through the API logic and redirects into it", async () => {
    const h = createHarness();
    const res = await h.request(
      "/dev/session",
      form({ customer: DEMO.customers.monthly, account: "", flow: "" }),
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("Location") ?? "");
    expect(location.origin).toBe("http://localhost");
    expect(location.pathname).toMatch(/^\/p\/session\//);
    const token = location.pathname.split("/").pop() as string;
    const found = await findSession(env.SESSIONS, token, h.clock.now());
    if (found.status !== "active") throw new Error("expected an active session");
    expect(found.session.record.returnUrl).toBe("http://localhost/");
    expect(found.session.record.flow).toBeNull();
    expect((await h.request(location.pathname)).headers.get("Location")).toBe("/p");
  });

  it("offers an on_behalf_of session for the Connect destination-charge customer, and opens it", async () => {
    const h = createHarness();
    const html = await (await h.request("/")).text();
    expect(html).toContain(`name="on_behalf_of" value="${DEMO_ACCOUNT}"`);
    expect(html).toContain(`Portal for ${DEMO_ACCOUNT} only`);
    const login = /href="(http:\/\/portal\.test\/p\/login\/[^"]+)"/.exec(html)?.[1];
    expect(login, "the login page link").toBeDefined();
    expect(html).toContain('href="/dev/outbox"');

    const res = await h.request(
      "/dev/session",
      form({ customer: DEMO.customers.onBehalfOf, account: "", on_behalf_of: DEMO_ACCOUNT }),
    );
    expect(res.status).toBe(303);
    const token = new URL(res.headers.get("Location") ?? "").pathname.split("/").pop() as string;
    const found = await findSession(env.SESSIONS, token, h.clock.now());
    if (found.status !== "active") throw new Error("expected an active session");
    expect(found.session.record.onBehalfOf).toBe(DEMO_ACCOUNT);
  });

  it("opens flow sessions, including a confirm flow to another offered price", async () => {
    const h = createHarness();
    for (const flow of [
      "subscription_update",
      "subscription_cancel",
      "subscription_pause",
      "payment_method_update",
    ]) {
      const res = await h.request(
        "/dev/session",
        form({ customer: DEMO.customers.monthly, account: "", flow }),
      );
      expect(res.status, flow).toBe(303);
    }
    const res = await h.request(
      "/dev/session",
      form({ customer: DEMO.customers.monthly, account: "", flow: "subscription_update_confirm" }),
    );
    expect(res.status).toBe(303);
    const token = new URL(res.headers.get("Location") ?? "").pathname.split("/").pop() as string;
    const found = await findSession(env.SESSIONS, token, h.clock.now());
    if (found.status !== "active") throw new Error("expected an active session");
    const confirm = found.session.record.flow?.subscription_update_confirm;
    expect(confirm?.subscription).toBe(DEMO.subscriptions.monthly);
    expect(confirm?.items[0]?.price).toMatch(/^price_/);
  });

  it("opens a connected account's customer under that account", async () => {
    const h = createHarness();
    h.emulator.clearLog();
    const res = await h.request(
      "/dev/session",
      form({ customer: DEMO.connect.customer, account: DEMO_ACCOUNT, flow: "" }),
    );
    expect(res.status).toBe(303);
    expect(h.emulator.log.every((e) => e.account === DEMO_ACCOUNT)).toBe(true);
  });

  it("shows the API's refusal when a flow does not apply", async () => {
    const h = createHarness();
    const res = await h.request(
      "/dev/session",
      form({ customer: DEMO.customers.cancelScheduled, account: "", flow: "subscription_cancel" }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This subscription is already set to be canceled");
  });

  it("does not exist in production", async () => {
    const h = createHarness();
    const production = { ...env, PORTAL_ENV: "production" };
    expect((await h.app.request("/", {}, production)).status).toBe(404);
    const post = await h.app.request("/dev/session", form({ customer: DEMO.customers.monthly }), production);
    expect(post.status).toBe(404);
  });
});
