import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../emulator";
import { DEMO, DEMO_ACCOUNT, PLATFORM_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, emulatorStripe } from "../../helpers/harness";

const C = DEMO.customers;
const API = "http://127.0.0.1:12111";
const AUTH = { Authorization: "Bearer sk_test_emulator" };

describe("emulator wire format and errors", () => {
  it("retrieves a seeded customer through the SDK, with a Request-Id", async () => {
    const { stripe } = createHarness();
    const customer = await stripe.customers.retrieve(C.monthly);
    expect(customer).toMatchObject({ id: C.monthly, object: "customer" });
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
  });

  it("answers an unknown customer with resource_missing 404", async () => {
    const { stripe } = createHarness();
    const err = await stripe.customers.retrieve("cus_nope").catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 404,
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "id",
      message: "No such customer: 'cus_nope'",
    });
  });

  it("sends Stripe's exact error envelope", async () => {
    const { emulator } = createHarness();
    const res = await emulator.fetch(`${API}/v1/customers/cus_nope`, { headers: AUTH });
    expect(await res.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such customer: 'cus_nope'",
        param: "id",
        doc_url: "https://stripe.com/docs/error-codes/resource-missing",
      },
    });
    const unknown = await emulator.fetch(`${API}/v1/nothing_here`, { headers: AUTH });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      "Unrecognized request URL (GET: /v1/nothing_here)",
    );
  });

  it("requires a test secret key", async () => {
    const { emulator } = createHarness();
    expect((await emulator.fetch(`${API}/v1/customers`)).status).toBe(401);
    const wrong = await emulator.fetch(`${API}/v1/customers`, {
      headers: { Authorization: "Bearer pk_test_123" },
    });
    expect(wrong.status).toBe(401);
    const sdk = new Stripe("sk_live_nope", {
      httpClient: Stripe.createFetchHttpClient(emulator.fetch),
      maxNetworkRetries: 0,
    });
    await expect(sdk.customers.list()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
    const basic = await emulator.fetch(`${API}/v1/customers?limit=1`, {
      headers: { Authorization: `Basic ${btoa("sk_test_x:")}` },
    });
    expect(basic.status).toBe(200);
  });

  it("decodes bracket-notation bodies and query strings", async () => {
    const { emulator, stripe } = createHarness();
    const res = await emulator.fetch(`${API}/v1/customers/${C.monthly}`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/x-www-form-urlencoded" },
      body: "address[line1]=1%20Main&address[country]=US&preferred_locales[0]=de&preferred_locales[1]=en&metadata[tier]=gold",
    });
    expect(res.status).toBe(200);
    const customer = await stripe.customers.retrieve(C.monthly);
    expect(customer).toMatchObject({
      address: { line1: "1 Main", country: "US" },
      preferred_locales: ["de", "en"],
      metadata: { tier: "gold" },
    });
    const list = await emulator.fetch(`${API}/v1/prices?product=${DEMO.products.pro}&expand[]=data.product`, {
      headers: AUTH,
    });
    const body = (await list.json()) as { data: { product: { name: string } }[] };
    expect(body.data.map((p) => p.product.name)).toEqual(["Pro", "Pro"]);
  });

  it("rejects an expand of a field that cannot be expanded", async () => {
    const { stripe } = createHarness();
    await expect(stripe.customers.retrieve(C.monthly, { expand: ["email"] })).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      stripe.subscriptions.retrieve(DEMO.subscriptions.monthly, { expand: ["latest_invoice.nope"] }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("expands nested ids: latest invoice, default payment method, schedule", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.scheduled, {
      expand: ["latest_invoice", "schedule", "customer.invoice_settings.default_payment_method"],
    });
    expect(sub.schedule).toMatchObject({ object: "subscription_schedule", id: DEMO.schedules.scheduled });
    expect(sub.latest_invoice).toMatchObject({ object: "invoice" });
    expect(sub.customer).toMatchObject({
      invoice_settings: { default_payment_method: { object: "payment_method" } },
    });
  });
});

