/**
 * Cancel at period end with the reason survey, renew (undo it), the retention offer of a
 * cancel deep link, and pause then resume, each ending with what Stripe now holds.
 */
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

const h1 = (page: import("playwright-core").Page) => page.getByRole("heading", { level: 1 }).textContent();
const notice = (page: import("playwright-core").Page) => page.getByRole("status").first().textContent();

describe("cancel and renew", () => {
  test("cancel at period end with a reason and a comment, then renew", async () => {
    const { page, journey } = await beginJourney("cancel-then-renew");
    const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
    await page.goto(session.url);

    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await expect.poll(() => h1(page)).toBe("Cancel your subscription");
    expect(await visibleText(page)).toMatch(/Your subscription will end on \w+ \d+, \d{4}/);
    await journey.state("cancel-survey");

    await page.getByLabel("Some features are missing").check();
    await page.getByLabel("Anything else you'd like to share? (optional)").fill("I need an API export.");
    await journey.state("cancel-filled");
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect
      .poll(() => notice(page))
      .toBe("Your subscription will be cancelled at the end of the billing period.");
    expect(await visibleText(page)).toMatch(/Your subscription will be cancelled on/);
    await journey.state("home-cancel-scheduled");

    const canceling = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(canceling.status).toBe("active");
    expect(canceling.cancel_at_period_end || canceling.cancel_at !== null).toBe(true);
    expect(canceling.cancellation_details?.feedback).toBe("missing_features");
    expect(canceling.cancellation_details?.comment).toBe("I need an API export.");

    await page.getByRole("button", { name: "Renew subscription" }).click();
    await expect
      .poll(() => notice(page))
      .toBe("Your subscription will continue. The scheduled cancellation was removed.");
    await journey.state("home-renewed");
    journey.expectNoPageErrors();

    const renewed = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(renewed.cancel_at_period_end).toBe(false);
    expect(renewed.cancel_at).toBeNull();
  });

  test("a cancel deep link with a retention coupon: accepting keeps the subscription and applies the coupon", async () => {
    const { page, journey } = await beginJourney("cancel-retention-accepted");
    const session = await createSession({
      customer: DEMO.customers.monthly,
      return_url: RETURN_URL,
      flow_data: {
        type: "subscription_cancel",
        subscription_cancel: {
          subscription: DEMO.subscriptions.monthly,
          retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
        },
      },
    });
    await page.goto(session.url);
    await expect.poll(() => h1(page)).toBe("Before you go");
    expect(await visibleText(page)).toContain("25%");
    await journey.state("retention-offer");

    await page.getByRole("button", { name: "Accept offer" }).click();
    await expect.poll(() => h1(page)).toBe("All done");
    expect(await visibleText(page)).toContain("Your discount has been applied.");
    await journey.state("retention-accepted");
    journey.expectNoPageErrors();

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly, { expand: ["discounts"] });
    expect(sub.cancel_at_period_end).toBe(false);
    expect(sub.cancel_at).toBeNull();
    expect(sub.status).toBe("active");
    const coupons = sub.discounts.map((d) => (typeof d === "string" ? d : d.source?.coupon));
    expect(coupons.map((c) => (typeof c === "string" ? c : c?.id))).toContain(DEMO.coupons.retention);
  });
});

describe("pause", () => {
  test("pause payments for a month, see the resume date, then resume early", async () => {
    const { page, journey } = await beginJourney("pause-then-resume");
    const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
    await page.goto(session.url);

    await page.getByRole("link", { name: "Pause payments" }).click();
    await expect.poll(() => h1(page)).toBe("Pause payments");
    await journey.state("pause-durations");
    await page.getByLabel(/^1 month/).check();
    await page.getByRole("button", { name: "Pause payments" }).click();
    await expect.poll(() => notice(page)).toBe("Payments for your subscription are paused.");
    expect(await visibleText(page)).toMatch(
      /Payments are paused\. Your subscription resumes on \w+ \d+, \d{4}/,
    );
    await journey.state("home-paused");

    const paused = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(paused.pause_collection?.behavior).toBeTruthy();
    expect(paused.pause_collection?.resumes_at).toBeGreaterThan(Date.now() / 1000 + 27 * 86_400);

    await page.getByRole("button", { name: "Resume subscription" }).click();
    await expect.poll(() => notice(page)).toBe("Your subscription has resumed.");
    await journey.state("home-resumed");
    journey.expectNoPageErrors();

    const resumed = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(resumed.pause_collection).toBeNull();
  });
});
