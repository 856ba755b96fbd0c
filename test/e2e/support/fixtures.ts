/**
 * Per-file and per-journey setup: one Chromium per test file, and for every journey a fresh
 * emulator seed and a fresh browser context (no cookies), closed when the test ends.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { launchBrowser, openPage, type PageOptions, visibleText } from "./browser";
import { Journey } from "./journey";
import { resetEmulator } from "./servers-client";

let browser: Browser | undefined;

/** Starts Chromium before the file's tests and closes it after them. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

export interface JourneyStart {
  page: Page;
  context: BrowserContext;
  journey: Journey;
}

/**
 * Starts a journey from the seeded Stripe data in a new browser context; `name` is also the
 * screenshot folder.
 */
export async function beginJourney(name: string, options: PageOptions = {}): Promise<JourneyStart> {
  if (!browser) throw new Error("call useBrowser() in the test file first");
  await resetEmulator();
  const { context, page, problems } = await openPage(browser, options);
  const journey = new Journey(page, name, problems, options.javaScriptEnabled !== false);
  onTestFinished(async ({ task }) => {
    // Where the customer was when it failed: a screenshot and the page's text in the output.
    if (task.result?.state === "fail") {
      try {
        await page.screenshot({ path: `${journey.dir}/failed.png`, fullPage: true });
        const text = await visibleText(page, (await page.locator("main").count()) > 0 ? "main" : "body");
        console.error(`[${name}] failed at ${page.url()}\n${text.slice(0, 1_500)}`);
      } catch {
        // the page is gone; the assertion message is all there is
      }
    }
    await context.close();
  });
  return { page, context, journey };
}
