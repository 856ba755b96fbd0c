/**
 * Property-based attacks on the customer forms. Random and hostile bodies (with a valid CSRF
 * token, so they reach the handlers) against every POST route from the route table: never a
 * 5xx, and every Stripe write stays inside what the session may touch (its own customer,
 * subscriptions, schedules, methods, invoices), keyed for idempotency. Then price tampering:
 * whatever price and quantity the picker is sent, a preview only ever offers what the
 * configuration allows, and an edited confirm form never reaches Stripe.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../emulator";
import { DEMO, DEMO_ACCOUNT } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, type PortalBrowser, parseForms } from "../helpers/portal-session";
import { fillPath, ownedIds, type PathIdKind, pathIdKind, portalRoutePaths, stateWrites } from "./helpers";

const C = DEMO.customers;
const PR = DEMO.prices;

/** Every field some portal form reads, and names that attack the body parser. */
const FIELDS = [
  "price",
  "quantity",
  "promotion_code",
  "proration_date",
  "signature",
  "feedback",
  "comment",
  "duration",
  "step",
  "name",
  "email",
  "phone",
  "address_line1",
  "address_line2",
  "address_city",
  "address_state",
  "address_postal_code",
  "address_country",
  "shipping_name",
  "shipping_phone",
  "shipping_line1",
  "shipping_country",
  "tax_id_type",
  "tax_id_value",
  "clear_overrides",
  "payment_method",
  "coupon",
  "customer",
  "subscription",
  "__proto__",
  "constructor",
  "toString",
  "_csrf",
];

describe("portal form fuzzing", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let ids: Record<PathIdKind, string>;
  let own: { subscriptions: Set<string>; methods: Set<string>; invoices: Set<string>; taxIds: Set<string> };
  let values: string[];
  const routes = portalRoutePaths("POST");

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: C.taxIds });
    ids = await ownedIds(h, C.taxIds);
    const [subs, methods, invoices, taxIds, other] = await Promise.all([
      h.stripe.subscriptions.list({ customer: C.taxIds, status: "all", limit: 100 }),
      h.stripe.paymentMethods.list({ customer: C.taxIds, limit: 100 }),
      h.stripe.invoices.list({ customer: C.taxIds, limit: 100 }),
      h.stripe.customers.listTaxIds(C.taxIds, { limit: 100 }),
      ownedIds(h, C.pastDue).catch(() => null),
    ]);
    own = {
      subscriptions: new Set(subs.data.map((s) => s.id)),
      methods: new Set(methods.data.map((m) => m.id)),
      invoices: new Set(invoices.data.map((i) => i.id)),
      taxIds: new Set(taxIds.data.map((t) => t.id)),
    };
    values = [
      ...Object.values(ids),
      ...Object.values(PR),
      DEMO.subscriptions.trialing,
      DEMO.connect.subscription,
      DEMO.coupons.retention,
      "WELCOME10",
      C.monthly,
      DEMO_ACCOUNT,
      ...(other ? Object.values(other) : []),
      "eu_vat",
      "DE123456789",
      "too_expensive",
      "other",
      "1",
      "0",
      "-1",
      "999999999999",
      "1.5",
      "",
      "<script>alert(1)</script>",
      "x".repeat(3000),
    ];
  });

  /** True when this write is something the session's customer may do to its own objects. */
  async function allowed(w: RequestLogEntry): Promise<boolean> {
    if (w.account !== null || !w.idempotencyKey) return false;
    const customer = `/v1/customers/${C.taxIds}`;
    if (w.path === customer || w.path === `${customer}/tax_ids`) return true;
    const taxId = w.path.match(/^\/v1\/customers\/[^/]+\/tax_ids\/([^/]+)$/);
    if (taxId) return w.path.startsWith(customer) && own.taxIds.has(taxId[1] ?? "");
    const sub = w.path.match(/^\/v1\/subscriptions\/([^/]+)$/);
    if (sub) return own.subscriptions.has(sub[1] ?? "");
    const pm = w.path.match(/^\/v1\/payment_methods\/([^/]+)\/detach$/);
    if (pm) return own.methods.has(pm[1] ?? "");
    const invoice = w.path.match(/^\/v1\/invoices\/([^/]+)\/pay$/);
    if (invoice) return own.invoices.has(invoice[1] ?? "");
    if (w.path === "/v1/checkout/sessions") return w.params.customer === C.taxIds;
    if (w.path === "/v1/subscription_schedules")
      return own.subscriptions.has(String(w.params.from_subscription));
    const schedule = w.path.match(/^\/v1\/subscription_schedules\/([^/]+)$/);
    if (schedule) {
      const s = await h.stripe.subscriptionSchedules.retrieve(schedule[1] ?? "");
      return own.subscriptions.has(
        typeof s.subscription === "string" ? s.subscription : (s.subscription?.id ?? ""),
      );
    }
    return false;
  }

  it("random bodies on every POST route: no 5xx, Stripe writes only to the session's own objects", async () => {
    const field = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 }));
    const value = fc.oneof(
      fc.constantFrom(...values),
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 30 }),
    );
    const submission = fc.oneof(
      { weight: 4, arbitrary: fc.constant("fresh") },
      { weight: 1, arbitrary: fc.constantFrom("", "short", "x".repeat(65), "a".repeat(32), "__proto__") },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(field, value, { maxKeys: 12 }),
        submission,
        async (route, body, nonce) => {
          const kind = pathIdKind(route);
          const path = kind ? fillPath(route, ids[kind]) : route;
          const csrf = await browser.csrfFields();
          h.emulator.clearLog();
          const res = await browser.post(path, {
            ...body,
            _csrf: csrf._csrf ?? "",
            _submission: nonce === "fresh" ? (csrf._submission ?? "") : nonce,
          });
          expect(res.status, `${route} ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
          for (const w of stateWrites(h)) {
            expect(await allowed(w), `${route} wrote ${w.method} ${w.path} ${JSON.stringify(w.params)}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the ownership oracle above refuses what it must (so the property can fail)", async () => {
    const write = (path: string, params: Record<string, unknown> = {}): RequestLogEntry => ({
      method: "POST",
      path,
      account: null,
      idempotencyKey: "key",
      params,
      status: 200,
      at: 0,
      endedAt: 0,
    });
    expect(await allowed(write(`/v1/customers/${C.taxIds}`))).toBe(true);
    expect(await allowed({ ...write(`/v1/customers/${C.taxIds}`), idempotencyKey: null })).toBe(false);
    expect(await allowed({ ...write(`/v1/customers/${C.taxIds}`), account: DEMO_ACCOUNT })).toBe(false);
    expect(await allowed(write(`/v1/customers/${C.monthly}`))).toBe(false);
    expect(await allowed(write(`/v1/subscriptions/${DEMO.subscriptions.trialing}`))).toBe(false);
    expect(await allowed(write("/v1/checkout/sessions", { customer: C.monthly }))).toBe(false);
    expect(
      await allowed(write("/v1/subscription_schedules", { from_subscription: DEMO.subscriptions.monthly })),
    ).toBe(false);
    expect(await allowed(write("/v1/refunds"))).toBe(false);
  });
});

