import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";
import { fullConfiguration, openPortal, pageText } from "../../helpers/portal-session";

const TARA = DEMO.customers.taxIds;
const DONE_URL = "https://merchant.example/billing-updated";

type AfterCompletion = Stripe.BillingPortal.SessionCreateParams.FlowData.AfterCompletion;

function openFlow(h: ReturnType<typeof createHarness>, afterCompletion?: AfterCompletion) {
  return openPortal(h, {
    customer: TARA,
    locale: "en",
    configurationParams: fullConfiguration(),
    flow_data: { type: "customer_update", ...(afterCompletion ? { after_completion: afterCompletion } : {}) },
  });
}

async function saveName(browser: Awaited<ReturnType<typeof openFlow>>, name: string) {
  const form = await browser.form("/p/billing", "/p/billing");
  const page = await (await browser.get("/p/billing")).text();
  // Send back every visible value as the browser would, changing only the name.
  const values: Record<string, string> = {};
  for (const m of page.matchAll(
    /<input id="([a-z_0-9]+)" name="[^"]+" type="(?:text|email|tel)" value="([^"]*)"/g,
  )) {
    values[m[1] ?? ""] = m[2] ?? "";
  }
  return browser.post("/p/billing", { ...form.fields, ...values, address_country: "DE", name });
}

describe("customer_update flow", () => {
  it("opens on the billing details form, without links into the rest of the portal", async () => {
    const h = createHarness();
    const browser = await openFlow(h);
    const home = await browser.get("/p");
    expect(home.status).toBe(303);
    expect(home.headers.get("Location")).toBe("/p/billing");
    const html = await (await browser.get("/p/billing")).text();
    expect(pageText(html)).toContain("Billing information");
    expect(html).not.toContain('href="/p"');
    expect((await browser.get("/p/payment-methods")).status).toBe(404);
    expect((await browser.get("/p/invoices")).status).toBe(404);
  });

  it("saves, then redirects to after_completion.redirect.return_url", async () => {
    const h = createHarness();
    const browser = await openFlow(h, { type: "redirect", redirect: { return_url: DONE_URL } });
    const res = await saveName(browser, "Tara Flow");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(DONE_URL);
    expect(((await h.stripe.customers.retrieve(TARA)) as Stripe.Customer).name).toBe("Tara Flow");
  });

  it("shows the hosted confirmation with the custom message", async () => {
    const h = createHarness();
    const browser = await openFlow(h, {
      type: "hosted_confirmation",
      hosted_confirmation: { custom_message: "Thanks, your invoices will carry the new details." },
    });
    const res = await saveName(browser, "Tara Confirmed");
    expect(res.status).toBe(303);
    const location = res.headers.get("Location") ?? "";
    expect(location).toBe("/p/flow/done?outcome=customer_updated");
    const page = pageText(await (await browser.get(location)).text());
    expect(page).toContain("Thanks, your invoices will carry the new details.");
  });

  it("defaults to the hosted confirmation without after_completion", async () => {
    const h = createHarness();
    const browser = await openFlow(h);
    const res = await saveName(browser, "Tara Default");
    expect(res.headers.get("Location")).toBe("/p/flow/done?outcome=customer_updated");
  });

  it("goes to the portal home with portal_homepage, which ends the flow", async () => {
    const h = createHarness();
    const browser = await openFlow(h, { type: "portal_homepage" });
    const res = await saveName(browser, "Tara Home");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=customer_updated");
    // Out of the flow, the page links back to the portal again.
    expect(await (await browser.get("/p/billing")).text()).toContain('href="/p"');
  });

  it("stays in the flow on invalid input and when tax IDs change", async () => {
    const h = createHarness();
    const browser = await openFlow(h, { type: "redirect", redirect: { return_url: DONE_URL } });
    const form = await browser.form("/p/billing", "/p/billing");
    h.emulator.clearLog();
    const bad = await browser.post("/p/billing", { ...form.fields, email: "nope" });
    expect(bad.status).toBe(422);
    expect(h.emulator.writes()).toEqual([]);

    const added = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "us_ein",
      tax_id_value: "12-3456789",
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/p/billing?notice=tax_id_added");
  });
});
