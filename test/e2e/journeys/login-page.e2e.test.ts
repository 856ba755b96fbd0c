/**
 * The no-code login page in a real browser: the shareable link of the demo configuration,
 * an email, the one-time code from the dev outbox, and the portal that opens for the right
 * customer; a wrong code first, to see the error the customer would see.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { portal, portalOrigin } from "../support/servers-client";

useBrowser();

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** The newest code the dev outbox holds for `to` (the outbox page lists newest first). */
async function codeFor(to: string): Promise<string> {
  const html = await (await fetch(`${portalOrigin}/dev/outbox`)).text();
  const articles = html.split("<article").slice(1);
  const mine = articles.find((a) => a.includes(`<strong>${to}</strong>`));
  const code = /<pre[^>]*>[^<]*?(\d{6})/.exec(mine ?? "")?.[1];
  if (!code) throw new Error(`no code for ${to} in the outbox`);
  return code;
}

describe("no-code login page", () => {
  test("email, a wrong code, then the emailed code opens the customer's portal", async () => {
    const { page, journey } = await beginJourney("login-page");
    const configs = await portal.billingPortal.configurations.list({ is_default: true, limit: 1 });
    const loginUrl = configs.data[0]?.login_page.url;
    expect(loginUrl).toMatch(/\/p\/login\//);

    await page.goto(`${loginUrl}?prefilled_email=${encodeURIComponent("mia@example.com")}`);
    await expect.poll(() => h1(page)).toBe("Sign in to your billing portal");
    expect(await page.getByLabel("Email address").inputValue()).toBe("mia@example.com");
    await journey.state("login-email");

    await page.getByRole("button", { name: "Send code" }).click();
    await expect.poll(() => h1(page)).toBe("Check your email");
    expect(await visibleText(page)).toContain("If mia@example.com belongs to a customer account");
    await journey.state("login-code");

    const code = await codeFor("mia@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => visibleText(page)).toContain("That code isn't right. You have 4 more tries.");
    await journey.state("login-code-wrong");

    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.url()).toBe(`${portalOrigin}/p`);
    const home = await visibleText(page);
    expect(home).toContain("Mia Monthly");
    await journey.state("login-home");
    journey.expectNoPageErrors();
  });
});
