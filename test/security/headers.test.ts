/**
 * Security headers and inline-content rules on every response: each customer page (from the
 * route table), the session entry and its error pages, the 403/404/410/500/502 pages, the
 * merchant API, the dev landing page, production mode, and the static files Workers serves
 * without running the worker (static/_headers).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, type PortalBrowser } from "../helpers/portal-session";
import { clearLoginState, enableLoginPage, LoginBrowser } from "../integration/login/login-browser";
import {
  failingKv,
  fillPath,
  ownedIds,
  type PathIdKind,
  pathIdKind,
  portalRoutePaths,
  withBindings,
} from "./helpers";

function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get("Content-Security-Policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

/** The headers every response carries, and the nonce rules for every HTML page. */
async function expectHardened(res: Response, label: string, nonces?: Set<string>): Promise<void> {
  const h = res.headers;
  expect(h.get("X-Frame-Options"), label).toBe("DENY");
  expect(h.get("X-Content-Type-Options"), label).toBe("nosniff");
  expect(h.get("Referrer-Policy"), label).toBe("no-referrer");
  const hsts = /^max-age=(\d+); includeSubDomains/.exec(h.get("Strict-Transport-Security") ?? "");
  expect(Number(hsts?.[1] ?? 0), `${label}: HSTS of a year or more`).toBeGreaterThanOrEqual(31_536_000);
  expect(h.get("Cache-Control"), label).toBe("no-store");
  const policy = csp(res);
  expect(policy.get("default-src"), label).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(policy.get("base-uri"), label).toEqual(["'none'"]);
  const scriptSrc = policy.get("script-src") ?? [];
  expect(scriptSrc, label).toHaveLength(1);
  const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scriptSrc[0] ?? "")?.[1];
  expect(nonce, `${label}: script-src is one nonce`).toBeDefined();
  expect(policy.get("style-src"), label).toEqual(["'self'", `'nonce-${nonce}'`]);
  if (nonces) {
    expect(nonces.has(nonce ?? ""), `${label}: nonce reused`).toBe(false);
    nonces.add(nonce ?? "");
  }
  if (!(h.get("Content-Type") ?? "").includes("text/html")) return;
  const html = await res.clone().text();
  for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) {
    expect(tag, `${label}: inline ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(html, `${label}: inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html, `${label}: javascript: URL`).not.toMatch(/(href|src|action)\s*=\s*"\s*javascript:/i);
  expect(html, label).not.toMatch(/<(iframe|object|embed|frame)\b/i);
}

describe("security headers", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let ids: Record<PathIdKind, string>;
  const nonces = new Set<string>();

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    ids = await ownedIds(h, DEMO.customers.taxIds);
  });

  it.each(portalRoutePaths("GET"))("GET %s", async (route) => {
    const kind = pathIdKind(route);
    await expectHardened(await browser.get(kind ? fillPath(route, ids[kind]) : route), route, nonces);
  });

  it("on the flow confirmation, entry, expired, unknown, forbidden and not-found pages", async () => {
    const flow = await openFullPortal(h, {
      customer: DEMO.customers.monthly,
      flow_data: { type: "payment_method_update" },
    });
    const session = await h.portal.billingPortal.sessions.create({
      customer: DEMO.customers.monthly,
      return_url: "https://merchant.example/",
    });
    const entryPath = new URL(session.url).pathname;
    const pages: [string, Response][] = [
      ["flow done", await flow.get("/p/flow/done?outcome=payment_method_added")],
      ["unknown link", await h.request("/p/session/nope")],
      ["entry", await h.request(entryPath)],
      ["forbidden", await browser.post("/p/billing", { _csrf: "x" })],
      ["not found", await browser.get("/p/nowhere")],
      ["no cookie", await h.request("/p")],
      ["dev landing", await h.request("/")],
    ];
    h.clock.advance(2 * 60 * 60 * 1000);
    pages.push(["expired", await h.request(entryPath)]);
    h.clock.advance(-2 * 60 * 60 * 1000);
    for (const [label, res] of pages) await expectHardened(res, label, nonces);
  });

  it("on the login page: email form, code form, field errors, forgery, expired code, unknown slug", async () => {
    await clearLoginState();
    const { path } = await enableLoginPage(h);
    const login = new LoginBrowser(h);
    const pages: [string, Response][] = [
      ["login", await login.get(path)],
      ["login: bad address", await login.requestCode(path, "nope")],
      ["login: forged", await login.post(path, { email: "mia@example.com" })],
      ["login: code sent", await login.requestCode(path, "mia@example.com")],
      ["login: code form", await login.get(`${path}/code`)],
      ["login: wrong code", await login.enterCode(path, "12")],
      ["login: no challenge", await new LoginBrowser(h).get(`${path}/code`)],
      ["login: unknown slug", await login.get("/p/login/AAAAAAAAAAAAAAAAAAAAAAAA")],
    ];
    for (const [label, res] of pages) await expectHardened(res, label, nonces);
  });

  it("on failure pages: Stripe down (502), KV down (500)", async () => {
    h.emulator.setFaults({ errorRate: 1, errorStatus: 503 });
    const down = await browser.get("/p");
    h.emulator.setFaults({ errorRate: 0 });
    expect(down.status).toBe(502);
    await expectHardened(down, "Stripe down", nonces);
    const kvDown = withBindings(h, { SESSIONS: failingKv(env.SESSIONS) });
    const broken = await kvDown.request("/p", { headers: { Cookie: browser.cookie } });
    expect(broken.status).toBeGreaterThanOrEqual(500);
    await expectHardened(broken, "KV down", nonces);
  });

  it("on merchant API responses, errors included", async () => {
    const ok = await h.request("/v1/billing_portal/configurations", {
      headers: { Authorization: "Bearer sk_test_portal_dev" },
    });
    expect(ok.status).toBe(200);
    await expectHardened(ok, "API 200");
    await expectHardened(await h.request("/v1/billing_portal/configurations"), "API 401");
  });

  it("in production: forms may post only to the portal and https (no plain-http targets)", async () => {
    const prod = withBindings(h, { PORTAL_ENV: "production" });
    const res = await prod.request("/p", { headers: { Cookie: browser.cookie } });
    expect(res.status).toBe(200);
    await expectHardened(res, "production home", nonces);
    expect(csp(res).get("form-action")).toEqual(["'self'", "https:"]);
  });

  it("on static files served without the worker (static/_headers)", async () => {
    for (const path of ["/css/portal.css", "/favicon.svg"]) {
      const res = await env.ASSETS.fetch(`https://portal.test${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options"), path).toBe("DENY");
      expect(res.headers.get("Content-Security-Policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("Strict-Transport-Security"), path).toContain("max-age=");
    }
    expect((await env.ASSETS.fetch("https://portal.test/_headers")).status).toBe(404);
  });
});
