/**
 * Every deep-link flow with every `after_completion`: the session opens on the flow's page,
 * keeps the customer there, and ends with a redirect to the merchant, the hosted confirmation
 * (custom message or the default one), or the portal home. Each checks Stripe afterwards.
 */
import type { Page } from "playwright-core";
import type Stripe from "stripe";
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { MERCHANT_HEADING } from "../support/merchant-site";
import { createSession, merchantOrigin, portalOrigin, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

const DONE_URL = `${merchantOrigin}/billing-done`;
const CUSTOM_MESSAGE = "Thanks! Your change is saved. Demo Cloud";
const SUB = DEMO.subscriptions.monthly;
const CUSTOMER = DEMO.customers.monthly;

type FlowData = Stripe.BillingPortal.SessionCreateParams.FlowData;

interface FlowCase {
  type: FlowData["type"];
  data(): Promise<Omit<FlowData, "after_completion">>;
  entryHeading: string;
  /** Does what the flow is for, from its first page. */
  complete(page: Page): Promise<void>;
  /** The default confirmation text, and the home notice when it ends on the home page. */
  confirmation: string;
  homeNotice: string;
  /** What Stripe must hold afterwards. */
  verify(): Promise<void>;
}

const FLOWS: FlowCase[] = [
  {
    type: "subscription_update",
    data: async () => ({ type: "subscription_update", subscription_update: { subscription: SUB } }),
    entryHeading: "Change your plan",
    complete: async (page) => {
      await page.getByRole("radio", { name: /Pro/ }).check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: /^Confirm/ }).click();
    },
    confirmation: "Your plan has been updated.",
    homeNotice: "Your plan has been updated.",
    verify: async () => {
      const sub = await stripe.subscriptions.retrieve(SUB);
      expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.proMonthly);
    },
  },
  {
    type: "subscription_update_confirm",
    data: async () => {
      const sub = await stripe.subscriptions.retrieve(SUB);
      const item = String(sub.items.data[0]?.id);
      return {
        type: "subscription_update_confirm",
        subscription_update_confirm: {
          subscription: SUB,
          items: [{ id: item, price: DEMO.prices.proMonthly, quantity: 2 }],
        },
      };
    },
    entryHeading: "Confirm your new plan",
    complete: async (page) => {
      await page.getByRole("button", { name: /^Confirm/ }).click();
    },
    confirmation: "Your plan has been updated.",
    homeNotice: "Your plan has been updated.",
    verify: async () => {
      const sub = await stripe.subscriptions.retrieve(SUB);
      expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.proMonthly);
      expect(sub.items.data[0]?.quantity).toBe(2);
    },
  },
  {
    type: "subscription_cancel",
    data: async () => ({ type: "subscription_cancel", subscription_cancel: { subscription: SUB } }),
    entryHeading: "Cancel your subscription",
    complete: async (page) => {
      await page.getByLabel("It's too expensive").check();
      await page.getByRole("button", { name: "Cancel subscription" }).click();
    },
    confirmation:
      "Your subscription has been cancelled. You can keep using it until the end of the billing period.",
    homeNotice: "Your subscription will be cancelled at the end of the billing period.",
    verify: async () => {
      const sub = await stripe.subscriptions.retrieve(SUB);
      expect(sub.cancel_at_period_end || sub.cancel_at !== null).toBe(true);
      expect(sub.cancellation_details?.feedback).toBe("too_expensive");
    },
  },
  {
    type: "subscription_pause",
    data: async () => ({ type: "subscription_pause", subscription_pause: { subscription: SUB } }) as FlowData,
    entryHeading: "Pause payments",
    complete: async (page) => {
      await page.getByLabel(/^2 weeks/).check();
      await page.getByRole("button", { name: "Pause payments" }).click();
    },
    confirmation: "Payments for your subscription are paused.",
    homeNotice: "Payments for your subscription are paused.",
    verify: async () => {
      const sub = await stripe.subscriptions.retrieve(SUB);
      expect(sub.pause_collection?.resumes_at).toBeGreaterThan(Date.now() / 1000 + 13 * 86_400);
    },
  },
  {
    type: "payment_method_update",
    data: async () => ({ type: "payment_method_update" }),
    entryHeading: "Add a payment method",
    complete: async (page) => {
      await page.getByRole("button", { name: "Add payment method" }).click();
      await page.getByLabel(/Mastercard ending 4444/).check();
      await page.getByRole("button", { name: "Save" }).click();
    },
    confirmation: "Your new payment method has been saved and will be used for future payments.",
    homeNotice: "Your payment method has been added.",
    verify: async () => {
      const customer = await stripe.customers.retrieve(CUSTOMER, {
        expand: ["invoice_settings.default_payment_method"],
      });
      if (customer.deleted) throw new Error("customer deleted");
      const pm = customer.invoice_settings.default_payment_method;
      expect(typeof pm === "object" && pm?.card?.last4).toBe("4444");
    },
  },
  {
    type: "customer_update",
    data: async () => ({ type: "customer_update" }) as FlowData,
    entryHeading: "Billing information",
    complete: async (page) => {
      await page.getByLabel("Name", { exact: true }).fill("Mia M. Monthly");
      await page.getByRole("button", { name: "Save" }).click();
    },
    confirmation: "Your billing information has been updated.",
    homeNotice: "Your billing information has been updated.",
    verify: async () => {
      const customer = await stripe.customers.retrieve(CUSTOMER);
      expect(customer.deleted ? null : customer.name).toBe("Mia M. Monthly");
    },
  },
];

