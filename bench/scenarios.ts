/**
 * Every page, action and flow the bench loads once to count its Stripe waves. Each scenario
 * prepares what it needs (session, forms) outside the measurement and returns the one request
 * that is measured. Read-only pages are also weighed (HTML, CSS, JS).
 */
import type Stripe from "stripe";
import { DEMO } from "../emulator/seed/ids";
import { type PageForm, parseForms } from "./lib/forms";
import type { PortalBrowser } from "./lib/portal-browser";

/** What a scenario may use to prepare its request. */
export interface ScenarioContext {
  /** Opens a portal session for `customer` (with the bench's configuration), optionally in a flow. */
  open(customer: string, flow?: FlowData): Promise<PortalBrowser>;
  /** The official SDK against the portal's merchant API. */
  api: Stripe;
  /** The official SDK against the emulator (to look up ids). */
  stripe: Stripe;
  /** Session creation parameters the bench uses everywhere. */
  sessionParams(customer: string): Stripe.BillingPortal.SessionCreateParams;
}

/**
 * `flow_data` as the portal accepts it; `customer_update` and `subscription_pause` go beyond
 * the SDK's types, so flows are typed here.
 */
export type FlowData = { type: string } & Record<string, unknown>;

/** read: a page that only reads; write: a form action; api: a merchant API call. */
export type ScenarioKind = "read" | "write" | "api";

export interface Scenario {
  name: string;
  kind: ScenarioKind;
  /** The status the measured request answers with when everything works. */
  expect: number;
  prepare(ctx: ScenarioContext): Promise<() => Promise<Response>>;
}

const SUB = DEMO.subscriptions.monthly;
const subPath = (action: string) => `/p/subscriptions/${SUB}/${action}`;
const CONFIRM_QUERY = `?price=${DEMO.prices.proMonthly}&quantity=1`;

/**
 * The confirm page as the plan picker's form submits it (its hidden fields included), with
 * Pro monthly chosen: what a customer's browser asks for.
 */
export async function confirmPath(browser: PortalBrowser): Promise<string> {
  const html = await (await browser.get(subPath("update"))).text();
  const form = parseForms(html).find((f) => f.method === "get" && f.action === subPath("update/confirm"));
  if (!form) throw new Error(`no plan form on ${subPath("update")}`);
  const query = new URLSearchParams({ ...form.fields, price: DEMO.prices.proMonthly, quantity: "1" });
  return `${form.action}?${query}`;
}

/** The first link on a page matching `pattern` (group 1 when it has one). */
async function findLink(browser: PortalBrowser, page: string, pattern: RegExp): Promise<string> {
  const html = await (await browser.get(page)).text();
  const m = pattern.exec(html);
  if (!m) throw new Error(`no link matching ${pattern} on ${page}`);
  return (m[1] ?? m[0]).replace(/&amp;/g, "&");
}

function read(
  name: string,
  customer: string,
  path: string | ((b: PortalBrowser) => Promise<string>),
  flow?: FlowData,
): Scenario {
  return {
    name,
    kind: "read",
    expect: 200,
    prepare: async (ctx) => {
      const browser = await ctx.open(customer, flow);
      const target = typeof path === "string" ? path : await path(browser);
      return () => browser.get(target);
    },
  };
}

/** A form action: loads `page`, takes its POST form to `action`, adds `extra`, posts it. */
function write(
  name: string,
  customer: string,
  page: string,
  action: RegExp | string,
  extra: (form: PageForm) => Record<string, string> = () => ({}),
  options: { flow?: FlowData; before?: (b: PortalBrowser) => Promise<void> } = {},
): Scenario {
  return {
    name,
    kind: "write",
    expect: 303,
    prepare: async (ctx) => {
      const browser = await ctx.open(customer, options.flow);
      await options.before?.(browser);
      const form = await browser.form(page, action);
      return () => browser.post(form.action, { ...form.fields, ...extra(form) });
    },
  };
}

/** The radio value already chosen, else the first offered. */
const pick = (form: PageForm, name: string) => ({
  [name]: form.fields[name] ?? form.choices[name]?.[0] ?? "",
});

const C = DEMO.customers;
const REMOVE_LINK = /href="(\/p\/payment-methods\/pm_[A-Za-z0-9]+\/remove)"/;

