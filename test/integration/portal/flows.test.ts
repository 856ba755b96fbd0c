import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import {
  openFullPortal,
  type PortalBrowser,
  pageText,
  parseForms,
  RETURN_URL,
} from "../../helpers/portal-session";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const DONE_URL = "https://merchant.example/done";

type AfterCompletion = Stripe.BillingPortal.SessionCreateParams.FlowData.AfterCompletion;
const AFTER: Record<string, AfterCompletion | undefined> = {
  redirect: { type: "redirect", redirect: { return_url: DONE_URL } },
  hosted_confirmation: {
    type: "hosted_confirmation",
    hosted_confirmation: { custom_message: "Thanks, see you soon!" },
  },
  portal_homepage: { type: "portal_homepage" },
  default: undefined,
};

/**
 * Checks where a completed flow goes for each `after_completion`, and what the customer sees
 * there. `notice` is the home notice / confirmation outcome of the action.
 */
async function expectCompletion(
  browser: PortalBrowser,
  res: Response,
  kind: string,
  outcome: string,
  defaultText: string,
): Promise<void> {
  expect(res.status, kind).toBe(303);
  const location = res.headers.get("Location") ?? "";
  if (kind === "redirect") {
    expect(location).toBe(DONE_URL);
    return;
  }
  if (kind === "portal_homepage") {
    expect(location).toBe(`/p?notice=${outcome}`);
    const home = await browser.get(location);
    expect(home.status, "the flow is over: the home page opens").toBe(200);
    expect(pageText(await home.text())).toContain("Your billing");
    return;
  }
  expect(location).toBe(`/p/flow/done?outcome=${outcome}`);
  const page = await browser.get(location);
  expect(page.status).toBe(200);
  const html = await page.text();
  const text = pageText(html);
  expect(text).toContain("All done");
  expect(text).toContain(kind === "hosted_confirmation" ? "Thanks, see you soon!" : defaultText);
  expect(html).toContain(`href="${RETURN_URL}"`);
  // Still inside the flow: the rest of the portal stays closed.
  const home = await browser.get("/p");
  expect(home.status).toBe(303);
}

