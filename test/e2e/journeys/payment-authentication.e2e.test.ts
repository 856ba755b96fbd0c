/**
 * 3-D Secure in a real browser, with JavaScript off as the portal promises: Sandra (`sca`) pays
 * with a card that always asks her bank. An upgrade charged now takes her to the bank's page
 * (the emulator's stand-in for Stripe's test page) and back to the portal with the new plan.
 */
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, emulatorOrigin, portalOrigin, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

describe("payment authentication (3-D Secure)", () => {
  test("an upgrade charged now goes through the bank's page and comes back applied", async () => {
    const { page, journey } = await beginJourney("sca-upgrade", { javaScriptEnabled: false });
    const session = await createSession({ customer: DEMO.customers.sca, return_url: RETURN_URL });
    await page.goto(session.url);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your billing");

    await page.getByRole("link", { name: "Update plan" }).click();
    // A new interval restarts the period, so the change is invoiced (and the bank asked) now.
    await page.getByRole("link", { name: "Yearly" }).click();
    await page.getByRole("radio", { name: /Pro/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Confirm your new plan");
    await page.getByRole("button", { name: /^Confirm and pay \$/ }).click();

    // The bank's page: on the emulator's origin, nothing changed yet.
    await expect.poll(() => page.url()).toContain(`${emulatorOrigin}/hosted/authenticate/pi_`);
    expect(await visibleText(page, "body")).toContain("Complete authentication");
    await journey.state("bank-page", { axe: false, layout: false });
    const pending = await stripe.subscriptions.retrieve(DEMO.subscriptions.sca);
    expect(pending.items.data[0]?.price.id).toBe(DEMO.prices.basicMonthly);

    await page.getByRole("button", { name: "Complete authentication" }).click();
    await expect.poll(() => page.url()).toBe(`${portalOrigin}/p?notice=plan_updated`);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your plan has been updated.");
    const home = await visibleText(page);
    expect(home).toContain("Pro");
    expect(home).toContain("$290.00 per year");
    await journey.state("home-upgraded");
    journey.expectNoPageErrors();

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.sca);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.proYearly);
    expect(sub.pending_update).toBeNull();
  });

  test("failing the bank's page leaves the plan as it was and says so", async () => {
    const { page, journey } = await beginJourney("sca-upgrade-failed", { javaScriptEnabled: false });
    const session = await createSession({ customer: DEMO.customers.sca, return_url: RETURN_URL });
    await page.goto(session.url);
    await page.getByRole("link", { name: "Update plan" }).click();
    await page.getByRole("link", { name: "Yearly" }).click();
    await page.getByRole("radio", { name: /Pro/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: /^Confirm and pay \$/ }).click();
    await expect.poll(() => page.url()).toContain("/hosted/authenticate/");
    await page.getByRole("button", { name: "Fail authentication" }).click();

    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Your payment wasn't confirmed");
    expect(page.url()).toContain(`${portalOrigin}/p/payments/return?payment_intent=pi_`);
    await journey.state("authentication-failed");
    journey.expectNoPageErrors();
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.sca);
    expect(sub.items.data[0]?.price.id).toBe(DEMO.prices.basicMonthly);
    expect(sub.pending_update).toBeNull();
  });
});
