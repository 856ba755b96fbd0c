import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openPortal, pageText, parseForms } from "../../helpers/portal-session";

describe("portal pages under Connect", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("acts for the connected account on every Stripe call and keeps its data apart", async () => {
    const browser = await openPortal(
      h,
      {
        customer: DEMO.connect.customer,
        locale: "en",
        configurationParams: {
          features: {
            payment_method_update: { enabled: true },
            subscription_cancel: { enabled: true, mode: "at_period_end" },
            subscription_update: {
              enabled: true,
              default_allowed_updates: ["price"],
              proration_behavior: "none",
              products: [
                {
                  product: DEMO.connect.product,
                  prices: [DEMO.connect.priceMonthly, DEMO.connect.priceYearly],
                },
              ],
            },
          },
        },
      },
      { stripeAccount: DEMO_ACCOUNT },
    );
    h.emulator.clearLog();
    const home = await browser.get("/p");
    expect(home.status).toBe(200);
    const text = pageText(await home.text());
    expect(text).toContain("Studio membership");
    expect(text).toContain("€12.00 per month");

    const sub = DEMO.connect.subscription;
    const confirm = `/p/subscriptions/${sub}/update/confirm`;
    const page = await (await browser.get(`${confirm}?price=${DEMO.connect.priceYearly}`)).text();
    const form = parseForms(page).find((f) => f.action === confirm);
    const res = await browser.post(confirm, form?.fields ?? {});
    expect(res.status).toBe(303);
    const updated = await h.stripe.subscriptions.retrieve(sub, {}, { stripeAccount: DEMO_ACCOUNT });
    expect(updated.items.data[0]?.price.id).toBe(DEMO.connect.priceYearly);

    expect(h.emulator.log.length).toBeGreaterThan(0);
    expect(h.emulator.log.filter((entry) => entry.account !== DEMO_ACCOUNT)).toEqual([]);

    // The platform's subscriptions do not exist for this session.
    h.emulator.clearLog();
    expect((await browser.get(`/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`)).status).toBe(404);
    expect(h.emulator.writes()).toEqual([]);
  });

  it("hides subscriptions outside the session's on_behalf_of and refuses their pages", async () => {
    const browser = await openPortal(h, {
      customer: DEMO.customers.monthly,
      on_behalf_of: DEMO_ACCOUNT,
      configurationParams: { features: { subscription_cancel: { enabled: true } } },
    });
    const html = await (await browser.get("/p")).text();
    expect(pageText(html)).not.toContain("Your subscription");
    expect(html).not.toContain(DEMO.subscriptions.monthly);
    h.emulator.clearLog();
    expect((await browser.get(`/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`)).status).toBe(404);
    const post = await browser.post(
      `/p/subscriptions/${DEMO.subscriptions.monthly}/cancel`,
      await browser.csrfFields(),
    );
    expect(post.status).toBe(404);
    expect(h.emulator.writes()).toEqual([]);
  });
});
