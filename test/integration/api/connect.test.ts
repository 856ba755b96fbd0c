import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { connectDemoConfiguration } from "../../../worker/api/demo-configuration";
import { findSession } from "../../../worker/store/session-store";
import { createHarness, type Harness } from "../../helpers/harness";
import { expectApiError, freshAccount, on } from "./helpers";

const RETURN = "https://example.com/account";

describe("Connect: the Stripe-Account header scopes everything", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("keeps an account's configuration invisible to other accounts and the platform", async () => {
    const config = await h.portal.billingPortal.configurations.create(
      connectDemoConfiguration(),
      on(DEMO_ACCOUNT),
    );
    const other = freshAccount();
    await expectApiError(h.portal.billingPortal.configurations.retrieve(config.id, {}, on(other)), {
      status: 404,
      code: "resource_missing",
      param: "configuration",
    });
    await expectApiError(h.portal.billingPortal.configurations.retrieve(config.id), {
      status: 404,
      param: "configuration",
    });
    await expectApiError(
      h.portal.billingPortal.configurations.update(config.id, { name: "hijack" }, on(other)),
      {
        status: 404,
      },
    );
    const platformList = await h.portal.billingPortal.configurations.list({ limit: 100 });
    expect(platformList.data.map((c) => c.id)).not.toContain(config.id);
    expect((await h.portal.billingPortal.configurations.retrieve(config.id, {}, on(DEMO_ACCOUNT))).name).toBe(
      "Demo: connected account",
    );
  });

  it("checks configuration prices in the account's own catalog", async () => {
    h.emulator.clearLog();
    await expectApiError(
      h.portal.billingPortal.configurations.create(
        {
          features: {
            payment_method_update: { enabled: true },
            subscription_update: {
              enabled: true,
              default_allowed_updates: ["price"],
              products: [{ product: DEMO.products.basic, prices: [DEMO.prices.basicMonthly] }],
            },
          },
        },
        on(DEMO_ACCOUNT),
      ),
      {
        status: 400,
        code: "resource_missing",
        param: "features[subscription_update][products][0][prices][0]",
      },
    );
    expect(h.emulator.log.length).toBeGreaterThan(0);
    expect(h.emulator.log.every((entry) => entry.account === DEMO_ACCOUNT)).toBe(true);
  });

  it("creates a session for the account's customer, calling Stripe only with that account's header", async () => {
    h.emulator.clearLog();
    const session = await h.portal.billingPortal.sessions.create(
      { customer: DEMO.connect.customer, return_url: RETURN },
      on(DEMO_ACCOUNT),
    );
    expect(h.emulator.log.some((e) => e.path === `/v1/customers/${DEMO.connect.customer}`)).toBe(true);
    expect(h.emulator.log.every((e) => e.account === DEMO_ACCOUNT)).toBe(true);
    const token = new URL(session.url).pathname.split("/").pop() as string;
    const found = await findSession(env.SESSIONS, token, h.clock.now());
    expect(found.status === "active" && found.session.record.account).toBe(DEMO_ACCOUNT);
    const defaults = await h.portal.billingPortal.configurations.list({ is_default: true }, on(DEMO_ACCOUNT));
    expect(defaults.data.map((c) => c.id)).toEqual([session.configuration]);
  });

  it("does not find one account's customer or configuration from another", async () => {
    await expectApiError(
      h.portal.billingPortal.sessions.create({ customer: DEMO.connect.customer, return_url: RETURN }),
      { status: 400, code: "resource_missing", param: "customer" },
    );
    const platformConfig = await h.portal.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    await expectApiError(
      h.portal.billingPortal.sessions.create(
        { customer: DEMO.connect.customer, return_url: RETURN, configuration: platformConfig.id },
        on(DEMO_ACCOUNT),
      ),
      { status: 400, code: "resource_missing", param: "configuration" },
    );
  });

  it("scopes idempotency keys per account", async () => {
    const a = await h.portal.billingPortal.sessions.create(
      { customer: DEMO.customers.monthly, return_url: RETURN },
      { idempotencyKey: "shared-key" },
    );
    const b = await h.portal.billingPortal.sessions.create(
      { customer: DEMO.connect.customer, return_url: RETURN },
      { idempotencyKey: "shared-key", stripeAccount: DEMO_ACCOUNT },
    );
    expect(b.id).not.toBe(a.id);
    expect(b.customer).toBe(DEMO.connect.customer);
  });

  it("refuses a malformed Stripe-Account header and reports an inaccessible account", async () => {
    await expectApiError(h.portal.billingPortal.configurations.list({}, on("not-an-account")), {
      status: 400,
    });
    await expectApiError(
      h.portal.billingPortal.sessions.create(
        { customer: DEMO.connect.customer, return_url: RETURN },
        on(freshAccount()),
      ),
      { status: 403 },
    );
  });
});
