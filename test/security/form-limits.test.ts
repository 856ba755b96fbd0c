/**
 * Size limits on the HTML side: customer forms and the dev forms refuse oversized bodies with
 * a 413 page before anything parses them (the merchant API's own limit is in
 * merchant-api.test.ts).
 */
import { describe, expect, it } from "vitest";
import { DEMO } from "../../emulator/seed/ids";
import { MAX_FORM_BYTES } from "../../worker/middleware/form-body-limit";
import { createHarness } from "../helpers/harness";
import { openFullPortal, PORTAL_ORIGIN, pageText } from "../helpers/portal-session";

describe("form body limits", () => {
  it("refuses an oversized customer form, declared or streamed, and changes nothing", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    const fields = { ...(await browser.csrfFields()), name: "x".repeat(MAX_FORM_BYTES) };
    h.emulator.clearLog();
    const declared = await browser.post("/p/billing", fields);
    expect(declared.status).toBe(413);
    expect(pageText(await declared.text())).toContain("Something went wrong");
    const streamed = await h.request("/p/billing", {
      method: "POST",
      headers: {
        Cookie: browser.cookie,
        Origin: PORTAL_ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode("a".repeat(8 * 1024)));
          controller.close();
        },
      }),
    });
    expect(streamed.status).toBe(413);
    expect(h.emulator.writes()).toEqual([]);
    const customer = await h.stripe.customers.retrieve(DEMO.customers.taxIds);
    expect("name" in customer && customer.name).not.toBe(fields.name);
  });

  it("lets a real form through", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.taxIds });
    const res = await browser.submit("/p/billing", "/p/billing", { name: "Ada Lovelace" });
    expect(res.status).toBe(303);
  });

  it("refuses an oversized dev form too", async () => {
    const h = createHarness();
    const res = await h.request("/dev/session", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `customer=${"x".repeat(MAX_FORM_BYTES + 1)}`,
    });
    expect(res.status).toBe(413);
  });
});
