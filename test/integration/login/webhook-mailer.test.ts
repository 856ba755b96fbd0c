/**
 * The production mail transport: with LOGIN_EMAIL_WEBHOOK_URL and its secret set, the passcode
 * email goes to the merchant's endpoint as signed JSON (and not to the dev outbox).
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../emulator";
import { createApp } from "../../../worker/app";
import { signatureHeader } from "../../../worker/login/mail/webhook-mailer";
import { DEFAULT_START } from "../../helpers/harness";
import { PORTAL_ORIGIN, parseForms } from "../../helpers/portal-session";
import { clearLoginState, sentCount } from "./login-browser";

const SECRET = "whsec_test_login_mail";
const HOOK = "https://mailer.merchant.example/portal-login";

interface Captured {
  url: string;
  headers: Headers;
  body: string;
}

let sent: Captured[];
let answer: number;

function appWithWebhook() {
  const emulator = createEmulator({ now: () => DEFAULT_START });
  const app = createApp({
    stripeFetch: emulator.fetch,
    now: () => DEFAULT_START,
    outboundFetch: async (input, init) => {
      sent.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
      return new Response(null, { status: answer });
    },
  });
  const bindings = {
    ...env,
    PORTAL_ENV: "production",
    PORTAL_API_KEYS: "sk_live_merchant",
    LOGIN_EMAIL_WEBHOOK_URL: HOOK,
    LOGIN_EMAIL_WEBHOOK_SECRET: SECRET,
  };
  return (path: string, init?: RequestInit) => app.request(path, init, bindings);
}

async function askForCode(request: ReturnType<typeof appWithWebhook>, email: string): Promise<Response> {
  const created = await request("/v1/billing_portal/configurations", {
    method: "POST",
    headers: {
      Authorization: "Bearer sk_live_merchant",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "features[invoice_history][enabled]=true&login_page[enabled]=true",
  });
  expect(created.status).toBe(200);
  const url = ((await created.json()) as { login_page: { url: string } }).login_page.url;
  const path = new URL(url).pathname;
  const page = await request(path, { headers: { "Accept-Language": "fr" } });
  const cookie = (page.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const form = parseForms(await page.text()).find((f) => f.method === "post");
  return request(path, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: PORTAL_ORIGIN,
      "Sec-Fetch-Site": "same-origin",
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": "fr",
    },
    body: new URLSearchParams({ ...form?.fields, email }).toString(),
  });
}

beforeEach(async () => {
  sent = [];
  answer = 204;
  await clearLoginState();
});

describe("login email webhook", () => {
  it("posts the email as JSON signed with the secret", async () => {
    const res = await askForCode(appWithWebhook(), "mia@example.com");
    expect(res.status).toBe(303);
    expect(sent).toHaveLength(1);
    const [call] = sent;
    expect(call?.url).toBe(HOOK);
    const body = JSON.parse(call?.body ?? "{}") as {
      type: string;
      email: { to: string; passcode: string; locale: string };
    };
    expect(body.type).toBe("portal.login_code");
    expect(body.email.to).toBe("mia@example.com");
    expect(body.email.passcode).toMatch(/^\d{6}$/);
    expect(body.email.locale).toBe("fr");
    const timestamp = Math.floor(DEFAULT_START / 1000);
    expect(call?.headers.get("Portal-Signature")).toBe(
      await signatureHeader(SECRET, timestamp, call?.body ?? ""),
    );
    expect(await sentCount("mia@example.com")).toBe(0);
  });

  it("sends nothing for an unknown address, and a failing endpoint does not change the page", async () => {
    const request = appWithWebhook();
    expect((await askForCode(request, "nobody@example.com")).status).toBe(303);
    expect(sent).toHaveLength(0);
    answer = 500;
    expect((await askForCode(request, "mia@example.com")).status).toBe(303);
    expect(sent).toHaveLength(1);
  });
});
