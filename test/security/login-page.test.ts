/**
 * The login page under hostile input: markup and junk in every query parameter and form
 * field it reads, oversized bodies, and guessing. It must never fail with a 5xx, reflect
 * markup, write to Stripe, or open a session without the emailed code.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness";
import { pageText } from "../helpers/portal-session";
import {
  clearLoginState,
  enableLoginPage,
  LoginBrowser,
  latestCode,
} from "../integration/login/login-browser";

const VALUES = [
  "__proto__",
  '"><script>alert(1)</script>',
  "<img src=x onerror=alert(1)>",
  "x".repeat(5000),
  "%E0%A4%A",
  "a@b.c\u0000<script>alert(1)</script>",
  "mia@example.com\r\nBcc: everyone@example.com",
];

describe("login page under hostile input", () => {
  let h: Harness;
  let path: string;

  beforeAll(async () => {
    h = createHarness();
    await clearLoginState();
    path = (await enableLoginPage(h)).path;
  });

  it("hostile query parameters: no 5xx, no reflected markup, no writes", async () => {
    h.emulator.clearLog();
    for (const page of [path, `${path}/code`]) {
      for (const value of VALUES) {
        const q = encodeURIComponent(value);
        const res = await new LoginBrowser(h).get(`${page}?prefilled_email=${q}&locale=${q}`);
        expect(res.status, `${page} ${value.slice(0, 20)}`).toBeLessThan(500);
        const html = await res.text();
        expect(html).not.toContain("<script>alert");
        expect(html).not.toContain("<img src=x");
      }
    }
    expect(h.emulator.writes()).toEqual([]);
  });

  it("hostile form fields: no 5xx, no reflected markup, no session, no email to a forged address", async () => {
    await clearLoginState();
    for (const value of VALUES) {
      const browser = new LoginBrowser(h);
      const asked = await browser.requestCode(path, value);
      expect(asked.status).toBeLessThan(500);
      const html = await asked.text();
      expect(html).not.toContain("<script>alert");
      const code = await browser.submit(`${path}/code`, { code: value }).catch(() => null);
      if (code) {
        expect(code.status).toBeLessThan(500);
        expect(await code.text()).not.toContain("<script>alert");
      }
      expect(browser.cookies.has("portal_session")).toBe(false);
    }
    // The header-injection attempt is not an address, so nothing was sent for it.
    expect(await latestCode("mia@example.com\r\nBcc: everyone@example.com")).toBeNull();
    expect(h.emulator.writes()).toEqual([]);
  });

  it("guessing: a code never works for an address that matched nobody, and tries run out", async () => {
    await clearLoginState();
    const browser = new LoginBrowser(h);
    await browser.requestCode(path, "stranger@example.com");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await browser.post(`${path}/code`, {
            _csrf: browser.cookies.get("login_form") ?? "",
            code: String(100000 + i),
          })
        ).status,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 410, 410]);
    expect(browser.cookies.has("portal_session")).toBe(false);
  });

  it("KV never holds a passcode or a challenge id in clear", async () => {
    await clearLoginState();
    const browser = new LoginBrowser(h);
    await browser.requestCode(path, "mia@example.com");
    const code = (await latestCode("mia@example.com")) ?? "";
    const challengeId = browser.cookies.get("login_challenge") ?? "";
    expect(challengeId.length).toBeGreaterThan(20);
    const listed = await env.SESSIONS.list({ prefix: "login-challenge:" });
    expect(listed.keys.length).toBeGreaterThan(0);
    for (const key of listed.keys) {
      expect(key.name).not.toContain(challengeId);
      const value = (await env.SESSIONS.get(key.name)) ?? "";
      expect(value).not.toContain(challengeId);
      expect(value).not.toContain(`"${code}"`);
    }
    expect(pageText(await (await browser.get(`${path}/code`)).text())).not.toContain(code);
  });
});
