/**
 * Hostile query strings on every customer page (read from the app's route table): names of
 * Object.prototype members, markup, huge and malformed values in every parameter the pages
 * read. No page may fail with a 500, reflect the markup, or write to Stripe.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { createHarness, type Harness } from "../helpers/harness";
import { openFullPortal, type PortalBrowser } from "../helpers/portal-session";
import { fillPath, ownedIds, type PathIdKind, pathIdKind, portalRoutePaths, stateWrites } from "./helpers";

/** Every query parameter some customer page reads. */
const PARAMS = [
  "notice",
  "outcome",
  "locale",
  "interval",
  "price",
  "quantity",
  "promotion_code",
  "step",
  "session_id",
  "clear_overrides",
  "starting_after",
  "ending_before",
  "payment_intent",
  "payment_intent_client_secret",
  "redirect_status",
];

const VALUES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  '"><script>alert(1)</script>',
  "<img src=x onerror=alert(1)>",
  "x".repeat(5000),
  "%E0%A4%A",
  "-1",
  "1e308",
  "price_DemoProMonth01\u0000",
  "../../../v1/customers",
];

describe("hostile query parameters on every customer page", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let ids: Record<PathIdKind, string>;
  const routes = portalRoutePaths("GET");

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    ids = await ownedIds(h, DEMO.customers.taxIds);
  });

  it.each(routes)("GET %s never fails, reflects markup or writes", async (route) => {
    const kind = pathIdKind(route);
    const path = kind ? fillPath(route, ids[kind]) : route;
    h.emulator.clearLog();
    for (const value of VALUES) {
      const query = PARAMS.map((p) => `${p}=${encodeURIComponent(value)}`).join("&");
      const res = await browser.get(`${path}?${query}`);
      expect(res.status, `${path} with ${value.slice(0, 30)}`).toBeLessThan(500);
      const html = await res.text();
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
    }
    // Bracket forms: a parameter sent as an array or a nested hash.
    const res = await browser.get(`${path}?notice[]=a&notice[__proto__]=b&locale[]=en&price[x]=y`);
    expect(res.status).toBeLessThan(500);
    expect(stateWrites(h)).toEqual([]);
  });

  it("answers a session link with a hostile token with the 404 page", async () => {
    for (const token of ["__proto__", "x".repeat(5000), "<script>", "..%2F..%2Fv1"]) {
      const res = await h.request(`/p/session/${encodeURIComponent(token)}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("<script>");
    }
  });
});
