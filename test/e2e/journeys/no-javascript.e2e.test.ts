/**
 * The main journeys with JavaScript switched off in the browser: plain links and forms,
 * POST then redirect then GET. Each ends with what Stripe now holds.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { beginJourney, useBrowser } from "../support/fixtures";
import { MERCHANT_HEADING } from "../support/merchant-site";
import { createSession, merchantOrigin, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const notice = (page: Page) => page.getByRole("status").first().textContent();

async function openHome(name: string, customer: string = DEMO.customers.monthly) {
  const start = await beginJourney(name, { javaScriptEnabled: false });
  const session = await createSession({ customer, return_url: RETURN_URL });
  await start.page.goto(session.url);
  await expect.poll(() => h1(start.page)).toBe("Your billing");
  // The browser really runs no page script: an inserted <script> stays inert.
  const ran = await start.page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.documentElement.dataset.scriptRan = 'yes'";
    document.head.append(script);
    return document.documentElement.dataset.scriptRan ?? "no";
  });
  expect(ran).toBe("no");
  return start;
}

describe("JavaScript disabled", () => {
  test("plan change to a yearly plan with the preview", async () => {
    const { page, journey } = await openHome("nojs-plan-change");
    await page.getByRole("link", { name: "Update plan" }).click();
    await page.getByRole("link", { name: "Yearly" }).click();
    await page.getByRole("radio", { name: /Enterprise/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => h1(page)).toBe("Confirm your new plan");
    await journey.state("preview");
    await page.getByRole("button", { name: /^Confirm and pay/ }).click();
    await expect.poll(() => notice(page)).toBe("Your plan has been updated.");
    await journey.state("home-updated");
    journey.expectNoPageErrors();
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.enterpriseYearly);
  });

  test("cancel at period end with a reason", async () => {
    const { page, journey } = await openHome("nojs-cancel");
    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await page.getByLabel("I don't use the service enough").check();
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect
      .poll(() => notice(page))
      .toBe("Your subscription will be cancelled at the end of the billing period.");
    await journey.state("home-cancel-scheduled");
    journey.expectNoPageErrors();
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.cancel_at_period_end || sub.cancel_at !== null).toBe(true);
    expect(sub.cancellation_details?.feedback).toBe("unused");
  });

  test("add a payment method through the Checkout stand-in", async () => {
    const { page, journey } = await openHome("nojs-payment-method");
    await page.getByRole("button", { name: "Add payment method" }).click();
    await page.getByLabel(/Mastercard ending 4444/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => notice(page)).toBe("Your new payment method was added and is now your default.");
    await journey.state("methods-added");
    journey.expectNoPageErrors();
    const customer = await stripe.customers.retrieve(DEMO.customers.monthly, {
      expand: ["invoice_settings.default_payment_method"],
    });
    if (customer.deleted) throw new Error("customer deleted");
    const pm = customer.invoice_settings.default_payment_method;
    expect(typeof pm === "object" && pm?.card?.last4).toBe("4444");
  });

  test("billing address and a tax ID with a format error first", async () => {
    const { page, journey } = await openHome("nojs-billing");
    await page.getByRole("link", { name: "Update information" }).click();
    const address = page.getByRole("group", { name: "Billing address" });
    await address.getByLabel("Address line 1").fill("1 Infinite Loop");
    await address.getByLabel("City").fill("Cupertino");
    await address.getByLabel("Postal code").fill("95014");
    await address.getByLabel("Country").selectOption("US");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => notice(page)).toBe("Your billing information was saved.");

    await page.getByLabel("Type").selectOption("us_ein");
    await page.getByLabel("Number").fill("12");
    await page.getByRole("button", { name: "Add tax ID" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("doesn't match the format");
    await journey.state("tax-id-error");
    await page.getByLabel("Number").fill("12-3456789");
    await page.getByRole("button", { name: "Add tax ID" }).click();
    await expect.poll(() => notice(page)).toBe("The tax ID was added.");
    journey.expectNoPageErrors();

    const customer = await stripe.customers.retrieve(DEMO.customers.monthly);
    if (customer.deleted) throw new Error("customer deleted");
    expect(customer.address?.city).toBe("Cupertino");
    const taxIds = await stripe.customers.listTaxIds(DEMO.customers.monthly);
    expect(taxIds.data.map((t) => t.value)).toEqual(["12-3456789"]);
  });

  test("a pause deep link ending with the hosted confirmation and the return link", async () => {
    const { page, journey } = await beginJourney("nojs-deep-link", { javaScriptEnabled: false });
    const session = await createSession({
      customer: DEMO.customers.monthly,
      return_url: RETURN_URL,
      flow_data: {
        type: "subscription_pause",
        subscription_pause: { subscription: DEMO.subscriptions.monthly },
        after_completion: { type: "hosted_confirmation", hosted_confirmation: { custom_message: "Paused." } },
      } as never,
    });
    await page.goto(session.url);
    await expect.poll(() => h1(page)).toBe("Pause payments");
    await page.getByLabel(/^3 months/).check();
    await page.getByRole("button", { name: "Pause payments" }).click();
    await expect.poll(() => h1(page)).toBe("All done");
    await journey.state("confirmation");
    await page.getByRole("link", { name: "Return to the website" }).click();
    await expect.poll(() => h1(page)).toBe(MERCHANT_HEADING);
    expect(page.url().startsWith(merchantOrigin)).toBe(true);
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.pause_collection?.resumes_at).toBeGreaterThan(Date.now() / 1000 + 85 * 86_400);
  });
});
