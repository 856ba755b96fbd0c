/**
 * A browser stand-in for the customer pages: opens a real portal session through the merchant
 * API, keeps the cookie, follows the portal's own forms (hidden CSRF and submission fields
 * included) and posts them the way a browser does (same-origin `Origin`).
 */
import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { expect } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { findSession } from "../../worker/store/session-store";
import type { Harness } from "./harness";

/** Origin of `app.request` with a relative path. */
export const PORTAL_ORIGIN = "http://localhost";
export const RETURN_URL = "https://merchant.example/account";

/** A configuration for tests: every feature on, the demo catalog offered. */
export function fullConfiguration(
  overrides: Partial<Stripe.BillingPortal.ConfigurationCreateParams.Features> = {},
): Stripe.BillingPortal.ConfigurationCreateParams {
  const P = DEMO.prices;
  return {
    business_profile: {
      headline: "Acme Cloud billing",
      privacy_policy_url: "https://merchant.example/privacy",
      terms_of_service_url: "https://merchant.example/terms",
    },
    features: {
      customer_update: { enabled: true, allowed_updates: ["name", "email", "address", "phone", "tax_id"] },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      subscription_cancel: {
        enabled: true,
        mode: "at_period_end",
        cancellation_reason: {
          enabled: true,
          options: ["too_expensive", "missing_features", "unused", "other"],
        },
      },
      subscription_pause: { enabled: true },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ["price", "quantity", "promotion_code"],
        proration_behavior: "create_prorations",
        products: [
          {
            product: DEMO.products.basic,
            prices: [P.basicMonthly, P.basicYearly],
            adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 },
          },
          { product: DEMO.products.pro, prices: [P.proMonthly, P.proYearly] },
          { product: DEMO.products.enterprise, prices: [P.enterpriseMonthly, P.enterpriseYearly] },
        ],
      },
      ...overrides,
    },
  };
}

/** One parsed `<form>` of a page. */
export interface ParsedForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] !== undefined ? decodeEntities(m[1]) : null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every form of a page with its hidden fields (what a browser would send untouched). */
export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const open = m[1] ?? "";
    const body = m[2] ?? "";
    const fields: Record<string, string> = {};
    for (const input of body.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      const name = attr(tag, "name");
      if (name && attr(tag, "type") === "hidden") fields[name] = attr(tag, "value") ?? "";
    }
    forms.push({
      action: attr(open, "action") ?? "",
      method: (attr(open, "method") ?? "get").toLowerCase(),
      fields,
    });
  }
  return forms;
}

/** Visible text of a page, whitespace collapsed, for `toContain` assertions. */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  ).trim();
}

/** A customer's browser holding one portal session. */
export interface PortalBrowser {
  cookie: string;
  session: Stripe.BillingPortal.Session;
  get(path: string): Promise<Response>;
  /** Posts a form as a browser would: same-origin, with the cookie. */
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Loads `page`, finds the POST form whose action is `action`, posts it with `extra` fields. */
  submit(page: string, action: string, extra?: Record<string, string>): Promise<Response>;
  /** The form with this action on a page (fails the test when missing). */
  form(page: string, action: string): Promise<ParsedForm>;
  /**
   * Valid `_csrf` and `_submission` fields for crafting a POST the pages do not offer (e.g. to
   * prove the server refuses it anyway). Read from the stored session, as the page would.
   */
  csrfFields(): Promise<Record<string, string>>;
}

/**
 * Creates a session through the merchant API (optionally with a configuration made from
 * `configuration`) and opens its URL, keeping the cookie.
 */
export async function openPortal(
  h: Harness,
  params: Partial<Stripe.BillingPortal.SessionCreateParams> & {
    configurationParams?: Stripe.BillingPortal.ConfigurationCreateParams;
  } = {},
  options: Stripe.RequestOptions = {},
): Promise<PortalBrowser> {
  const { configurationParams, ...sessionParams } = params;
  let configuration = sessionParams.configuration;
  if (!configuration && configurationParams) {
    configuration = (await h.portal.billingPortal.configurations.create(configurationParams, options)).id;
  }
  const session = await h.portal.billingPortal.sessions.create(
    {
      customer: DEMO.customers.monthly,
      return_url: RETURN_URL,
      // Assertions read English; some demo customers prefer other languages.
      locale: "en",
      ...sessionParams,
      ...(configuration ? { configuration } : {}),
    },
    options,
  );
  const entry = await h.request(new URL(session.url).pathname);
  expect(entry.status).toBe(303);
  const setCookie = entry.headers.get("Set-Cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  expect(cookie).toMatch(/^portal_session=/);

  const get = (path: string) => h.request(path, { headers: { Cookie: cookie } });
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    h.request(path, {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: PORTAL_ORIGIN,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  const form = async (page: string, action: string) => {
    const res = await get(page);
    const html = await res.text();
    const found = parseForms(html).find((f) => f.method === "post" && f.action === action);
    expect(found, `no POST form to ${action} on ${page} (status ${res.status})`).toBeDefined();
    return found as ParsedForm;
  };
  return {
    cookie,
    session,
    get,
    post,
    form,
    csrfFields: async () => {
      const lookup = await findSession(env.SESSIONS, cookie.split("=")[1] ?? "", h.clock.now());
      if (lookup.status !== "active") throw new Error("session not active");
      return { _csrf: lookup.session.record.csrfToken, _submission: crypto.randomUUID().replaceAll("-", "") };
    },
    submit: async (page, action, extra = {}) => {
      const f = await form(page, action);
      return post(action, { ...f.fields, ...extra });
    },
  };
}

/** Opens the portal with the full test configuration. */
export function openFullPortal(
  h: Harness,
  params: Partial<Stripe.BillingPortal.SessionCreateParams> = {},
  features: Partial<Stripe.BillingPortal.ConfigurationCreateParams.Features> = {},
): Promise<PortalBrowser> {
  return openPortal(h, { ...params, configurationParams: fullConfiguration(features) });
}
