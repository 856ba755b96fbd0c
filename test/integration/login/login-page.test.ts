/**
 * The no-code login page end to end in workerd: the API mints the link, a customer asks for a
 * code, the code (from the dev outbox) opens a portal session for the right customer, and
 * everything around it (wrong or expired codes, unknown addresses, forged posts, throttling,
 * a disabled page) changes nothing and reveals nothing.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { fullConfiguration, pageText } from "../../helpers/portal-session";
import { clearLoginState, enableLoginPage, LoginBrowser, latestCode, sentCount } from "./login-browser";

const MIA = "mia@example.com";

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  await clearLoginState();
});

async function logIn(browser: LoginBrowser, path: string, email: string): Promise<Response> {
  const asked = await browser.requestCode(path, email);
  expect(asked.status).toBe(303);
  const code = await latestCode(email);
  expect(code).toMatch(/^\d{6}$/);
  return browser.enterCode(path, code ?? "");
}

describe("login page: the API side", () => {
  it("enabling mints a link, disabling kills it, re-enabling mints a new one", async () => {
    const { path, configuration } = await enableLoginPage(h);
    expect((await new LoginBrowser(h).get(path)).status).toBe(200);

    const again = await h.portal.billingPortal.configurations.retrieve(configuration.id);
    expect(again.login_page).toEqual(configuration.login_page);

    const off = await h.portal.billingPortal.configurations.update(configuration.id, {
      login_page: { enabled: false },
    });
    expect(off.login_page).toEqual({ enabled: false, url: null });
    expect((await new LoginBrowser(h).get(path)).status).toBe(404);

    const on = await h.portal.billingPortal.configurations.update(configuration.id, {
      login_page: { enabled: true },
    });
    expect(on.login_page.url).not.toEqual(configuration.login_page.url);
    expect((await new LoginBrowser(h).get(new URL(on.login_page.url ?? "").pathname)).status).toBe(200);
  });

  it("an update that leaves login_page out keeps the same link", async () => {
    const { path, configuration } = await enableLoginPage(h);
    const updated = await h.portal.billingPortal.configurations.update(configuration.id, { name: "Renamed" });
    expect(updated.login_page).toEqual(configuration.login_page);
    expect((await new LoginBrowser(h).get(path)).status).toBe(200);
  });

  it("production without a mail webhook refuses to enable it, with a clear error", async () => {
    const prodEnv = { ...env, PORTAL_ENV: "production", PORTAL_API_KEYS: "sk_live_merchant" };
    const count = async () => {
      const list = await h.app.request(
        "/v1/billing_portal/configurations?limit=100",
        { headers: { Authorization: "Bearer sk_live_merchant" } },
        prodEnv,
      );
      return ((await list.json()) as { data: unknown[] }).data.length;
    };
    const before = await count();
    const res = await h.app.request(
      "/v1/billing_portal/configurations",
      {
        method: "POST",
        headers: {
          Authorization: "Bearer sk_live_merchant",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "features[invoice_history][enabled]=true&login_page[enabled]=true",
      },
      prodEnv,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { param: string; message: string } };
    expect(body.error.param).toBe("login_page[enabled]");
    expect(body.error.message).toContain("LOGIN_EMAIL_WEBHOOK_URL");
    expect(await count()).toBe(before);
  });

  it("a deactivated configuration closes its login page", async () => {
    const { path } = await enableLoginPage(h);
    // The first configuration is the default and cannot be deactivated: make a second one.
    const second = await enableLoginPage(h);
    await h.portal.billingPortal.configurations.update(second.configuration.id, { active: false });
    expect((await new LoginBrowser(h).get(second.path)).status).toBe(404);
    expect((await new LoginBrowser(h).get(path)).status).toBe(200);
  });

  it("an unknown or malformed slug is the 404 page", async () => {
    await enableLoginPage(h);
    for (const slug of ["AAAAAAAAAAAAAAAAAAAAAA", "x", "..%2F..", "%3Cscript%3E"]) {
      const res = await new LoginBrowser(h).get(`/p/login/${slug}`);
      expect(res.status, slug).toBe(404);
    }
  });
});

describe("login page: the customer side", () => {
  it("email, then the emailed code, opens the customer's portal", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    const page = await browser.get(`${path}?prefilled_email=${encodeURIComponent(MIA)}`);
    const html = await page.text();
    expect(pageText(html)).toContain("Sign in to your billing portal");
    expect(html).toContain(`value="${MIA}"`);

    const asked = await browser.requestCode(path, MIA);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("Location")).toBe(`${path}/code`);
    const codePage = pageText(await (await browser.get(`${path}/code`)).text());
    expect(codePage).toContain(`If ${MIA} belongs to a customer account`);

    const done = await browser.enterCode(path, (await latestCode(MIA)) ?? "");
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/p");
    expect(browser.cookies.has("portal_session")).toBe(true);
    expect(browser.cookies.has("login_challenge")).toBe(false);

    const home = await browser.get("/p");
    expect(home.status).toBe(200);
    const text = pageText(await home.text());
    expect(text).toContain("Mia Monthly");
    // The configuration's default return URL is the session's.
    expect(text).toContain("merchant.example");
  });

  it("the email is written in the page's language and carries nothing but the code", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h, { "Accept-Language": "de-DE,de;q=0.9" });
    await browser.requestCode(path, MIA);
    const { readOutbox } = await import("../../../worker/login/mail/dev-outbox");
    const message = (await readOutbox(env.SESSIONS, 100)).find((m) => m.to === MIA);
    expect(message?.locale).toBe("de");
    expect(message?.subject).toContain(message?.passcode ?? "missing");
    expect(message?.subject).not.toContain("billing portal code");
    expect(message?.text).not.toMatch(/https?:\/\//);
  });

  it("a login session cannot change the email address", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await logIn(browser, path, MIA);
    const billing = await (await browser.get("/p/billing")).text();
    expect(billing).toContain('name="name"');
    expect(billing).not.toContain('name="email"');
  });

  it("a typed address in another case still finds the customer", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.requestCode(path, "  Mia@Example.com ");
    const code = await latestCode("Mia@Example.com");
    expect(code).toMatch(/^\d{6}$/);
    expect((await browser.enterCode(path, code ?? "")).status).toBe(303);
    expect(pageText(await (await browser.get("/p")).text())).toContain("Mia Monthly");
  });

  it("picks the newest customer with that email that has an active subscription", async () => {
    const { path } = await enableLoginPage(h);
    const email = "shared@example.com";
    const older = await h.stripe.customers.create({ email, name: "Older Subscriber" });
    await h.stripe.subscriptions.create({
      customer: older.id,
      items: [{ price: DEMO.prices.basicMonthly }],
      collection_method: "send_invoice",
      days_until_due: 30,
    });
    h.clock.advance(60_000);
    await h.stripe.customers.create({ email, name: "Newer Without Plan" });
    const browser = new LoginBrowser(h);
    await logIn(browser, path, email);
    expect(pageText(await (await browser.get("/p")).text())).toContain("Older Subscriber");
  });

  it("without any subscription, the newest customer with that email gets in (invoice-only use)", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    const invoicesOnly = await h.stripe.customers.retrieve(DEMO.customers.invoicesOnly);
    const email = "email" in invoicesOnly ? (invoicesOnly.email ?? "") : "";
    await logIn(browser, path, email);
    expect(pageText(await (await browser.get("/p")).text())).toContain("Invoice history");
  });

  it("an unknown address gets the same pages, no email, and no code works", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    const asked = await browser.requestCode(path, "nobody@example.com");
    expect(asked.status).toBe(303);
    expect(asked.headers.get("Location")).toBe(`${path}/code`);
    expect(await sentCount("nobody@example.com")).toBe(0);
    const wrong = await browser.enterCode(path, "123456");
    expect(wrong.status).toBe(422);
    expect(pageText(await wrong.text())).toContain("That code isn't right. You have 4 more tries.");
    expect(browser.cookies.has("portal_session")).toBe(false);
  });

  it("an invalid address is a field error with the input kept, and nothing is sent", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    const res = await browser.requestCode(path, "not-an-address");
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(pageText(html)).toContain("Enter an email address like name@example.com.");
    expect(html).toContain('value="not-an-address"');
    expect(browser.cookies.has("login_challenge")).toBe(false);
  });

  it("five wrong codes end the challenge; the right one no longer works", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.requestCode(path, MIA);
    const right = (await latestCode(MIA)) ?? "";
    const wrong = right === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const res = await browser.enterCode(path, wrong);
      expect(pageText(await res.text())).toContain(
        left === 1 ? "You have 1 more try." : `You have ${left} more tries.`,
      );
    }
    const last = await browser.post(`${path}/code`, {
      _csrf: browser.cookies.get("login_form") ?? "",
      code: wrong,
    });
    expect(last.status).toBe(410);
    expect(pageText(await last.text())).toContain("This code can no longer be used");
    const late = await browser.post(`${path}/code`, {
      _csrf: browser.cookies.get("login_form") ?? "",
      code: right,
    });
    expect(late.status).toBe(410);
    expect(browser.cookies.has("portal_session")).toBe(false);
  });

  it("a code is good for 10 minutes and for one login", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.requestCode(path, MIA);
    const code = (await latestCode(MIA)) ?? "";
    h.clock.advance(10 * 60 * 1000 + 1000);
    const late = await browser.post(`${path}/code`, { _csrf: browser.cookies.get("login_form") ?? "", code });
    expect(late.status).toBe(410);

    const again = new LoginBrowser(h);
    const ok = await logIn(again, path, MIA);
    expect(ok.status).toBe(303);
    // Replaying the same submission (challenge cookie from before the login) is refused.
    const replay = await again.post(`${path}/code`, {
      _csrf: again.cookies.get("login_form") ?? "",
      code: (await latestCode(MIA)) ?? "",
    });
    expect(replay.status).toBe(410);
  });

  it("a code asked for on one login page does not open another", async () => {
    const first = await enableLoginPage(h);
    const second = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.requestCode(first.path, MIA);
    const code = (await latestCode(MIA)) ?? "";
    const res = await browser.post(`${second.path}/code`, {
      _csrf: browser.cookies.get("login_form") ?? "",
      code,
    });
    expect(res.status).toBe(410);
    expect(browser.cookies.has("portal_session")).toBe(false);
  });

  it("forged posts are refused with nothing sent", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.get(path);
    const token = browser.cookies.get("login_form") ?? "";
    const forgeries: [Record<string, string>, Record<string, string>][] = [
      [{ email: MIA }, {}],
      [{ email: MIA, _csrf: "A".repeat(32) }, {}],
      [
        { email: MIA, _csrf: token },
        { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      ],
    ];
    for (const [fields, headers] of forgeries) {
      const res = await browser.post(path, fields, headers);
      expect(res.status).toBe(403);
    }
    expect(await sentCount(MIA)).toBe(0);
  });

  it("too many codes for one address are refused for a while", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    for (let i = 0; i < 5; i++) expect((await browser.requestCode(path, MIA)).status).toBe(303);
    const refused = await browser.requestCode(path, MIA);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(pageText(await refused.text())).toContain("Too many codes were requested.");
    expect(await sentCount(MIA)).toBe(5);
    h.clock.advance(16 * 60 * 1000);
    expect((await browser.requestCode(path, MIA)).status).toBe(303);
  });

  it("Stripe being down is a translated 'try again' with the address kept", async () => {
    const { path } = await enableLoginPage(h);
    const browser = new LoginBrowser(h);
    await browser.get(path);
    h.emulator.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: "/v1/customers" });
    const res = await browser.post(path, { _csrf: browser.cookies.get("login_form") ?? "", email: MIA });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(pageText(html)).toContain("We couldn't send a code just now.");
    expect(html).toContain(`value="${MIA}"`);
  });
});

describe("login page: Connect", () => {
  it("a connected account's login page finds its own customers only", async () => {
    const options = { stripeAccount: DEMO_ACCOUNT };
    const features = { ...fullConfiguration().features, subscription_update: { enabled: false } };
    const { path } = await enableLoginPage(h, options, { features });
    const connected = await h.stripe.customers.list({ limit: 1 }, options);
    const customer = connected.data[0];
    expect(customer?.email).toBeTruthy();
    const browser = new LoginBrowser(h);
    await logIn(browser, path, customer?.email ?? "");
    expect(pageText(await (await browser.get("/p")).text())).toContain(customer?.name ?? "missing");

    // A platform customer's address matches nobody there.
    const other = new LoginBrowser(h);
    await other.requestCode(path, MIA);
    expect(await sentCount(MIA)).toBe(0);
  });
});
