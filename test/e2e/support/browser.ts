/** Chromium via playwright-core, with the flags that keep it quiet and offline. */
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "./paths";

/** The default window: a laptop. The layout checks also try 360 and 768 px. */
export const DESKTOP = { width: 1280, height: 900 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface PageOptions {
  javaScriptEnabled?: boolean;
  /** The browser's language (Accept-Language); the session's `locale` wins over it. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** What went wrong inside the page: script errors, console errors, CSP refusals. */
export interface PageProblems {
  errors: string[];
}

/**
 * A fresh context (no cookies) and page. The portal's CSP stays on: axe is injected through
 * the DevTools protocol, which a page's CSP does not govern, so a CSP mistake still shows.
 */
export async function openPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "en-US",
    viewport: options.viewport ?? DESKTOP,
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on("pageerror", (error) => problems.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.errors.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}
