/**
 * Ownership (IDOR). Every route that takes an id in its path (read from the app's route
 * table) gets another customer's object, another account's, malformed ids and the session's
 * own objects of the wrong type: each is the 404 page with no Stripe write. Ids sent in form
 * fields (price, promotion code, coupon, subscription item, Checkout Session) are refused or
 * ignored the same way. Existing per-feature tests cover the common cases; this is the sweep.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText, parseForms } from "../helpers/portal-session";
import {
  expectNotFoundPage,
  fillPath,
  ownedIds,
  type PathIdKind,
  pathIdKind,
  portalRoutePaths,
  stateWrites,
} from "./helpers";

const C = DEMO.customers;
const S = DEMO.subscriptions;
const PR = DEMO.prices;
const CONNECT = { stripeAccount: DEMO_ACCOUNT };

const MALFORMED = [
  "x",
  "__proto__",
  "constructor",
  "../../v1/customers",
  "sub_x/../../cus_DemoMonthly0001",
  `pm_${"a".repeat(300)}`,
  "in_ 1",
  "txi_'OR'1'='1",
  "%00",
  "sub_DemoTaxIds00001\u0000",
];

describe("ids in portal paths", () => {
  let h: Harness;
  let browser: PortalBrowser;
  /** A cancel-flow session with a retention offer: the only one the retention route serves. */
  let retentionFlow: PortalBrowser;
  let own: Record<PathIdKind, string>;
  let hostile: Record<PathIdKind, { label: string; id: string }[]>;
  const routes = (["GET", "POST"] as const).flatMap((method) =>
    portalRoutePaths(method)
      .filter((path) => pathIdKind(path))
      .map((path) => [method, path] as const),
  );

  beforeAll(async () => {
    h = createHarness();
    // The other customer's open invoice is a real target: paying it would be a charge.
    await h.stripe.customers.createTaxId(C.pastDue, { type: "eu_vat", value: "DE123456789" });
    await h.stripe.customers.createTaxId(
      DEMO.connect.customer,
      { type: "eu_vat", value: "DE987654321" },
      CONNECT,
    );
    const [mine, otherCustomer, otherAccount] = await Promise.all([
      ownedIds(h, C.taxIds),
      ownedIds(h, C.pastDue),
      ownedIds(h, DEMO.connect.customer, CONNECT),
    ]);
    own = mine;
    const kinds = Object.keys(mine) as PathIdKind[];
    hostile = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        [
          { label: "another customer's", id: otherCustomer[kind] },
          { label: "another account's", id: otherAccount[kind] },
          ...kinds.filter((k) => k !== kind).map((k) => ({ label: `own ${k}`, id: mine[k] })),
          { label: "own customer id", id: C.taxIds },
          ...MALFORMED.map((id) => ({ label: "malformed", id })),
        ],
      ]),
    ) as Record<PathIdKind, { label: string; id: string }[]>;
    browser = await openFullPortal(h, { customer: C.taxIds });
    retentionFlow = await openFullPortal(h, {
      customer: C.taxIds,
      flow_data: {
        type: "subscription_cancel",
        subscription_cancel: {
          subscription: S.taxIds,
          retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
        },
      },
    });
  });

  it("covers every kind of id the portal takes in a path", () => {
    const kinds = new Set(routes.map(([, path]) => pathIdKind(path)));
    expect([...kinds].sort()).toEqual(["invoice", "payment_method", "subscription", "tax_id"]);
  });

  it.each(routes)(
    "%s %s: foreign, malformed and wrong-type ids are 404 with no write",
    async (method, route) => {
      const kind = pathIdKind(route) as PathIdKind;
      const isPost = method === "POST";
      h.emulator.clearLog();
      for (const { label, id } of hostile[kind]) {
        const path = fillPath(route, id);
        const res = isPost ? await browser.post(path, await browser.csrfFields()) : await browser.get(path);
        await expectNotFoundPage(res, `${route} with ${label} ${id.slice(0, 40)}`);
      }
      expect(stateWrites(h)).toEqual([]);
      // Control: the session's own id gets past the ownership check.
      const as = route.endsWith("/retention") ? retentionFlow : browser;
      const res = isPost
        ? await as.post(fillPath(route, own[kind]), await as.csrfFields())
        : await as.get(fillPath(route, own[kind]));
      expect(res.status, `${route} with own id`).not.toBe(404);
    },
  );
});