describe("emulator idempotency", () => {
  it("replays the stored response for the same key and parameters", async () => {
    const { stripe, emulator } = createHarness();
    const first = await stripe.customers.create({ email: "new@example.com" }, { idempotencyKey: "create-1" });
    const second = await stripe.customers.create(
      { email: "new@example.com" },
      { idempotencyKey: "create-1" },
    );
    expect(second.id).toBe(first.id);
    const list = await stripe.customers.list({ email: "new@example.com" });
    expect(list.data).toHaveLength(1);
    expect(emulator.writes().filter((w) => w.idempotencyKey === "create-1")).toHaveLength(2);
    const post = () =>
      emulator.fetch(`${API}/v1/customers`, {
        method: "POST",
        headers: { ...AUTH, "Idempotency-Key": "raw-1", "content-type": "application/x-www-form-urlencoded" },
        body: "name=Raw",
      });
    const a = await post();
    const b = await post();
    expect(a.headers.get("idempotent-replayed")).toBeNull();
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(await b.text()).toBe(await a.text());
  });

  it("refuses the same key with different parameters", async () => {
    const { stripe } = createHarness();
    await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "k" });
    await expect(
      stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "k" }),
    ).rejects.toMatchObject({
      statusCode: 400,
      type: "StripeIdempotencyError",
    });
  });

  it("scopes keys per account", async () => {
    const { stripe } = createHarness();
    const platform = await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "same" });
    const connected = await stripe.customers.create(
      { email: "a@example.com" },
      { idempotencyKey: "same", stripeAccount: DEMO_ACCOUNT },
    );
    expect(connected.id).not.toBe(platform.id);
  });
});