type Ending = "redirect" | "hosted_confirmation" | "portal_homepage" | "default";
const ENDINGS: Ending[] = ["redirect", "hosted_confirmation", "portal_homepage", "default"];

function afterCompletion(ending: Ending): FlowData["after_completion"] | undefined {
  switch (ending) {
    case "redirect":
      return { type: "redirect", redirect: { return_url: DONE_URL } };
    case "hosted_confirmation":
      return { type: "hosted_confirmation", hosted_confirmation: { custom_message: CUSTOM_MESSAGE } };
    case "portal_homepage":
      return { type: "portal_homepage" };
    default:
      return undefined;
  }
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe.each(FLOWS)("deep link: $type", (flow) => {
  test.each(ENDINGS)("after_completion %s", async (ending) => {
    const { page, journey } = await beginJourney(`flow-${flow.type}-${ending}`);
    const after = afterCompletion(ending);
    const flowData = { ...(await flow.data()), ...(after ? { after_completion: after } : {}) } as FlowData;
    const session = await createSession({ customer: CUSTOMER, return_url: RETURN_URL, flow_data: flowData });
    await page.goto(session.url);
    await expect.poll(() => h1(page)).toBe(flow.entryHeading);
    const entryUrl = page.url();
    await journey.state("entry");

    if (ending === "default") {
      // Inside a flow the rest of the portal is out of reach: home and other sections lead
      // back to the flow's page (or are not there at all).
      await page.goto(`${portalOrigin}/p`);
      expect(page.url()).toBe(entryUrl);
      const invoices = await page.goto(`${portalOrigin}/p/invoices`);
      expect(invoices?.status()).toBe(404);
      expect(await h1(page)).toBe("Page not found");
      await page.goto(entryUrl);
    }

    await flow.complete(page);
    switch (ending) {
      case "redirect":
        await expect.poll(() => h1(page)).toBe(MERCHANT_HEADING);
        expect(page.url()).toBe(DONE_URL);
        break;
      case "hosted_confirmation":
        await expect.poll(() => h1(page)).toBe("All done");
        expect(await visibleText(page)).toContain(CUSTOM_MESSAGE);
        await journey.state("confirmation");
        await page.getByRole("link", { name: "Return to the website" }).click();
        await expect.poll(() => h1(page)).toBe(MERCHANT_HEADING);
        expect(page.url()).toBe(RETURN_URL);
        break;
      case "portal_homepage":
        await expect.poll(() => h1(page)).toBe("Your billing");
        expect(await page.getByRole("status").first().textContent()).toBe(flow.homeNotice);
        await journey.state("home");
        break;
      default:
        await expect.poll(() => h1(page)).toBe("All done");
        expect(await visibleText(page)).toContain(flow.confirmation);
        await journey.state("confirmation");
    }
    journey.expectNoPageErrors();
    await flow.verify();
  });
});
