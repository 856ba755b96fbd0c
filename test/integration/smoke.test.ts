import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";

describe("worker smoke", () => {
  it("returns the 404 page with status 404 for an unknown path", async () => {
    const res = await worker.request("http://portal.test/no/such/page", {}, env);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("<!doctype html>");
    expect(html).toContain("Page not found");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  // Workers static assets answer before the worker runs; the ASSETS binding is that same layer.
  it("serves the stylesheet from static assets", async () => {
    const res = await env.ASSETS.fetch("http://portal.test/css/portal.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(await res.text()).toContain("--brand");
  });
});
