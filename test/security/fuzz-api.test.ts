/**
 * Property-based attacks on the merchant API: random and hostile form and JSON bodies, query
 * strings and headers against every endpoint. Whatever arrives, the answer is never a 5xx,
 * every refusal is Stripe's error envelope, nothing is written to Stripe (the API only reads
 * it) and no prototype is polluted. Runs are bounded to keep the suite quick; a failure prints
 * fast-check's seed and the shrunk input to replay.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../emulator/seed/ids";
import { ApiError } from "../../worker/api/errors";
import { decodeForm, rejectUnknownParams } from "../../worker/api/request-params";
import { parseSessionParams } from "../../worker/api/sessions/session-params";
import { createHarness, type Harness } from "../helpers/harness";

const ERROR_TYPES = ["invalid_request_error", "idempotency_error", "api_error"];

/** Names that occur in the API's parameters, plus names that attack the decoder. */
const NAMES = [
  "customer",
  "return_url",
  "locale",
  "configuration",
  "on_behalf_of",
  "flow_data",
  "type",
  "after_completion",
  "redirect",
  "hosted_confirmation",
  "custom_message",
  "subscription_cancel",
  "subscription_update_confirm",
  "retention",
  "coupon_offer",
  "items",
  "discounts",
  "coupon",
  "promotion_code",
  "price",
  "quantity",
  "subscription",
  "id",
  "expand",
  "features",
  "business_profile",
  "headline",
  "default_return_url",
  "metadata",
  "login_page",
  "enabled",
  "products",
  "prices",
  "product",
  "branding",
  "limit",
  "starting_after",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "0",
  "1",
  "99999999",
  "-1",
  "",
];

/** Values that are valid somewhere, plus hostile ones. */
const VALUES = [
  DEMO.customers.monthly,
  DEMO.subscriptions.monthly,
  DEMO.prices.proMonthly,
  DEMO.products.pro,
  DEMO.coupons.retention,
  "https://merchant.example/",
  "javascript:alert(1)",
  "en",
  "auto",
  "true",
  "false",
  "1",
  "-1",
  "1e309",
  "",
  "subscription_cancel",
  "payment_method_update",
  "hosted_confirmation",
  "redirect",
  "<script>alert(1)</script>",
  "\u0000",
  "\ud800",
  "x".repeat(6000),
];

const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const value = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
/** URL-encoding that survives lone surrogates (which no client can send, but generators make). */
const enc = (v: string) =>
  encodeURIComponent(
    v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
/** One `a[b][c][]=v` pair, URL-encoded the way a client would (brackets kept). */
const pair = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 10 }), fc.boolean(), value)
  .map(([path, push, v]) => {
    const [head = "", ...rest] = path.map(enc);
    return `${head}${rest.map((p) => `[${p}]`).join("")}${push ? "[]" : ""}=${enc(v)}`;
  });
/** A valid request with random pairs under one of its real parameters, to get past the first check. */
const underValid = (base: string, root: string) =>
  fc
    .array(fc.tuple(fc.array(name, { minLength: 1, maxLength: 6 }), value), { minLength: 1, maxLength: 12 })
    .map(
      (pairs) =>
        `${base}&${pairs.map(([path, v]) => `${root}${path.map((p) => `[${enc(p)}]`).join("")}=${enc(v)}`).join("&")}`,
    );
