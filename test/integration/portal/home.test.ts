import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import {
  fullConfiguration,
  openFullPortal,
  openPortal,
  pageText,
  RETURN_URL,
} from "../../helpers/portal-session";

const S = DEMO.subscriptions;
const C = DEMO.customers;

describe("portal home", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  async function home(customer: string, features = {}) {
    const browser = await openFullPortal(h, { customer }, features);
    const res = await browser.get("/p");
    expect(res.status).toBe(200);
    const html = await res.text();
    return { res, html, text: pageText(html), browser };
  }

  it("shows business, customer, subscription with price and next invoice, and every enabled section", async () => {
    const { html, text, res } = await home(C.monthly);
    expect(text).toContain("Acme Cloud billing");
    expect(html).toContain(`href="${RETURN_URL}"`);
    expect(text).toContain("Return to merchant.example");
    expect(html).toContain('href="https://merchant.example/privacy"');
    expect(html).toContain('href="https://merchant.example/terms"');
    expect(text).toContain("Mia Monthly · mia@example.com");
    expect(text).toContain("Your subscription");
    expect(text).toContain("$9.00 per month");
    expect(text).toMatch(/Next invoice: \$9\.00 on November \d+, 2026/);
    expect(html).toContain(`href="/p/subscriptions/${S.monthly}/update"`);
    expect(html).toContain(`href="/p/subscriptions/${S.monthly}/cancel"`);
    expect(html).toContain(`href="/p/subscriptions/${S.monthly}/pause"`);
    expect(text).toContain("Payment methods");
    expect(text).toContain("Billing information");
    expect(text).toContain("Invoice history");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("hides sections whose feature is off and the footer links that are not configured", async () => {
    const browser = await openPortal(h, {
      customer: C.monthly,
      configurationParams: {
        features: {
          invoice_history: { enabled: false },
          customer_update: { enabled: false },
          payment_method_update: { enabled: false },
          subscription_cancel: { enabled: false },
        },
      },
    });
    const html = await (await browser.get("/p")).text();
    const text = pageText(html);
    expect(text).toContain("Your subscription");
    expect(text).not.toContain("Payment methods");
    expect(text).not.toContain("Billing information");
    expect(text).not.toContain("Invoice history");
    expect(text).not.toContain("Privacy policy");
    expect(html).not.toContain("/cancel");
    expect(html).not.toContain("/update");
  });

  it("explains why a subscription can only be cancelled", async () => {
    const cases: Array<[string, string, string]> = [
      [C.multiItem, S.multiItem, "includes several products"],
      [C.metered, S.metered, "billed by usage"],
      [C.sendInvoice, S.sendInvoice, "paid by invoice"],
      [C.taxUnspecified, S.taxUnspecified, "can't be changed here"],
    ];
    for (const [customer, sub, reason] of cases) {
      const { html, text } = await home(customer);
      expect(text, customer).toContain(reason);
      expect(html, customer).not.toContain(`/p/subscriptions/${sub}/update"`);
      expect(html, customer).toContain(`/p/subscriptions/${sub}/cancel"`);
    }
  });

  it("blocks update and cancel while a schedule has a future phase, and names the coming plan", async () => {
    const { html, text } = await home(C.scheduled);
    expect(text).toContain("already scheduled");
    expect(text).toMatch(/Your plan changes to Pro on [A-Z][a-z]+ \d+, 20\d\d/);
    expect(html).not.toContain(`/p/subscriptions/${S.scheduled}/update"`);
    expect(html).not.toContain(`/p/subscriptions/${S.scheduled}/cancel"`);
  });

  it("shows trial end, past-due pay link, scheduled cancel with renew", async () => {
    const trial = await home(C.trialing);
    expect(trial.text).toMatch(/Your free trial ends on November \d+, 2026/);
    expect(trial.text).toContain("Trial");

    const pastDue = await home(C.pastDue);
    expect(pastDue.text).toContain("Past due");
    expect(pastDue.text).toContain("Your latest payment failed");
    expect(pastDue.html).toMatch(/<a href="http[^"]+"[^>]*>Pay the open invoice<\/a>/);

    const canceling = await home(C.cancelScheduled);
    expect(canceling.text).toMatch(/Your subscription will be cancelled on [A-Z][a-z]+ \d+, 2026/);
    expect(canceling.text).toContain("Renew subscription");
    expect(canceling.text).not.toContain("Next invoice");
    expect(canceling.html).toContain(`action="/p/subscriptions/${S.cancelScheduled}/renew"`);
    expect(canceling.html).not.toContain(`/p/subscriptions/${S.cancelScheduled}/cancel"`);
  });

  it("serves invoice-only customers: no subscription section, the invoices", async () => {
    const { text } = await home(C.invoicesOnly);
    expect(text).not.toContain("Your subscription");
    expect(text).toContain("Invoice history");
  });

  it("brands the frame with a nonce'd style the CSP admits and text that contrasts", async () => {
    const params = fullConfiguration();
    const browser = await openPortal(h, {
      configurationParams: {
        ...params,
        branding: { primary_color: "#ffcc00", logo_url: "https://cdn.merchant.example/logo.png" },
      } as typeof params,
    });
    const res = await browser.get("/p");
    const html = await res.text();
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<style nonce="${nonce}">:root{--brand: #ffcc00;--brand-contrast: #000000;`);
    expect(html).toContain('src="https://cdn.merchant.example/logo.png"');
  });

  it("opens a flow session on its flow page instead of the home page", async () => {
    const browser = await openFullPortal(h, {
      flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: S.monthly } },
    });
    const res = await browser.get("/p");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/p/subscriptions/${S.monthly}/cancel`);
  });

  it("loads the page without writing anything", async () => {
    const browser = await openFullPortal(h);
    h.emulator.clearLog();
    await browser.get("/p");
    expect(h.emulator.writes().filter((w) => !w.path.endsWith("/create_preview"))).toEqual([]);
  });
});

describe("CSRF", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("refuses a POST without the token, with a wrong token, or from another origin; nothing changes", async () => {
    const browser = await openFullPortal(h, { customer: C.cancelScheduled });
    const action = `/p/subscriptions/${S.cancelScheduled}/renew`;
    const form = await browser.form("/p", action);
    h.emulator.clearLog();
    const noToken = await browser.post(action, { _submission: form.fields._submission ?? "" });
    expect(noToken.status).toBe(403);
    expect(pageText(await noToken.text())).toContain("This form has expired");
    const wrong = await browser.post(action, { ...form.fields, _csrf: "x".repeat(32) });
    expect(wrong.status).toBe(403);
    const foreign = await browser.post(action, form.fields, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const crossSite = await browser.post(action, form.fields, { "Sec-Fetch-Site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(h.emulator.writes()).toEqual([]);
    const sub = await h.stripe.subscriptions.retrieve(S.cancelScheduled);
    expect(sub.cancel_at_period_end).toBe(true);
  });

  it("accepts the same form from the portal's own origin", async () => {
    const browser = await openFullPortal(h, { customer: C.cancelScheduled });
    const res = await browser.submit("/p", `/p/subscriptions/${S.cancelScheduled}/renew`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=renewed");
    const sub = await h.stripe.subscriptions.retrieve(S.cancelScheduled);
    expect(sub.cancel_at_period_end).toBe(false);
    expect(sub.cancel_at).toBeNull();
    const text = pageText(await (await browser.get("/p?notice=renewed")).text());
    expect(text).toContain("Your subscription will continue");
  });
});

describe("Stripe unavailable", () => {
  it("shows a translated try-again page, not an error dump", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h);
    h.emulator.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: "/v1/subscriptions" });
    const res = await browser.get("/p");
    expect(res.status).toBe(502);
    const text = pageText(await res.text());
    expect(text).toContain("Please try again in a moment");
    expect(text).toContain("Nothing was changed.");
    expect(text).not.toMatch(/StripeAPIError|stack|at .*\.ts/);
  });
});
