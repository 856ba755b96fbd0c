import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { fullConfiguration, openFullPortal, openPortal, RETURN_URL } from "../../helpers/portal-session";

const SUB = DEMO.subscriptions.monthly;

/** The parts of the branded frame a customer sees on every page. */
function expectFrame(html: string, page: string) {
  expect(html, page).toContain('class="portal-header"');
  expect(html, page).toContain(`class="return-link" href="${RETURN_URL}"`);
  expect(html, page).toMatch(/<p class="brand-headline"[^>]*>Acme Cloud billing<\/p>/);
  expect(html, page).toContain('href="https://merchant.example/terms"');
  expect(html, page).toContain('href="https://merchant.example/privacy"');
  expect(html, page).toContain('name="locale"');
}

describe("portal frame", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("wraps every customer page, part A's and part B's alike", async () => {
    const browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    const own = await openFullPortal(h, { customer: DEMO.customers.monthly });
    const pages: Array<[typeof browser, string]> = [
      [browser, "/p"],
      [browser, "/p/payment-methods"],
      [browser, "/p/payment-methods/add"],
      [browser, "/p/billing"],
      [browser, "/p/invoices"],
      [own, `/p/subscriptions/${SUB}/update`],
      [own, `/p/subscriptions/${SUB}/cancel`],
      [own, `/p/subscriptions/${SUB}/pause`],
    ];
    for (const [b, page] of pages) {
      const res = await b.get(page);
      expect(res.status, page).toBe(200);
      expectFrame(await res.text(), page);
    }
  });

  it("keeps the frame but hides the way home inside a flow", async () => {
    const flows: Array<[Record<string, unknown>, string]> = [
      [{ type: "payment_method_update" }, "/p/payment-methods/add"],
      [{ type: "customer_update" }, "/p/billing"],
      [
        { type: "subscription_update", subscription_update: { subscription: SUB } },
        `/p/subscriptions/${SUB}/update`,
      ],
    ];
    for (const [flow_data, page] of flows) {
      const browser = await openPortal(h, {
        customer: DEMO.customers.monthly,
        configurationParams: fullConfiguration(),
        // Flow shapes beyond the SDK's types (customer_update) go through as plain params.
        flow_data: flow_data as never,
      });
      const html = await (await browser.get(page)).text();
      expectFrame(html, page);
      expect(html, page).not.toMatch(/href="\/p"/);
    }
  });
});