/** Every measured scenario, reads first. */
export const SCENARIOS: Scenario[] = [
  read("home", C.monthly, "/p"),
  read("home: 26 months of invoices, tax IDs", C.taxIds, "/p"),
  read("home: scheduled plan change", C.scheduled, "/p"),
  read("home: past due", C.pastDue, "/p"),
  read("home: 3 payment method types", C.manyMethods, "/p"),
  read("plan picker", C.monthly, subPath("update")),
  read("confirm plan change", C.monthly, confirmPath),
  read("cancel", C.monthly, subPath("cancel")),
  read("pause", C.monthly, subPath("pause")),
  read("payment methods", C.manyMethods, "/p/payment-methods"),
  read("add payment method", C.manyMethods, "/p/payment-methods/add"),
  read("remove payment method", C.manyMethods, (b) => findLink(b, "/p/payment-methods", REMOVE_LINK)),
  read("billing details", C.taxIds, "/p/billing"),
  read("invoices", C.taxIds, "/p/invoices"),
  read("invoices: older page", C.taxIds, (b) =>
    findLink(b, "/p/invoices", /href="(\/p\/invoices\?[^"]*after=[^"]*)"/),
  ),
  read("flow subscription_update", C.monthly, subPath("update"), {
    type: "subscription_update",
    subscription_update: { subscription: SUB },
  }),
  {
    name: "flow subscription_update_confirm",
    kind: "read",
    expect: 200,
    prepare: async (ctx) => {
      const sub = await ctx.stripe.subscriptions.retrieve(SUB);
      const item = sub.items.data[0]?.id ?? "";
      const browser = await ctx.open(C.monthly, {
        type: "subscription_update_confirm",
        subscription_update_confirm: {
          subscription: SUB,
          items: [{ id: item, price: DEMO.prices.proMonthly }],
        },
      });
      return () => browser.get(subPath("update/confirm"));
    },
  },
  read("flow subscription_cancel with retention offer", C.monthly, subPath("cancel"), {
    type: "subscription_cancel",
    subscription_cancel: {
      subscription: SUB,
      retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
    },
  }),
  read("flow subscription_pause", C.monthly, subPath("pause"), {
    type: "subscription_pause",
    subscription_pause: { subscription: SUB },
  }),
  read("flow payment_method_update", C.manyMethods, "/p/payment-methods/add", {
    type: "payment_method_update",
  }),
  read("flow customer_update", C.taxIds, "/p/billing", { type: "customer_update" }),
  read("flow done page", C.taxIds, "/p/flow/done?outcome=customer_updated", { type: "customer_update" }),

  write("change plan", C.monthly, `${subPath("update/confirm")}${CONFIRM_QUERY}`, subPath("update/confirm")),
  write("cancel", C.monthly, subPath("cancel"), subPath("cancel"), (f) => pick(f, "feedback")),
  write("accept retention offer", C.monthly, subPath("cancel"), subPath("retention"), undefined, {
    flow: {
      type: "subscription_cancel",
      subscription_cancel: {
        subscription: SUB,
        retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
      },
    },
  }),
  write("renew", C.cancelScheduled, "/p", /\/renew$/),
  write("pause", C.monthly, subPath("pause"), subPath("pause"), (f) => pick(f, "duration")),
  write("resume", C.monthly, "/p", /\/resume$/, undefined, {
    before: async (b) => {
      const form = await b.form(subPath("pause"), subPath("pause"));
      const res = await b.post(form.action, { ...form.fields, ...pick(form, "duration") });
      if (res.status !== 303) throw new Error(`pausing before resume answered ${res.status}`);
    },
  }),
  write("add payment method (to Checkout)", C.manyMethods, "/p/payment-methods", "/p/payment-methods/add"),
  {
    name: "return from Checkout (payment method added)",
    kind: "write",
    expect: 303,
    prepare: async (ctx) => {
      const browser = await ctx.open(C.manyMethods);
      const add = await browser.form("/p/payment-methods", "/p/payment-methods/add");
      const checkoutUrl = (await browser.post(add.action, add.fields)).headers.get("Location");
      if (!checkoutUrl) throw new Error("adding a payment method did not redirect to Checkout");
      // The emulator's Checkout stand-in: choose the first method and save, as a customer would.
      const checkout = parseForms(await (await fetch(checkoutUrl)).text()).find((f) => f.method === "post");
      if (!checkout) throw new Error(`no form on the Checkout page ${checkoutUrl}`);
      const saved = await fetch(new URL(checkout.action, checkoutUrl), {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...checkout.fields, ...pick(checkout, "method") }).toString(),
      });
      const back = saved.headers.get("Location");
      if (!back) throw new Error(`Checkout answered ${saved.status} without sending the customer back`);
      const url = new URL(back);
      return () => browser.get(`${url.pathname}${url.search}`);
    },
  },
  write("set default payment method", C.manyMethods, "/p/payment-methods", /\/default$/),
  {
    name: "remove payment method",
    kind: "write",
    expect: 303,
    prepare: async (ctx) => {
      const browser = await ctx.open(C.manyMethods);
      const page = await findLink(browser, "/p/payment-methods", REMOVE_LINK);
      const form = await browser.form(page, /\/remove$/);
      return () => browser.post(form.action, form.fields);
    },
  },
  write("update billing details", C.taxIds, "/p/billing", "/p/billing", () => ({ name: "Bench Customer" })),
  write("add tax ID", C.taxIds, "/p/billing", "/p/billing/tax-ids", () => ({
    tax_id_type: "eu_vat",
    tax_id_value: "DE123456789",
  })),
  write("remove tax ID", C.taxIds, "/p/billing", /\/tax-ids\/[^/]+\/remove$/),
  // The past-due customer's default card declines (seed), so the page comes back with the error.
  { ...write("pay invoice (card declines)", C.pastDue, "/p/invoices", /\/pay$/), expect: 422 },
  {
    name: "create session (merchant API)",
    kind: "api",
    expect: 200,
    // Through the SDK, as a merchant's backend calls it; its answer is re-wrapped as a Response.
    prepare: async (ctx) => () =>
      ctx.api.billingPortal.sessions.create(ctx.sessionParams(C.monthly)).then(
        (session) => new Response(JSON.stringify(session), { status: 200 }),
        (err: { statusCode?: number; message?: string }) =>
          new Response(JSON.stringify({ error: err.message ?? String(err) }), {
            status: err.statusCode ?? 500,
          }),
      ),
  },
];
