/**
 * Keyboard only (Tab, Enter, Space and typing): a plan change and a cancel from the home
 * page to the result, with the focus visible at every stop on the way, and the skip link.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { focusStop, tabTo } from "../support/a11y-checks";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const notice = (page: Page) => page.getByRole("status").first().textContent();

async function openHome(name: string) {
  const start = await beginJourney(name);
  const session = await createSession({ customer: DEMO.customers.monthly, return_url: RETURN_URL });
  await start.page.goto(session.url);
  await expect.poll(() => h1(start.page)).toBe("Your billing");
  return start;
}

describe("keyboard only", () => {
  test("the skip link is the first stop, shows when focused, and moves focus to the content", async () => {
    const { page, journey } = await openHome("keyboard-skip-link");
    const stop = await tabTo(page, /^Skip to content$/, 1);
    expect(stop.visible).toBe(true);
    const box = await page.getByRole("link", { name: "Skip to content" }).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(20);
    expect(box?.height ?? 0).toBeGreaterThan(10);
    await journey.state("skip-link-focused", { layout: false });
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    // The next Tab continues from the content, not from the top of the page again.
    await page.keyboard.press("Tab");
    expect((await focusStop(page))?.name).not.toBe("Skip to content");
  });

  test("plan change: Update plan, Yearly, a plan, Continue, Confirm", async () => {
    const { page, journey } = await openHome("keyboard-plan-change");
    await tabTo(page, /^Update plan$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("Change your plan");

    await tabTo(page, /^Yearly$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("interval=");
    // No yearly plan is chosen yet, so Tab stops on the group's first option: Basic yearly.
    await tabTo(page, /^Basic/);
    await page.keyboard.press("Space");
    expect(await page.getByRole("radio", { name: /Basic/ }).isChecked()).toBe(true);
    await journey.state("picker-chosen-by-keyboard", { layout: false });
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("Confirm your new plan");

    await tabTo(page, /^Confirm/);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => notice(page))
      .toBe("Your plan change has been scheduled for the end of the billing period.");
    await journey.state("done", { layout: false });

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    const schedule = await stripe.subscriptionSchedules.retrieve(String(sub.schedule));
    expect(schedule.phases.at(-1)?.items[0]?.price).toBe(DEMO.prices.basicYearly);
  });

  test("cancel: Cancel subscription, a reason, a typed comment, confirm", async () => {
    const { page, journey } = await openHome("keyboard-cancel");
    await tabTo(page, /^Cancel subscription$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("Cancel your subscription");

    await tabTo(page, /^It's too expensive$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Anything else/);
    await page.keyboard.type("Typed with the keyboard only.");
    await journey.state("cancel-filled-by-keyboard", { layout: false });
    await tabTo(page, /^Cancel subscription$/);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => notice(page))
      .toBe("Your subscription will be cancelled at the end of the billing period.");

    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    expect(sub.cancel_at_period_end || sub.cancel_at !== null).toBe(true);
    expect(sub.cancellation_details?.feedback).toBe("too_expensive");
    expect(sub.cancellation_details?.comment).toBe("Typed with the keyboard only.");
  });
});
