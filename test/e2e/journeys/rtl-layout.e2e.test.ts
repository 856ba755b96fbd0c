/**
 * The right-to-left pass: an Arabic session through every kind of page, each checked with
 * axe and at 1280, 768 and 360 px for sideways scrolling and overlapping controls. Pages are
 * reached by URL and forms by Enter, so the test does not depend on the Arabic wording.
 */
import type { Page } from "playwright-core";
import type Stripe from "stripe";
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, portalOrigin, RETURN_URL } from "../support/servers-client";

useBrowser();

const SUB = DEMO.subscriptions.monthly;
const base = `${portalOrigin}/p/subscriptions/${SUB}`;

async function expectRtl(page: Page): Promise<void> {
  const html = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
  }));
  expect(html).toEqual({ dir: "rtl", lang: "ar" });
}

describe("Arabic, right to left", () => {
  test("every page kind lays out without sideways scroll or overlaps at 1280, 768 and 360 px", async () => {
    const { page, journey } = await beginJourney("rtl-arabic", { locale: "ar" });
    // `ar` is the portal's extension of Stripe's locale list.
    const session = await createSession({
      customer: DEMO.customers.monthly,
      return_url: RETURN_URL,
      locale: "ar" as Stripe.BillingPortal.SessionCreateParams.Locale,
    });
    await page.goto(session.url);
    await expectRtl(page);
    await journey.state("home");

    const pages: Array<[string, string]> = [
      ["plan-picker", `${base}/update`],
      ["plan-picker-yearly", `${base}/update?interval=1-year`],
      [
        "plan-preview",
        `${base}/update/confirm?price=${DEMO.prices.proYearly}&quantity=2&promotion_code=WELCOME10`,
      ],
      [
        "plan-error",
        `${base}/update/confirm?price=${DEMO.prices.basicMonthly}&quantity=99&promotion_code=EXPIRED5`,
      ],
      ["cancel", `${base}/cancel`],
      ["pause", `${base}/pause`],
      ["payment-methods", `${portalOrigin}/p/payment-methods`],
      ["payment-method-add", `${portalOrigin}/p/payment-methods/add`],
      ["billing", `${portalOrigin}/p/billing`],
      ["invoices", `${portalOrigin}/p/invoices`],
    ];
    for (const [label, url] of pages) {
      const response = await page.goto(url);
      expect(response?.status(), `${label} answers`).toBeLessThan(500);
      await expectRtl(page);
      await journey.state(label);
    }

    // A form sent back with an error, in Arabic: the tax ID number in the wrong format.
    await page.goto(`${portalOrigin}/p/billing`);
    await page.locator("#tax_id_type").selectOption("eu_vat");
    await page.locator("#tax_id_value").fill("123");
    await page.locator("#tax_id_value").press("Enter");
    await expect.poll(() => page.locator("#tax_id_value").getAttribute("aria-invalid")).toBe("true");
    await journey.state("billing-tax-id-error");
    journey.expectNoPageErrors();
  });

  test("a customer with many payment methods and tax IDs, in Arabic", async () => {
    const { page, journey } = await beginJourney("rtl-arabic-details", { locale: "ar" });
    for (const customer of [DEMO.customers.manyMethods, DEMO.customers.taxIds]) {
      const session = await createSession({
        customer,
        return_url: RETURN_URL,
        locale: "ar" as Stripe.BillingPortal.SessionCreateParams.Locale,
      });
      await page.goto(session.url);
      await expectRtl(page);
      await journey.state(`home-${customer}`);
    }
    await page.goto(`${portalOrigin}/p/billing`);
    await journey.state("billing-with-tax-ids");
    journey.expectNoPageErrors();
  });
});
