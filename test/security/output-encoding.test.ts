/**
 * Output encoding. Markup planted in everything a page shows (customer details and addresses
 * set in Stripe, product names that also become invoice and proration lines, the merchant's
 * headline and custom message, what a customer types and sees again on an error) is shown as
 * text: the payload's characters reach the page, its tags never do.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { fullConfiguration, openPortal, type PortalBrowser, pageText } from "../helpers/portal-session";

const PAYLOAD = `<script>alert("xss")</script><img src=x onerror=alert(1)>"'&`;
const EMAIL = `x+"onmouseover=alert(1)"@example.com`;

/** The payload is on the page as text, and none of its markup is. */
async function expectShownAsText(res: Response, label: string, times = 1): Promise<string> {
  expect(res.status, label).toBeLessThan(500);
  const html = await res.text();
  expect(html, label).not.toContain("<script>alert");
  expect(html, label).not.toContain("<img src=x");
  // Inside a tag, that is: the escaped payload text itself contains " onerror=".
  expect(html, label).not.toMatch(/<[a-z][^>]*\son(error|mouseover)\s*=/i);
  const shown = pageText(html).split(PAYLOAD).length - 1;
  expect(shown, `${label}: payload shown as text`).toBeGreaterThanOrEqual(times);
  return html;
}

describe("hostile data is shown as text", () => {
  let h: Harness;
  let browser: PortalBrowser;
  const sub = DEMO.subscriptions.monthly;

  beforeAll(async () => {
    h = createHarness();
    const address = { line1: PAYLOAD, line2: PAYLOAD, city: PAYLOAD, postal_code: "10115", country: "DE" };
    await h.stripe.customers.update(DEMO.customers.monthly, {
      name: PAYLOAD,
      email: EMAIL,
      phone: "+49 30 1234567",
      address,
      shipping: { name: PAYLOAD, address },
    });
    for (const product of [DEMO.products.basic, DEMO.products.pro]) {
      await h.stripe.products.update(product, { name: `${PAYLOAD} ${product}`, description: PAYLOAD });
    }
    const params = fullConfiguration();
    params.business_profile = { ...params.business_profile, headline: PAYLOAD };
    browser = await openPortal(h, { customer: DEMO.customers.monthly, configurationParams: params });
  });

  it("customer name, email and addresses on the home and billing pages", async () => {
    await expectShownAsText(await browser.get("/p"), "home", 2);
    const billing = await expectShownAsText(await browser.get("/p/billing"), "billing", 3);
    expect(billing).toContain("&quot;onmouseover=alert(1)&quot;");
  });

  it("product names and descriptions on the plan picker and the proration lines", async () => {
    await expectShownAsText(await browser.get(`/p/subscriptions/${sub}/update`), "picker", 2);
    const confirm = await browser.get(
      `/p/subscriptions/${sub}/update/confirm?price=${DEMO.prices.proMonthly}`,
    );
    expect(confirm.status).toBe(200);
    await expectShownAsText(confirm, "confirm");
  });

  it("what a customer typed, shown again with an error", async () => {
    const billing = await browser.submit("/p/billing", "/p/billing", {
      name: PAYLOAD,
      address_country: "XX",
    });
    expect(billing.status).toBe(422);
    await expectShownAsText(billing, "billing form");

    const promo = await browser.get(
      `/p/subscriptions/${sub}/update/confirm?price=${DEMO.prices.proMonthly}&promotion_code=${encodeURIComponent(PAYLOAD)}`,
    );
    expect(promo.status).toBe(422);
    await expectShownAsText(promo, "promotion code");

    const cancel = await browser.submit(`/p/subscriptions/${sub}/cancel`, `/p/subscriptions/${sub}/cancel`, {
      feedback: "not-a-reason",
      comment: PAYLOAD,
    });
    expect(cancel.status).toBe(422);
    await expectShownAsText(cancel, "cancel comment");

    const taxId = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "eu_vat",
      tax_id_value: PAYLOAD,
    });
    expect(taxId.status).toBe(422);
    await expectShownAsText(taxId, "tax ID value");
  });

  it("the merchant's custom confirmation message", async () => {
    const flow = await openPortal(h, {
      customer: DEMO.customers.monthly,
      configurationParams: fullConfiguration(),
      flow_data: {
        type: "payment_method_update",
        after_completion: { type: "hosted_confirmation", hosted_confirmation: { custom_message: PAYLOAD } },
      },
    });
    await expectShownAsText(await flow.get("/p/flow/done?outcome=payment_method_added"), "custom message");
  });

  it("customer names on the dev landing page", async () => {
    await expectShownAsText(await h.request("/"), "dev landing");
  });
});
