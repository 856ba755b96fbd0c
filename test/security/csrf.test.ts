/**
 * Forged cross-site POSTs against every state-changing customer route, read from the app's
 * route table. Each forgery must answer 403 with nothing sent to Stripe; the same request with
 * the real token from the portal's own origin must get past the check (so the 403 is the CSRF
 * defence, not some other refusal).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, PORTAL_ORIGIN, type PortalBrowser, pageText } from "../helpers/portal-session";
import { fillPath, ownedIds, type PathIdKind, pathIdKind, portalRoutePaths, rawPost } from "./helpers";

const SAME_ORIGIN = { Origin: PORTAL_ORIGIN, "Sec-Fetch-Site": "same-origin" };

interface Forgery {
  name: string;
  body: (valid: Record<string, string>, foreign: Record<string, string>) => string;
  headers: Record<string, string>;
  path?: (path: string, valid: Record<string, string>) => string;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const without = (fields: Record<string, string>, key: string) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));

const FORGERIES: Forgery[] = [
  { name: "no _csrf field", body: (v) => form(without(v, "_csrf")), headers: SAME_ORIGIN },
  { name: "empty _csrf", body: (v) => form({ ...v, _csrf: "" }), headers: SAME_ORIGIN },
  { name: "wrong _csrf", body: (v) => form({ ...v, _csrf: "A".repeat(32) }), headers: SAME_ORIGIN },
  {
    name: "another session's valid _csrf",
    body: (v, foreign) => form({ ...v, _csrf: foreign._csrf ?? "" }),
    headers: SAME_ORIGIN,
  },
  { name: "Origin of another site", body: (v) => form(v), headers: { Origin: "https://evil.example" } },
  {
    name: "Origin that only starts like ours",
    body: (v) => form(v),
    headers: { Origin: `${PORTAL_ORIGIN}.evil.example` },
  },
  { name: "Origin with another scheme", body: (v) => form(v), headers: { Origin: "https://localhost" } },
  { name: "Sec-Fetch-Site: cross-site", body: (v) => form(v), headers: { "Sec-Fetch-Site": "cross-site" } },
  { name: "Sec-Fetch-Site: same-site", body: (v) => form(v), headers: { "Sec-Fetch-Site": "same-site" } },
  { name: "Origin: null without Sec-Fetch-Site", body: (v) => form(v), headers: { Origin: "null" } },
  {
    name: "token only in the query string",
    body: (v) => form(without(v, "_csrf")),
    headers: SAME_ORIGIN,
    path: (p, v) => `${p}?_csrf=${encodeURIComponent(v._csrf ?? "")}`,
  },
  {
    name: "text/plain body (a simple cross-site request)",
    body: (v) => form(v),
    headers: { ...SAME_ORIGIN, "Content-Type": "text/plain" },
  },
  {
    name: "JSON body",
    body: (v) => JSON.stringify(v),
    headers: { ...SAME_ORIGIN, "Content-Type": "application/json" },
  },
];

describe("CSRF on every state-changing portal route", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let foreign: Record<string, string>;
  let ids: Record<PathIdKind, string>;
  const routes = portalRoutePaths("POST");

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    const other = await openFullPortal(h, { customer: DEMO.customers.monthly });
    foreign = await other.csrfFields();
    ids = await ownedIds(h, DEMO.customers.taxIds);
  });

  it("finds the portal's POST routes in the app", () => {
    expect(routes).toContain("/p/subscriptions/:id/cancel");
    expect(routes).toContain("/p/billing/tax-ids");
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it.each(routes)("POST %s: every forgery is a 403 and Stripe sees nothing", async (route) => {
    const kind = pathIdKind(route);
    const path = kind ? fillPath(route, ids[kind]) : route;
    const valid = await browser.csrfFields();
    h.emulator.clearLog();
    for (const forgery of FORGERIES) {
      const target = forgery.path ? forgery.path(path, valid) : path;
      const res = await rawPost(h, browser, target, forgery.body(valid, foreign), forgery.headers);
      expect(res.status, `${route}: ${forgery.name}`).toBe(403);
      expect(pageText(await res.text()), forgery.name).toContain("Nothing was changed");
    }
    expect(h.emulator.writes()).toEqual([]);

    // Control: the same request with the real token from our origin reaches the route.
    const control = await rawPost(h, browser, path, form(valid), SAME_ORIGIN);
    expect(control.status, `${route}: control`).not.toBe(403);
  });

  it.each(["PUT", "PATCH", "DELETE"])("%s on a portal route changes nothing", async (method) => {
    h.emulator.clearLog();
    const path = fillPath("/p/subscriptions/:id/cancel", ids.subscription);
    const res = await h.request(path, {
      method,
      headers: { Cookie: browser.cookie, ...SAME_ORIGIN },
    });
    expect([403, 404]).toContain(res.status);
    expect(h.emulator.writes()).toEqual([]);
  });
});
