import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText, parseForms } from "../../helpers/portal-session";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const update = (id: string) => `/p/subscriptions/${id}/update`;
const confirm = (id: string) => `/p/subscriptions/${id}/update/confirm`;

/** Opens the confirm page for a choice and returns its POST form fields. */
async function preview(browser: PortalBrowser, sub: string, query: Record<string, string>) {
  const res = await browser.get(`${confirm(sub)}?${new URLSearchParams(query)}`);
  const html = await res.text();
  const form = parseForms(html).find((f) => f.method === "post" && f.action === confirm(sub));
  return { res, html, text: pageText(html), fields: form?.fields ?? null };
}

describe("plan change", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("offers the configured plans of the current interval with a no-JS monthly/yearly toggle", async () => {
    const browser = await openFullPortal(h);
    const res = await browser.get(update(S.monthly));
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain("Change your plan");
    expect(html).toContain(`value="${PR.basicMonthly}" checked`);
    expect(html).toContain(`value="${PR.proMonthly}"`);
    expect(html).toContain(`value="${PR.enterpriseMonthly}"`);
    expect(html).not.toContain(`value="${PR.proYearly}"`);
    expect(text).toContain("$29.00 per month");
    expect(html).toMatch(/href="\/p\/subscriptions\/[^"]+\/update\?interval=1-year[^"]*"/);
    expect(html).toContain(`<form method="get" action="${confirm(S.monthly)}"`);

    const yearly = await (await browser.get(`${update(S.monthly)}?interval=1-year`)).text();
    expect(yearly).toContain(`value="${PR.proYearly}"`);
    expect(yearly).not.toContain(`value="${PR.proMonthly}"`);
    expect(pageText(yearly)).toContain("$290.00 per year");
  });

  it("previews an upgrade with prorations, due today and next invoice, then applies exactly that", async () => {
    const browser = await openFullPortal(h);
    const { res, text, fields } = await preview(browser, S.monthly, { price: PR.proMonthly, quantity: "1" });
    expect(res.status).toBe(200);
    expect(text).toContain("Confirm your new plan");
    expect(text).toContain("Pro $29.00 per month");
    expect(text).toContain("Adjustments for the current billing period");
    expect(text).toMatch(/Due today \$0\.00/);
    expect(text).toMatch(/Next invoice \$\d+\.\d\d on November \d+, 2026/);
    expect(fields?.signature).toMatch(/^[0-9a-f]{64}$/);

    h.clock.advance(60_000);
    h.emulator.clearLog();
    const done = await browser.post(confirm(S.monthly), fields ?? {});
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/p?notice=plan_updated");
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    const write = h.emulator.writes().find((w) => w.path === `/v1/subscriptions/${S.monthly}`);
    expect(write?.params).toMatchObject({
      proration_behavior: "create_prorations",
      proration_date: fields?.proration_date,
      payment_behavior: "error_if_incomplete",
    });
    expect(write?.idempotencyKey).toMatch(/^portal-/);
    expect(pageText(await (await browser.get("/p?notice=plan_updated")).text())).toContain(
      "Your plan has been updated.",
    );
  });

  it("changes the quantity within the product's bounds and refuses outside them", async () => {
    const browser = await openFullPortal(
      h,
      {},
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price", "quantity"],
          proration_behavior: "create_prorations",
          products: [
            {
              product: DEMO.products.basic,
              prices: [PR.basicMonthly],
              adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 },
            },
            { product: DEMO.products.pro, prices: [PR.proMonthly], adjustable_quantity: { enabled: false } },
          ],
        },
      },
    );
    h.emulator.clearLog();
    const tooMany = await browser.get(`${confirm(S.monthly)}?price=${PR.basicMonthly}&quantity=11`);
    expect(tooMany.status).toBe(422);
    const html = await tooMany.text();
    expect(pageText(html)).toContain("Enter a quantity between 1 and 10.");
    expect(html).toContain('value="11"');
    const fixed = await browser.get(`${confirm(S.monthly)}?price=${PR.proMonthly}&quantity=3`);
    expect(fixed.status).toBe(422);
    expect(pageText(await fixed.text())).toContain("The quantity of this plan can't be changed.");
    expect(h.emulator.writes().filter((w) => !w.path.endsWith("create_preview"))).toEqual([]);

    const { fields } = await preview(browser, S.monthly, { price: PR.basicMonthly, quantity: "3" });
    const done = await browser.post(confirm(S.monthly), fields ?? {});
    expect(done.status).toBe(303);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.quantity).toBe(3);
  });

  it("applies a valid promotion code and explains an expired or unknown one", async () => {
    const browser = await openFullPortal(h);
    const expired = await browser.get(`${confirm(S.monthly)}?price=${PR.proMonthly}&promotion_code=EXPIRED5`);
    expect(expired.status).toBe(422);
    const expiredText = pageText(await expired.text());
    expect(expiredText).toMatch(/This promotion code (has expired|is no longer active)\./);
    const unknown = await browser.get(`${confirm(S.monthly)}?price=${PR.proMonthly}&promotion_code=NOPE`);
    expect(pageText(await unknown.text())).toContain("This promotion code isn't valid.");

    const { text, fields } = await preview(browser, S.monthly, {
      price: PR.proMonthly,
      promotion_code: "welcome10",
    });
    expect(text).toContain("WELCOME10");
    expect(text).toContain("10% off once");
    const done = await browser.post(confirm(S.monthly), fields ?? {});
    expect(done.status).toBe(303);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["discounts"] });
    const discount = sub.discounts[0];
    expect(typeof discount === "object" && discount?.promotion_code).toBe(DEMO.promotionCodes.welcome);
  });

  it("asks for a change when nothing changes", async () => {
    const browser = await openFullPortal(h);
    const res = await browser.get(`${confirm(S.monthly)}?price=${PR.basicMonthly}&quantity=1`);
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain("Choose a different plan or quantity");
  });

  it("answers a price that is not offered (another currency, unknown, malformed) with the 404 page", async () => {
    const browser = await openFullPortal(h);
    for (const price of [PR.basicMonthlyEur, PR.addonMonthly, "price_doesNotExist", "not-a-price"]) {
      const res = await browser.get(`${confirm(S.monthly)}?price=${encodeURIComponent(price)}`);
      expect(res.status, price).toBe(404);
      expect(pageText(await res.text())).toContain("Page not found");
    }
  });

  it("refuses subscriptions the rules make cancel-only, with the reason and no write", async () => {
    const cases: Array<[string, string, string]> = [
      [C.multiItem, S.multiItem, "includes several products"],
      [C.metered, S.metered, "billed by usage"],
      [C.sendInvoice, S.sendInvoice, "paid by invoice"],
      [C.scheduled, S.scheduled, "already scheduled"],
      [C.taxUnspecified, S.taxUnspecified, "can't be changed here"],
      [C.cancelScheduled, S.cancelScheduled, "already set to be cancelled"],
    ];
    for (const [customer, sub, reason] of cases) {
      const browser = await openFullPortal(h, { customer });
      h.emulator.clearLog();
      const page = await browser.get(update(sub));
      expect(page.status, customer).toBe(409);
      expect(pageText(await page.text()), customer).toContain(reason);
      const post = await browser.post(confirm(sub), {
        ...(await browser.csrfFields()),
        price: PR.proMonthly,
        quantity: "1",
        proration_date: String(Math.floor(h.clock.now() / 1000)),
        signature: "0".repeat(64),
      });
      expect(post.status, customer).toBe(409);
      expect(h.emulator.writes(), customer).toEqual([]);
    }
  });

  it("schedules a cheaper-in-the-long-run change for the period end through a subscription schedule", async () => {
    const browser = await openFullPortal(
      h,
      {},
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "create_prorations",
          schedule_at_period_end: { conditions: [{ type: "decreasing_item_amount" }] },
          products: [{ product: DEMO.products.basic, prices: [PR.basicMonthly, PR.basicYearly] }],
        },
      },
    );
    const { text, fields } = await preview(browser, S.monthly, { price: PR.basicYearly });
    expect(text).toMatch(
      /Your plan changes on November \d+, 2026, at the end of your current billing period/,
    );
    expect(text).toMatch(/Due today \$0\.00/);
    const done = await browser.post(confirm(S.monthly), fields ?? {});
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/p?notice=plan_change_scheduled");
    const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["schedule"] });
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
    const schedule = sub.schedule;
    expect(typeof schedule === "object" && schedule !== null).toBe(true);
    if (typeof schedule !== "object" || schedule === null) return;
    expect(schedule.end_behavior).toBe("release");
    expect(schedule.phases).toHaveLength(2);
    const [now, later] = schedule.phases;
    expect(now?.items[0]?.price).toBe(PR.basicMonthly);
    expect(later?.items[0]?.price).toBe(PR.basicYearly);
    expect(later?.start_date).toBe(sub.items.data[0]?.current_period_end);

    const home = pageText(await (await browser.get("/p")).text());
    expect(home).toMatch(/Your plan changes to Basic on November \d+, 2026/);
    expect(home).toContain("already scheduled");
  });

  it("applies an upgrade at once even with the period-end conditions on", async () => {
    const browser = await openFullPortal(
      h,
      {},
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "none",
          schedule_at_period_end: {
            conditions: [{ type: "decreasing_item_amount" }, { type: "shortening_interval" }],
          },
          products: [
            { product: DEMO.products.basic, prices: [PR.basicMonthly, PR.basicYearly] },
            { product: DEMO.products.pro, prices: [PR.proMonthly] },
          ],
        },
      },
    );
    const { fields } = await preview(browser, S.monthly, { price: PR.proMonthly });
    await browser.post(confirm(S.monthly), fields ?? {});
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    expect(sub.schedule).toBeNull();
  });

  it("ends a trial on change by default and says so; continue_trial keeps it", async () => {
    const browser = await openFullPortal(h, { customer: C.trialing });
    const { text, fields } = await preview(browser, S.trialing, { price: PR.enterpriseMonthly });
    expect(text).toContain("Changing your plan ends your free trial now");
    expect(text).toMatch(/Due today \$\d+\.\d\d/);
    await browser.post(confirm(S.trialing), fields ?? {});
    const ended = await h.stripe.subscriptions.retrieve(S.trialing);
    expect(ended.status).toBe("active");
    expect(ended.items.data[0]?.price.id).toBe(PR.enterpriseMonthly);

    const h2 = createHarness();
    const continuing = await openFullPortal(
      h2,
      { customer: C.trialing },
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "create_prorations",
          trial_update_behavior: "continue_trial",
          products: [
            { product: DEMO.products.pro, prices: [PR.proMonthly] },
            { product: DEMO.products.enterprise, prices: [PR.enterpriseMonthly] },
          ],
        },
      },
    );
    const second = await preview(continuing, S.trialing, { price: PR.enterpriseMonthly });
    expect(second.text).toContain("Your free trial continues");
    await continuing.post(confirm(S.trialing), second.fields ?? {});
    const kept = await h2.stripe.subscriptions.retrieve(S.trialing);
    expect(kept.status).toBe("trialing");
    expect(kept.items.data[0]?.price.id).toBe(PR.enterpriseMonthly);
  });

  it("leaves the subscription unchanged and says so when the immediate payment fails", async () => {
    const browser = await openFullPortal(
      h,
      { customer: C.pastDue },
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "always_invoice",
          products: [
            { product: DEMO.products.basic, prices: [PR.basicMonthly] },
            { product: DEMO.products.pro, prices: [PR.proMonthly] },
          ],
        },
      },
    );
    const { text, fields } = await preview(browser, S.pastDue, { price: PR.proMonthly });
    expect(text).toMatch(/Confirm and pay \$\d+\.\d\d/);
    const res = await browser.post(confirm(S.pastDue), fields ?? {});
    expect(res.status).toBe(422);
    const page = pageText(await res.text());
    expect(page).toContain("Your payment didn't go through");
    expect(page).toContain("Nothing was changed.");
    const sub = await h.stripe.subscriptions.retrieve(S.pastDue);
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
  });

  it("resets the billing cycle when the configuration says billing_cycle_anchor=now", async () => {
    const browser = await openFullPortal(
      h,
      {},
      {
        subscription_update: {
          enabled: true,
          default_allowed_updates: ["price"],
          proration_behavior: "create_prorations",
          billing_cycle_anchor: "now",
          products: [
            { product: DEMO.products.basic, prices: [PR.basicMonthly] },
            { product: DEMO.products.pro, prices: [PR.proMonthly] },
          ],
        },
      },
    );
    const { res, text, fields } = await preview(browser, S.monthly, { price: PR.proMonthly });
    expect(res.status).toBe(200);
    expect(text).toMatch(/Next invoice \$\d+\.\d\d on December 2, 2026/);
    h.emulator.clearLog();
    const done = await browser.post(confirm(S.monthly), fields ?? {});
    expect(done.status).toBe(303);
    const write = h.emulator.writes().find((w) => w.path === `/v1/subscriptions/${S.monthly}`);
    expect(write?.params).toMatchObject({ billing_cycle_anchor: { type: "now" } });
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.billing_cycle_anchor).toBe(Math.floor(h.clock.now() / 1000));
  });

  it("applies a double submit once and repeats the first redirect", async () => {
    const browser = await openFullPortal(h);
    const { fields } = await preview(browser, S.monthly, { price: PR.proMonthly });
    h.emulator.clearLog();
    const [first, second] = await Promise.all([
      browser.post(confirm(S.monthly), fields ?? {}),
      browser.post(confirm(S.monthly), fields ?? {}),
    ]);
    const third = await browser.post(confirm(S.monthly), fields ?? {});
    for (const res of [first, second, third]) {
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/p?notice=plan_updated");
    }
    const updates = h.emulator.writes().filter((w) => w.path === `/v1/subscriptions/${S.monthly}`);
    const keys = new Set(updates.map((w) => w.idempotencyKey));
    expect(keys.size).toBe(1);
    const invoices = await h.stripe.invoices.list({ subscription: S.monthly, limit: 100 });
    const prorationInvoices = invoices.data.filter((i) => i.billing_reason === "subscription_update");
    expect(prorationInvoices.length).toBeLessThanOrEqual(1);
  });

  it("refuses a tampered confirm form and changes nothing", async () => {
    const browser = await openFullPortal(h);
    const { fields } = await preview(browser, S.monthly, { price: PR.proMonthly });
    h.emulator.clearLog();
    const tampered = [
      { ...fields, proration_date: String(Number(fields?.proration_date) - 86_400) },
      { ...fields, price: PR.enterpriseMonthly },
      { ...fields, signature: "0".repeat(64) },
    ];
    for (const form of tampered) {
      const res = await browser.post(confirm(S.monthly), form as Record<string, string>);
      expect(res.status).toBe(409);
      expect(pageText(await res.text())).toContain("This summary is out of date");
    }
    expect(h.emulator.writes().filter((w) => !w.path.endsWith("create_preview"))).toEqual([]);
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
  });

  it("is a 404 with nothing written for another customer's, another account's or a malformed id", async () => {
    const browser = await openFullPortal(h);
    const ids = [
      S.trialing,
      DEMO.connect.subscription,
      "sub_doesNotExist1",
      "sub_../../x",
      "cus_DemoMonthly0001",
    ];
    h.emulator.clearLog();
    for (const id of ids) {
      for (const path of [update(id), confirm(id), `${confirm(id)}?price=${PR.proMonthly}`]) {
        const res = await browser.get(path.replace(id, encodeURIComponent(id)));
        expect(res.status, path).toBe(404);
      }
    }
    const csrf = await browser.csrfFields();
    for (const id of ids) {
      const res = await browser.post(`/p/subscriptions/${encodeURIComponent(id)}/update/confirm`, {
        ...csrf,
        price: PR.proMonthly,
        quantity: "1",
        proration_date: String(Math.floor(h.clock.now() / 1000)),
        signature: "0".repeat(64),
      });
      expect(res.status, id).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
  });
});