describe("emulator Connect scoping", () => {
  it("keeps each account's objects apart and lists connected accounts from the platform", async () => {
    const { stripe } = createHarness();
    const connected = await stripe.customers.retrieve(
      DEMO.connect.customer,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(connected.id).toBe(DEMO.connect.customer);
    await expect(stripe.customers.retrieve(DEMO.connect.customer)).rejects.toMatchObject({
      code: "resource_missing",
    });
    await expect(
      stripe.customers.retrieve(C.monthly, {}, { stripeAccount: DEMO_ACCOUNT }),
    ).rejects.toMatchObject({
      code: "resource_missing",
    });
    const accounts = await stripe.accounts.list();
    expect(accounts.data.map((a) => a.id)).toEqual([DEMO_ACCOUNT]);
    expect(accounts.data[0]).toMatchObject({
      business_profile: { name: "Nordlicht Studio" },
      settings: {
        branding: { icon: null, logo: null, primary_color: "#0f766e", secondary_color: "#ccfbf1" },
      },
    });
    expect((await stripe.accounts.retrieve(null)).id).toBe(PLATFORM_ACCOUNT);
    expect((await stripe.accounts.retrieve(null, {}, { stripeAccount: DEMO_ACCOUNT })).id).toBe(DEMO_ACCOUNT);
    await expect(stripe.customers.list({}, { stripeAccount: "acct_unknown" })).rejects.toMatchObject({
      statusCode: 403,
    });
  });
});

describe("emulator fault injection and request log", () => {
  it("fails the next N matching requests and the SDK sees the error", async () => {
    const { stripe, emulator } = createHarness();
    emulator.setFaults({ failNext: 1, errorStatus: 503, pathPattern: "/v1/customers" });
    await expect(stripe.prices.retrieve(DEMO.prices.basicMonthly)).resolves.toMatchObject({
      id: DEMO.prices.basicMonthly,
    });
    await expect(stripe.customers.retrieve(C.monthly)).rejects.toMatchObject({
      statusCode: 503,
      type: "StripeAPIError",
    });
    await expect(stripe.customers.retrieve(C.monthly)).resolves.toMatchObject({ id: C.monthly });
  });

  it("an injected fault is never stored as the idempotent result, so the SDK's retry succeeds", async () => {
    const { emulator } = createHarness();
    const stripe = emulatorStripe(emulator, { maxNetworkRetries: 2 });
    emulator.setFaults({ failNext: 1, errorStatus: 500 });
    const updated = await stripe.customers.update(C.monthly, { name: "After retry" });
    expect(updated.name).toBe("After retry");
    const attempts = emulator.writes();
    expect(attempts.map((w) => w.status)).toEqual([500, 200]);
    expect(attempts[0]?.idempotencyKey).toBeTruthy();
    expect(attempts[1]?.idempotencyKey).toBe(attempts[0]?.idempotencyKey);
  });

  it("injects 429s, errors by rate and timeouts (504)", async () => {
    const { stripe, emulator } = createHarness();
    emulator.setFaults({ failNext: 1, errorStatus: 429 });
    await expect(stripe.customers.list()).rejects.toMatchObject({ statusCode: 429, code: "rate_limit" });
    emulator.setFaults({ errorRate: 1, errorStatus: 502 });
    await expect(stripe.customers.list()).rejects.toMatchObject({ statusCode: 502 });
    emulator.setFaults({ errorRate: 0, timeoutRate: 1, timeoutMs: 5, latencyMs: 1 });
    await expect(stripe.customers.list()).rejects.toMatchObject({ statusCode: 504 });
    emulator.setFaults({ timeoutRate: 0 });
    await expect(stripe.customers.list()).resolves.toMatchObject({ object: "list" });
    expect(() => emulator.setFaults({ errorStatus: 404 })).toThrow();
  });

  it("logs every /v1 request with decoded params, account, key and status", async () => {
    const { stripe, emulator } = createHarness();
    emulator.clearLog();
    await stripe.subscriptions.update(
      DEMO.subscriptions.monthly,
      { metadata: { a: "1" } },
      { idempotencyKey: "log-1" },
    );
    await stripe.customers.retrieve(DEMO.connect.customer, {}, { stripeAccount: DEMO_ACCOUNT });
    expect(emulator.log).toHaveLength(2);
    expect(emulator.log[0]).toMatchObject({
      method: "POST",
      path: `/v1/subscriptions/${DEMO.subscriptions.monthly}`,
      account: null,
      idempotencyKey: "log-1",
      params: { metadata: { a: "1" } },
      status: 200,
    });
    expect(emulator.log[1]).toMatchObject({ method: "GET", account: DEMO_ACCOUNT, status: 200 });
    expect(emulator.writes()).toHaveLength(1);
  });

  it("serves the admin endpoints", async () => {
    const emulator = createEmulator({ seed: true });
    expect(await (await emulator.fetch("http://x/_emulator/health")).json()).toEqual({ ok: true });
    await emulator.fetch(`${API}/v1/customers?limit=1`, { headers: AUTH });
    const log = (await (await emulator.fetch("http://x/_emulator/log")).json()) as unknown[];
    expect(log).toHaveLength(1);
    await emulator.fetch("http://x/_emulator/log", { method: "DELETE" });
    expect(emulator.log).toHaveLength(0);
    const faults = await emulator.fetch("http://x/_emulator/faults", {
      method: "POST",
      body: JSON.stringify({ failNext: 2 }),
    });
    expect(await faults.json()).toMatchObject({ failNext: 2, errorStatus: 500 });
    const bad = await emulator.fetch("http://x/_emulator/faults", {
      method: "POST",
      body: JSON.stringify({ errorRate: "x" }),
    });
    expect(bad.status).toBe(400);
    expect((await emulator.fetch(`${API}/v1/customers`, { headers: AUTH })).status).toBe(500);
    await emulator.fetch("http://x/_emulator/reset", { method: "POST" });
    expect((await emulator.fetch(`${API}/v1/customers`, { headers: AUTH })).status).toBe(200);
  });

  it("resets to the seed, and seed:false starts empty (accounts only)", async () => {
    const { stripe, emulator } = createHarness();
    await stripe.customers.update(C.monthly, { name: "Changed" });
    emulator.reset();
    expect((await stripe.customers.retrieve(C.monthly)) as Stripe.Customer).toMatchObject({
      name: "Mia Monthly",
    });
    const empty = emulatorStripe(createEmulator({ seed: false }));
    expect((await empty.customers.list()).data).toEqual([]);
    expect((await empty.accounts.list()).data.map((a) => a.id)).toEqual([DEMO_ACCOUNT]);
  });
});