const SESSION_BASE = `customer=${DEMO.customers.monthly}&return_url=https://merchant.example/`;
const CONFIG_BASE = "features[invoice_history][enabled]=true";
/** Valid requests and the real parameter under which random pairs go. */
const DEEP: [string, string][] = [
  [SESSION_BASE, "flow_data"],
  [
    `${SESSION_BASE}&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=${DEMO.subscriptions.monthly}`,
    "flow_data[subscription_cancel]",
  ],
  [
    `${SESSION_BASE}&flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]=${DEMO.subscriptions.monthly}`,
    "flow_data[subscription_update_confirm]",
  ],
  [`${SESSION_BASE}&flow_data[type]=payment_method_update`, "flow_data[after_completion]"],
  [CONFIG_BASE, "features"],
  [`${CONFIG_BASE}&features[subscription_update][enabled]=true`, "features[subscription_update]"],
  [
    `${CONFIG_BASE}&features[subscription_update][enabled]=true&features[subscription_update][products][0][product]=${DEMO.products.pro}`,
    "features[subscription_update][products][0]",
  ],
  [`${CONFIG_BASE}&features[subscription_cancel][enabled]=true`, "features[subscription_cancel]"],
  [`${CONFIG_BASE}&features[customer_update][enabled]=true`, "features[customer_update]"],
  [CONFIG_BASE, "business_profile"],
  [CONFIG_BASE, "branding"],
];
const formBody = fc.oneof(
  { weight: 3, arbitrary: fc.array(pair, { maxLength: 25 }).map((pairs) => pairs.join("&")) },
  { weight: 6, arbitrary: fc.constantFrom(...DEEP).chain(([base, root]) => underValid(base, root)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
);
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(fc.constantFrom(...NAMES), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

const ENDPOINTS = [
  { method: "POST", path: "/v1/billing_portal/sessions" },
  { method: "POST", path: "/v1/billing_portal/configurations" },
  { method: "POST", path: "/v1/billing_portal/configurations/bpc_fuzz" },
  { method: "GET", path: "/v1/billing_portal/configurations" },
] as const;

function protoIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.keys(Object.prototype).length === 0 && probe.admin === undefined && probe.x === undefined;
}

/** The invariants every API answer must keep. */
async function expectStripeShaped(h: Harness, res: Response, label: string): Promise<void> {
  expect(res.status, label).toBeLessThan(500);
  expect(res.headers.get("Content-Type") ?? "", label).toContain("application/json");
  const body = (await res.json()) as { error?: { type?: unknown; message?: unknown } };
  if (res.status >= 400) {
    expect(ERROR_TYPES, label).toContain(body.error?.type);
    expect(typeof body.error?.message, label).toBe("string");
  }
  expect(h.emulator.writes(), label).toEqual([]);
  expect(protoIsClean(), label).toBe(true);
}

describe("merchant API fuzzing", () => {
  let h: Harness;
  let configurationId: string;

  beforeAll(async () => {
    h = createHarness();
    configurationId = (
      await h.portal.billingPortal.configurations.create({ features: { invoice_history: { enabled: true } } })
    ).id;
  });

  const call = (method: string, path: string, body: string | null, headers: Record<string, string> = {}) =>
    h.request(path.replace("bpc_fuzz", configurationId), {
      method,
      headers: {
        Authorization: "Bearer sk_test_portal_dev",
        "Content-Type": "application/x-www-form-urlencoded",
        ...headers,
      },
      ...(body !== null ? { body } : {}),
    });

  it("form bodies and query strings: never a 5xx, always Stripe's envelope, no Stripe write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), formBody, async (endpoint, body) => {
        const res =
          endpoint.method === "GET"
            ? await call("GET", `${endpoint.path}?${body}`, null)
            : await call("POST", endpoint.path, body);
        await expectStripeShaped(h, res, `${endpoint.method} ${endpoint.path} ${body.slice(0, 200)}`);
      }),
      { numRuns: 400 },
    );
  });

  it("JSON bodies: never a 5xx, always Stripe's envelope, no Stripe write", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS.filter((e) => e.method === "POST")),
        jsonBody,
        async (endpoint, body) => {
          const res = await call("POST", endpoint.path, body, { "Content-Type": "application/json" });
          await expectStripeShaped(h, res, `${endpoint.path} ${body.slice(0, 200)}`);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("hostile Idempotency-Key and Stripe-Account headers", async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom("", " ", DEMO_ACCOUNT, `${DEMO_ACCOUNT} `, "acct_", "acct_../../x", "x".repeat(300)),
    );
    await fc.assert(
      fc.asyncProperty(header, header, async (idem, account) => {
        // Header values must be ByteStrings; anything else is the client's error, not ours.
        const safe = (v: string) => v.replace(/[^\x20-\x7e]/g, "");
        const res = await call(
          "POST",
          "/v1/billing_portal/sessions",
          `customer=${DEMO.customers.monthly}&return_url=https://merchant.example/`,
          {
            "Idempotency-Key": safe(idem),
            "Stripe-Account": safe(account),
          },
        );
        await expectStripeShaped(h, res, `idem=${idem.slice(0, 40)} account=${account.slice(0, 40)}`);
      }),
      { numRuns: 80 },
    );
  });

  it("bracket-nesting bombs, huge arrays, sparse indexes and prototype keys", async () => {
    const bombs = [
      `${"a".repeat(1)}${"[a]".repeat(5000)}=1`,
      `customer=${DEMO.customers.monthly}&${"expand[]=x&".repeat(3000)}`,
      `customer=${DEMO.customers.monthly}&return_url=https://m.example/&flow_data[subscription_update_confirm][items][999999999][price]=x`,
      `${Array.from({ length: 2500 }, (_, i) => `k${i}=v`).join("&")}`,
      "__proto__[admin]=1&constructor[prototype][admin]=1&a[__proto__][admin]=1&a[constructor][prototype][admin]=1",
      `customer=${"%".repeat(3000)}`,
      `${"[".repeat(4000)}=1`,
      `flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=${DEMO.subscriptions.trialing}&customer=${DEMO.customers.monthly}&return_url=https://m.example/`,
    ];
    for (const endpoint of ENDPOINTS) {
      for (const body of bombs) {
        const res =
          endpoint.method === "GET"
            ? await call("GET", `${endpoint.path}?${body}`, null)
            : await call("POST", endpoint.path, body);
        await expectStripeShaped(h, res, `${endpoint.path} ${body.slice(0, 80)}`);
      }
    }
  });
});

describe("the parameter decoder and readers, without HTTP", () => {
  it("decode anything into plain data and refuse it only with ApiError", () => {
    fc.assert(
      fc.property(formBody, (body) => {
        const params = decodeForm(body);
        expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
        try {
          parseSessionParams(params);
          rejectUnknownParams(params, { customer: true });
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).status).toBeLessThan(500);
        }
        expect(protoIsClean()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