describe("deep-link flows", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  for (const kind of Object.keys(AFTER)) {
    it(`subscription_update → ${kind}`, async () => {
      const after = AFTER[kind];
      const browser = await openFullPortal(h, {
        flow_data: {
          type: "subscription_update",
          subscription_update: { subscription: S.monthly },
          ...(after ? { after_completion: after } : {}),
        },
      });
      const entry = await browser.get("/p");
      expect(entry.headers.get("Location")).toBe(`/p/subscriptions/${S.monthly}/update`);
      const picker = await (await browser.get(`/p/subscriptions/${S.monthly}/update`)).text();
      expect(picker).not.toContain('href="/p"');
      expect(picker).toContain(`href="${RETURN_URL}"`);
      const confirmPath = `/p/subscriptions/${S.monthly}/update/confirm`;
      const page = await (await browser.get(`${confirmPath}?price=${PR.proMonthly}`)).text();
      const form = parseForms(page).find((f) => f.action === confirmPath && f.method === "post");
      const res = await browser.post(confirmPath, form?.fields ?? {});
      await expectCompletion(browser, res, kind, "plan_updated", "Your plan has been updated.");
      const sub = await h.stripe.subscriptions.retrieve(S.monthly);
      expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
    });

    it(`subscription_update_confirm → ${kind}`, async () => {
      const after = AFTER[kind];
      const item = (await h.stripe.subscriptions.retrieve(S.monthly)).items.data[0]?.id ?? "";
      const browser = await openFullPortal(h, {
        flow_data: {
          type: "subscription_update_confirm",
          subscription_update_confirm: {
            subscription: S.monthly,
            items: [{ id: item, price: PR.proMonthly, quantity: 2 }],
            discounts: [{ promotion_code: DEMO.promotionCodes.welcome }],
          },
          ...(after ? { after_completion: after } : {}),
        },
      });
      const confirmPath = `/p/subscriptions/${S.monthly}/update/confirm`;
      expect((await browser.get("/p")).headers.get("Location")).toBe(confirmPath);
      // The picker is not part of this flow.
      expect((await browser.get(`/p/subscriptions/${S.monthly}/update`)).headers.get("Location")).toBe(
        confirmPath,
      );
      const page = await browser.get(`${confirmPath}?price=${PR.enterpriseMonthly}`);
      const html = await page.text();
      const text = pageText(html);
      expect(text).toContain("Pro $29.00 per month · 2 units");
      expect(text).toContain("WELCOME10");
      expect(text).not.toContain("Enterprise");
      const form = parseForms(html).find((f) => f.action === confirmPath && f.method === "post");
      const res = await browser.post(confirmPath, { ...form?.fields, price: PR.enterpriseMonthly });
      await expectCompletion(browser, res, kind, "plan_updated", "Your plan has been updated.");
      const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["discounts"] });
      expect(sub.items.data[0]?.price.id).toBe(PR.proMonthly);
      expect(sub.items.data[0]?.quantity).toBe(2);
      const discount = sub.discounts[0];
      expect(typeof discount === "object" && discount?.promotion_code).toBe(DEMO.promotionCodes.welcome);
    });

    it(`subscription_cancel → ${kind}`, async () => {
      const after = AFTER[kind];
      const browser = await openFullPortal(h, {
        flow_data: {
          type: "subscription_cancel",
          subscription_cancel: { subscription: S.monthly },
          ...(after ? { after_completion: after } : {}),
        },
      });
      const cancelPath = `/p/subscriptions/${S.monthly}/cancel`;
      const page = await (await browser.get(cancelPath)).text();
      expect(pageText(page)).toContain("Cancel your subscription");
      expect(page).toContain(`href="${RETURN_URL}"`);
      const res = await browser.submit(cancelPath, cancelPath, { feedback: "unused" });
      await expectCompletion(
        browser,
        res,
        kind,
        "cancel_scheduled",
        "You can keep using it until the end of the billing period.",
      );
      const sub = await h.stripe.subscriptions.retrieve(S.monthly);
      expect(sub.cancel_at_period_end).toBe(true);
      expect(sub.cancellation_details?.feedback).toBe("unused");
    });

    it(`subscription_pause → ${kind}`, async () => {
      const after = AFTER[kind];
      const browser = await openFullPortal(h, {
        flow_data: {
          type: "subscription_pause",
          subscription_pause: { subscription: S.monthly },
          ...(after ? { after_completion: after } : {}),
        } as Stripe.BillingPortal.SessionCreateParams.FlowData,
      });
      const pausePath = `/p/subscriptions/${S.monthly}/pause`;
      expect((await browser.get("/p")).headers.get("Location")).toBe(pausePath);
      const res = await browser.submit(pausePath, pausePath, { duration: "indefinite" });
      await expectCompletion(browser, res, kind, "paused", "Payments for your subscription are paused.");
      const sub = await h.stripe.subscriptions.retrieve(S.monthly);
      expect(sub.pause_collection?.behavior).toBe("void");
    });
  }

  it("keeps the customer inside the flow: other pages lead back to the flow's page", async () => {
    const browser = await openFullPortal(h, {
      customer: C.multiItem,
      flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: S.multiItem } },
    });
    const entry = `/p/subscriptions/${S.multiItem}/cancel`;
    for (const path of [
      "/p",
      `/p/subscriptions/${S.multiItem}/pause`,
      `/p/subscriptions/${S.monthly}/cancel`,
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location"), path).toBe(entry);
    }
    h.emulator.clearLog();
    const renew = await browser.post(`/p/subscriptions/${S.multiItem}/renew`, await browser.csrfFields());
    expect(renew.status).toBe(303);
    expect(renew.headers.get("Location")).toBe(entry);
    expect(h.emulator.writes()).toEqual([]);
    for (const path of ["/p/invoices", "/p/billing"]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  describe("retention offer", () => {
    async function retentionBrowser(after?: AfterCompletion) {
      return openFullPortal(h, {
        flow_data: {
          type: "subscription_cancel",
          subscription_cancel: {
            subscription: S.monthly,
            retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
          },
          ...(after ? { after_completion: after } : {}),
        },
      });
    }

    it("is shown first; accepting applies the coupon and cancels nothing", async () => {
      const browser = await retentionBrowser(AFTER.redirect);
      const cancelPath = `/p/subscriptions/${S.monthly}/cancel`;
      const page = pageText(await (await browser.get(cancelPath)).text());
      expect(page).toContain("Before you go");
      expect(page).toContain("25% off for 3 months");
      const res = await browser.submit(cancelPath, `/p/subscriptions/${S.monthly}/retention`);
      expect(res.status).toBe(303);
      // Not the merchant's "canceled" page: the customer stayed.
      expect(res.headers.get("Location")).toBe("/p/flow/done?outcome=retention_accepted");
      const done = pageText(await (await browser.get("/p/flow/done?outcome=retention_accepted")).text());
      expect(done).toContain("Your discount has been applied");
      const sub = await h.stripe.subscriptions.retrieve(S.monthly, { expand: ["discounts"] });
      expect(sub.cancel_at_period_end).toBe(false);
      expect(sub.cancel_at).toBeNull();
      const discount = sub.discounts[0];
      const coupon = typeof discount === "object" ? discount?.source.coupon : null;
      expect(typeof coupon === "string" ? coupon : coupon?.id).toBe(DEMO.coupons.retention);
    });

    it("can be declined, leading to the reason survey and the cancel", async () => {
      const browser = await retentionBrowser();
      const cancelPath = `/p/subscriptions/${S.monthly}/cancel`;
      const offer = await (await browser.get(cancelPath)).text();
      expect(offer).toContain(`href="${cancelPath}?step=reasons"`);
      const res = await browser.submit(`${cancelPath}?step=reasons`, cancelPath, {
        feedback: "too_expensive",
      });
      expect(res.status).toBe(303);
      const sub = await h.stripe.subscriptions.retrieve(S.monthly);
      expect(sub.cancel_at_period_end).toBe(true);
      expect(sub.discounts).toEqual([]);
    });

    it("is not offered to a subscription that already has a discount", async () => {
      const browser = await openFullPortal(h, {
        customer: C.taxIds,
        flow_data: {
          type: "subscription_cancel",
          subscription_cancel: {
            subscription: S.taxIds,
            retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
          },
        },
      });
      const cancelPath = `/p/subscriptions/${S.taxIds}/cancel`;
      const page = pageText(await (await browser.get(cancelPath)).text());
      expect(page).not.toContain("Before you go");
      expect(page).toContain("Cancel your subscription");
      h.emulator.clearLog();
      const res = await browser.post(`/p/subscriptions/${S.taxIds}/retention`, await browser.csrfFields());
      expect(res.status).toBe(409);
      expect(h.emulator.writes()).toEqual([]);
    });
  });

  it("sends payment method and customer update flows to part B's pages", async () => {
    const pm = await openFullPortal(h, { flow_data: { type: "payment_method_update" } });
    expect((await pm.get("/p")).headers.get("Location")).toBe("/p/payment-methods/add");
    const cu = await openFullPortal(h, {
      flow_data: { type: "customer_update" } as Stripe.BillingPortal.SessionCreateParams.FlowData,
    });
    expect((await cu.get("/p")).headers.get("Location")).toBe("/p/billing");
  });
});
