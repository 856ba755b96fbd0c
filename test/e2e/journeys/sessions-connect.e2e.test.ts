/**
 * Sessions that lead nowhere (an unknown link, an expired one, one that expired while open)
 * and a Connect session on the demo connected account: its branding, an action, and proof
 * that every Stripe call carried the account.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { MERCHANT_HEADING } from "../support/merchant-site";
import {
  clearEmulatorLog,
  createSession,
  emulatorLog,
  portalOrigin,
  RETURN_URL,
  stripe,
} from "../support/servers-client";
import { expireSession } from "../support/session-clock";

useBrowser();

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("sessions that ended", () => {
  test("an unknown link shows a 404 page that says the link is not valid", async () => {
    const { page, journey } = await beginJourney("session-unknown");
    const response = await page.goto(`${portalOrigin}/p/session/not-a-real-token-${Date.now()}`);
    expect(response?.status()).toBe(404);
    expect(await h1(page)).toBe("This link is not valid");
    await journey.state("unknown-link");
    // Without a session cookie, the portal's pages are not there either.
    expect((await page.goto(`${portalOrigin}/p`))?.status()).toBe(404);
    journey.expectNoPageErrors();
  });

  test("a link opened after it expired shows a 410 page with the way back to the merchant", async () => {
    const { page, journey } = await beginJourney("session-expired-unused");
    const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
    await expireSession(session.url);
    const response = await page.goto(session.url);
    expect(response?.status()).toBe(410);
    expect(await h1(page)).toBe("This link has expired");
    await journey.state("expired-link");
    await page.getByRole("link", { name: "Return to the website" }).click();
    await expect.poll(() => h1(page)).toBe(MERCHANT_HEADING);
    expect(page.url()).toBe(RETURN_URL);
    journey.expectNoPageErrors();
  });

  test("a session that expires while open: the next page and the next form post are refused, nothing changes", async () => {
    const { page, journey } = await beginJourney("session-expired-while-open");
    const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
    await page.goto(session.url);
    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await expect.poll(() => h1(page)).toBe("Cancel your subscription");

    await expireSession(session.url);
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect.poll(() => h1(page)).toBe("This link has expired");
    await journey.state("expired-on-submit");
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.cancel_at_period_end).toBe(false);
    expect(sub.cancel_at).toBeNull();

    const reload = await page.goto(`${portalOrigin}/p`);
    expect(reload?.status()).toBe(410);
    journey.expectNoPageErrors();
  });
});

describe("Connect", () => {
  test("a session on the connected account: its branding, a cancel with a reason, every Stripe call for that account", async () => {
    const { page, journey } = await beginJourney("connect-session");
    const session = await createSession(
      { customer: DEMO.connect.customer, return_url: RETURN_URL, locale: "en" },
      DEMO_ACCOUNT,
    );
    await clearEmulatorLog();
    await page.goto(session.url);
    expect(await visibleText(page, "body")).toContain("Demo Connected Shop: manage your plan.");
    expect(await visibleText(page)).toContain("Jonas Verbunden");
    // The connected account's own configuration colours the primary button.
    const primary = page.getByRole("link", { name: "Update plan" });
    expect(await primary.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(15, 118, 110)");
    await journey.state("home");

    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await page.getByLabel("I'm switching to a different service").check();
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Your subscription will be cancelled at the end of the billing period.");
    await journey.state("home-cancel-scheduled");
    journey.expectNoPageErrors();

    const calls = await emulatorLog();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.account !== DEMO_ACCOUNT).map((c) => `${c.method} ${c.path}`)).toEqual(
      [],
    );
    const sub = await stripe.subscriptions.retrieve(
      DEMO.connect.subscription,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(sub.cancel_at_period_end || sub.cancel_at !== null).toBe(true);
    expect(sub.cancellation_details?.feedback).toBe("switched_service");
    // The platform's own account has no such subscription.
    await expect(stripe.subscriptions.retrieve(DEMO.connect.subscription)).rejects.toThrow(
      /No such subscription/,
    );
  });
});
