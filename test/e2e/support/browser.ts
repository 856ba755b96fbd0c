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
  // A page answers in well under a second here; waiting 30 s only delays the failure report.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on("pageerror", (error) => problems.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A page answered with 4xx (a form sent back with errors is a 422) is logged as a failed
    // load; that is the portal working. Failed subresources are caught below instead.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.errors.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "document" && response.status() >= 400) {
      problems.errors.push(`${type} ${response.url()} answered ${response.status()}`);
    }
  });
  page.on("requestfailed", (request) => {
    // ERR_ABORTED is the browser dropping a request because the page moved on (a favicon
    // still loading when the test clicks): a cancellation, not a failure.
    if (request.resourceType() !== "document" && request.failure()?.errorText !== "net::ERR_ABORTED") {
      problems.errors.push(
        `${request.resourceType()} ${request.url()} failed: ${request.failure()?.errorText}`,
      );
    }
  });
  return { context, page, problems };
}

/** The text a person sees in a region of the page (hidden nodes left out), `main` by default. */
export async function visibleText(page: Page, selector = "main"): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
  return page.locator(selector).innerText();
}
