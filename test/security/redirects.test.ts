/**
 * Open redirects. Only the merchant sets where a customer may be sent (return_url,
 * after_completion's redirect, configuration URLs), and only to absolute http(s) URLs. Nothing
 * a customer sends (query or form fields named like redirect targets) moves a redirect.
 */
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, type PortalBrowser, RETURN_URL } from "../helpers/portal-session";
import { fillPath, ownedIds, type PathIdKind, pathIdKind, portalRoutePaths } from "./helpers";

const HOSTILE_URLS = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/account",
  "/account",
  "account",
  "evil.example",
  "https://",
  "ftp://evil.example/",
  "mailto:a@evil.example",
];

/** Names customers might try to steer a redirect with. */
const TARGET_PARAMS = [
  "next",
  "return_url",
  "returnUrl",
  "redirect",
  "redirect_uri",
  "success_url",
  "cancel_url",
  "url",
  "continue",
  "back",
];
const EVIL = "https://evil.example/phish";

async function refusal(call: Promise<unknown>): Promise<{ code?: string; param?: string }> {
  try {
    await call;
  } catch (err) {
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const e = err as Stripe.errors.StripeError;
    return { code: e.code, param: e.param };
  }
  throw new Error("the API accepted a hostile URL");
}

describe("redirect targets set through the merchant API", () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness();
  });

  it.each(HOSTILE_URLS)("refuses return_url %j", async (url) => {
    const err = await refusal(
      h.portal.billingPortal.sessions.create({ customer: DEMO.customers.monthly, return_url: url }),
    );
    expect(err).toEqual({ code: "url_invalid", param: "return_url" });
  });

  it.each(HOSTILE_URLS)("refuses after_completion.redirect.return_url %j", async (url) => {
    const err = await refusal(
      h.portal.billingPortal.sessions.create({
        customer: DEMO.customers.monthly,
        return_url: RETURN_URL,
        flow_data: {
          type: "payment_method_update",
          after_completion: { type: "redirect", redirect: { return_url: url } },
        },
      }),
    );
    expect(err).toEqual({ code: "url_invalid", param: "flow_data[after_completion][redirect][return_url]" });
  });

  it("refuses hostile configuration URLs (default return, privacy, terms)", async () => {
    for (const url of ["javascript:alert(1)", "//evil.example", "/x", "data:,x"]) {
      const base = { features: { invoice_history: { enabled: true } } };
      expect(
        await refusal(h.portal.billingPortal.configurations.create({ ...base, default_return_url: url })),
      ).toEqual({ code: "url_invalid", param: "default_return_url" });
      expect(
        await refusal(
          h.portal.billingPortal.configurations.create({
            ...base,
            business_profile: { privacy_policy_url: url },
          }),
        ),
      ).toEqual({ code: "url_invalid", param: "business_profile[privacy_policy_url]" });
    }
  });
});

describe("redirects on customer pages", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let ids: Record<PathIdKind, string>;

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    ids = await ownedIds(h, DEMO.customers.taxIds);
  });

  /** A redirect may lead into the portal, to the merchant's return URL or to Stripe. */
  function expectAllowedTarget(res: Response, label: string) {
    const location = res.headers.get("Location");
    if (location === null) return;
    expect(location, label).not.toContain("evil.example");
    const allowed =
      (location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")) ||
      location === RETURN_URL ||
      location.startsWith("http://127.0.0.1:12111/");
    expect(allowed, `${label} → ${location}`).toBe(true);
  }

  it("ignores redirect-like query parameters on every page and form", async () => {
    const query = TARGET_PARAMS.map((p) => `${p}=${encodeURIComponent(EVIL)}`).join("&");
    for (const route of portalRoutePaths("GET")) {
      const kind = pathIdKind(route);
      const path = kind ? fillPath(route, ids[kind]) : route;
      expectAllowedTarget(await browser.get(`${path}?${query}`), `GET ${route}`);
    }
    for (const route of portalRoutePaths("POST")) {
      const kind = pathIdKind(route);
      const path = kind ? fillPath(route, ids[kind]) : route;
      const fields = Object.fromEntries(TARGET_PARAMS.map((p) => [p, EVIL]));
      const res = await browser.post(`${path}?${query}`, { ...(await browser.csrfFields()), ...fields });
      expectAllowedTarget(res, `POST ${route}`);
    }
  });

  it("builds Checkout's success and cancel URLs from the portal's origin, whatever the form says", async () => {
    h.emulator.clearLog();
    const res = await browser.submit("/p/payment-methods/add", "/p/payment-methods/add", {
      success_url: EVIL,
      cancel_url: EVIL,
      return_url: EVIL,
    });
    expect(res.status).toBe(303);
    const create = h.emulator.writes().find((w) => w.path === "/v1/checkout/sessions");
    expect(create?.params.success_url).toMatch(/^http:\/\/localhost\/p\/payment-methods\/added\?/);
    expect(create?.params.cancel_url).toBe("http://localhost/p/payment-methods");
  });
});
