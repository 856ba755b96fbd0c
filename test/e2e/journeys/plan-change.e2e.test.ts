/**
 * Plan changes in a real browser: the interval toggle, the preview, confirm, and what Stripe
 * holds afterwards. Mia (`monthly`) is on Basic monthly, $9, quantity 1.
 */
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { expectFieldError } from "../support/a11y-checks";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

async function openMonthly(name: string) {
  const start = await beginJourney(name);
  const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
  await start.page.goto(session.url);
  return start;
}

describe("plan change", () => {
  test("monthly to another product's yearly price: the preview shows prorations and what is due, confirm applies it", async () => {
    const { page, journey } = await openMonthly("plan-monthly-to-yearly");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your billing");
    await journey.state("home");

    await page.getByRole("link", { name: "Update plan" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Change your plan");
    await journey.state("picker-monthly");

    await page.getByRole("link", { name: "Yearly" }).click();
    await page.getByRole("radio", { name: /Pro/ }).check();
    await journey.state("picker-yearly-pro");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Confirm your new plan");
    const summary = await visibleText(page);
    expect(summary).toContain("Basic");
    expect(summary).toContain("Pro");
    expect(summary).toContain("Adjustments for the current billing period");
    expect(summary).toMatch(/[-−]\$\d+\.\d\d/);
    expect(summary).toContain("Due today");
    // After today's prorated charge, the next regular invoice is a full year of Pro (the
    // portal asks Stripe for it with `preview_mode=recurring`).
    expect
      .soft(summary, "the next invoice after the change is a full year of Pro")
      .toMatch(/Next invoice\s+\$290\.00 on \w+ \d+, \d{4}/);
    const pay = page.getByRole("button", { name: /^Confirm and pay \$/ });
    const previewed = ((await pay.textContent()) ?? "").replace("Confirm and pay ", "");
    await journey.state("preview");

    await pay.click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your plan has been updated.");
    await journey.state("home-updated");
    journey.expectNoPageErrors();

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.proYearly);
    // What the customer saw as due today is what Stripe invoiced for the change.
    const invoices = await stripe.invoices.list({ customer: DEMO.customers.monthly, limit: 1 });
    const latest = invoices.data[0];
    expect(latest?.billing_reason).toBe("subscription_update");
    expect(`$${((latest?.amount_due ?? 0) / 100).toFixed(2)}`).toBe(previewed);
  });

  test("monthly to the same plan's yearly price is cheaper in the long run: scheduled for the period end", async () => {
    const { page, journey } = await openMonthly("plan-monthly-to-yearly-scheduled");
    await page.getByRole("link", { name: "Update plan" }).click();
    await page.getByRole("link", { name: "Yearly" }).click();
    await page.getByRole("radio", { name: /Basic/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => visibleText(page)).toContain("Nothing is charged today");
    await journey.state("preview-scheduled");

    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your plan change has been scheduled for the end of the billing period.");
    await journey.state("home-scheduled");

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.basicMonthly);
    expect(sub.schedule).toBeTruthy();
    const schedule = await stripe.subscriptionSchedules.retrieve(String(sub.schedule));
    expect(schedule.phases.at(-1)?.items[0]?.price).toBe(DEMO.prices.basicYearly);
  });

  test("quantity: an out-of-range number is refused with an announced error, then 3 seats are applied", async () => {
    const { page, journey } = await openMonthly("plan-quantity");
    await page.getByRole("link", { name: "Update plan" }).click();

    await page.getByLabel("Quantity", { exact: true }).fill("99");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectFieldError(page, "quantity", "Enter a quantity between 1 and 50.");
    await journey.state("quantity-error");

    await page.getByLabel("Quantity", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => visibleText(page)).toContain("3 units");
    await journey.state("preview-quantity");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your plan has been updated.");
    await journey.state("home-quantity");

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.items.data[0]?.quantity).toBe(3);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.basicMonthly);
  });

  test("promotion code: an expired code is refused and kept in the field, WELCOME10 is applied", async () => {
    const { page, journey } = await openMonthly("plan-promotion-code");
    await page.getByRole("link", { name: "Update plan" }).click();

    await page.getByLabel("Promotion code (optional)").fill("EXPIRED5");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectFieldError(page, "promotion-code", "This promotion code has expired.");
    expect(await page.getByLabel("Promotion code (optional)").inputValue()).toBe("EXPIRED5");
    await journey.state("promotion-expired");

    await page.getByLabel("Promotion code (optional)").fill("WELCOME10");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => visibleText(page)).toContain("WELCOME10");
    await journey.state("preview-promotion");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your plan has been updated.");
    await journey.state("home-promotion");

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly, { expand: ["discounts"] });
    const discounts = sub.discounts.map((d) => (typeof d === "string" ? d : d.promotion_code));
    expect(discounts).toContain(DEMO.promotionCodes.welcome);
  });
});