describe("price tampering", () => {
  let h: Harness;
  let browser: PortalBrowser;
  const sub = DEMO.subscriptions.monthly;
  const confirm = `/p/subscriptions/${sub}/update/confirm`;
  /**
   * What fullConfiguration offers: basic with quantity 1–10; pro and enterprise are listed
   * without adjustable_quantity, which Stripe reads as adjustable from 1 without a maximum.
   */
  const offered: Record<string, { min: number; max: number }> = {
    [PR.basicMonthly]: { min: 1, max: 10 },
    [PR.basicYearly]: { min: 1, max: 10 },
    [PR.proMonthly]: { min: 1, max: 1_000_000 },
    [PR.proYearly]: { min: 1, max: 1_000_000 },
    [PR.enterpriseMonthly]: { min: 1, max: 1_000_000 },
    [PR.enterpriseYearly]: { min: 1, max: 1_000_000 },
  };
  const anyPrice = fc.oneof(
    fc.constantFrom(...Object.values(PR), DEMO.connect.priceMonthly, DEMO.products.pro, DEMO.coupons.welcome),
    fc.string({ maxLength: 30 }),
  );
  const anyQuantity = fc.oneof(
    fc.integer({ min: -5, max: 20 }).map(String),
    fc.integer({ min: 999_990, max: 1_000_010 }).map(String),
    fc.constantFrom("", "1.5", "1e3", "0x2", " 2", "2 ", "+3", "9007199254740993", "NaN", "Infinity"),
    fc.string({ maxLength: 6 }),
  );

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h);
  });

  it("a preview only ever offers a configured price at a quantity within its product's bounds", async () => {
    await fc.assert(
      fc.asyncProperty(anyPrice, anyQuantity, async (price, quantity) => {
        const query = new URLSearchParams({ price, quantity });
        const res = await browser.get(`${confirm}?${query}`);
        expect(res.status, `${price} × ${quantity}`).toBeLessThan(500);
        const form = parseForms(await res.text()).find((f) => f.method === "post" && f.action === confirm);
        if (res.status !== 200) {
          expect(form, "a refused change has no confirm form").toBeUndefined();
          return;
        }
        const chosen = form?.fields.price ?? "";
        const bounds = offered[chosen];
        expect(bounds, `previewed ${chosen}`).toBeDefined();
        const q = Number(form?.fields.quantity);
        expect(q).toBeGreaterThanOrEqual(bounds?.min ?? 1);
        expect(q).toBeLessThanOrEqual(bounds?.max ?? 1);
      }),
      { numRuns: 120 },
    );
    expect(stateWrites(h)).toEqual([]);
  });

  it("an edited confirm form never reaches Stripe; the untouched one applies", async () => {
    const page = await browser.get(`${confirm}?price=${PR.basicMonthly}&quantity=3`);
    const signed = parseForms(await page.text()).find((f) => f.method === "post" && f.action === confirm);
    expect(signed).toBeDefined();
    const fields = signed?.fields ?? {};
    const edits = fc.record(
      {
        price: anyPrice,
        quantity: anyQuantity,
        promotion_code: fc.constantFrom("WELCOME10", "EXPIRED5", "", "x"),
        proration_date: fc.oneof(fc.integer().map(String), fc.constant("")),
        signature: fc.oneof(
          fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
          fc.string({ maxLength: 70 }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(edits, async (edit) => {
        const changed = Object.entries(edit).filter(([k, v]) => fields[k] !== v);
        fc.pre(changed.length > 0);
        h.emulator.clearLog();
        const csrf = await browser.csrfFields();
        const res = await browser.post(confirm, {
          ...fields,
          ...Object.fromEntries(changed),
          _submission: csrf._submission ?? "",
        });
        expect(res.status, JSON.stringify(changed)).toBeLessThan(500);
        expect(res.status, JSON.stringify(changed)).not.toBe(303);
        expect(stateWrites(h), JSON.stringify(changed)).toEqual([]);
      }),
      { numRuns: 120 },
    );
    const sub0 = await h.stripe.subscriptions.retrieve(sub);
    expect(sub0.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(sub0.items.data[0]?.quantity).toBe(1);
    const applied = await browser.post(confirm, fields);
    expect(applied.status).toBe(303);
    expect((await h.stripe.subscriptions.retrieve(sub)).items.data[0]?.quantity).toBe(3);
  });
});