describe("ids in form fields", () => {
  let h: Harness;
  let browser: PortalBrowser;
  const confirm = `/p/subscriptions/${S.monthly}/update/confirm`;

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: C.monthly });
  });

  it("answers every price it does not offer alike, whoever owns it, and writes nothing", async () => {
    const prices = [
      DEMO.connect.priceMonthly,
      PR.addonMonthly,
      PR.basicMonthlyEur,
      PR.legacyUnspecified,
      DEMO.products.pro,
      DEMO.coupons.welcome,
      "price_doesNotExist0",
      ...MALFORMED,
    ];
    h.emulator.clearLog();
    for (const price of prices) {
      const res = await browser.get(`${confirm}?price=${encodeURIComponent(price)}`);
      expect(res.status, price).toBe(404);
      expect(pageText(await res.text())).toContain("Page not found");
    }
    expect(stateWrites(h)).toEqual([]);
  });

  it("reads promotion codes of another account or restricted to another customer as unknown", async () => {
    await h.stripe.promotionCodes.create(
      { promotion: { type: "coupon", coupon: DEMO.coupons.welcome }, code: "ONLYTAX", customer: C.taxIds },
      {},
    );
    const connectCoupon = await h.stripe.coupons.create({ percent_off: 50, duration: "once" }, CONNECT);
    await h.stripe.promotionCodes.create(
      { promotion: { type: "coupon", coupon: connectCoupon.id }, code: "CONNECT50" },
      CONNECT,
    );
    h.emulator.clearLog();
    for (const code of ["ONLYTAX", "CONNECT50", DEMO.promotionCodes.welcome, DEMO.coupons.welcome]) {
      const res = await browser.get(`${confirm}?price=${PR.proMonthly}&promotion_code=${code}`);
      expect(res.status, code).toBe(422);
      expect(pageText(await res.text())).toContain("This promotion code isn't valid.");
    }
    expect(stateWrites(h)).toEqual([]);
  });

  it("ignores coupon, discount and item fields added to a confirm form", async () => {
    const page = await browser.get(`${confirm}?price=${PR.proMonthly}`);
    const form = parseForms(await page.text()).find((f) => f.method === "post" && f.action === confirm);
    expect(form).toBeDefined();
    const other = await h.stripe.subscriptions.retrieve(S.trialing);
    h.emulator.clearLog();
    const res = await browser.post(confirm, {
      ...form?.fields,
      coupon: DEMO.coupons.retention,
      "discounts[0][coupon]": DEMO.coupons.retention,
      item: other.items.data[0]?.id ?? "",
      "items[0][id]": other.items.data[0]?.id ?? "",
      "items[0][price]": PR.enterpriseYearly,
    });
    expect(res.status).toBe(303);
    const writes = stateWrites(h);
    expect(writes.map((w) => w.path)).toEqual([`/v1/subscriptions/${S.monthly}`]);
    expect(JSON.stringify(writes[0]?.params)).not.toMatch(/coupon|si_DemoTrial|EntYear/);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    expect(sub.discounts).toEqual([]);
  });

  it("accepts no retention coupon outside a cancel flow that offers it", async () => {
    h.emulator.clearLog();
    const res = await browser.post(`/p/subscriptions/${S.monthly}/retention`, {
      ...(await browser.csrfFields()),
      coupon: DEMO.coupons.retention,
    });
    await expectNotFoundPage(res, "retention without a flow");
    expect(stateWrites(h)).toEqual([]);
  });

  it("answers a Checkout Session of another customer, another account or the wrong type with 404", async () => {
    const setup = {
      mode: "setup",
      currency: "usd",
      success_url: "https://x.example/s",
      cancel_url: "https://x.example/c",
    } as const;
    const [foreign, connect] = await Promise.all([
      h.stripe.checkout.sessions.create({ ...setup, customer: C.taxIds }),
      h.stripe.checkout.sessions.create({ ...setup, customer: DEMO.connect.customer }, CONNECT),
    ]);
    h.emulator.clearLog();
    for (const id of [foreign.id, connect.id, "cs_", "cs_../../x", S.monthly, "__proto__"]) {
      const res = await browser.get(`/p/payment-methods/added?session_id=${encodeURIComponent(id)}`);
      await expectNotFoundPage(res, id);
    }
    expect(stateWrites(h)).toEqual([]);
  });
});
