import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, pageText } from "../../helpers/portal-session";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const cancel = (id: string) => `/p/subscriptions/${id}/cancel`;

describe("cancel", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  it("shows the end date and the configured reasons, then cancels at period end (classic) with the feedback", async () => {
    const browser = await openFullPortal(h);
    const page = await browser.get(cancel(S.monthly));
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = pageText(html);
    const periodEnd = (await h.stripe.subscriptions.retrieve(S.monthly)).items.data[0]?.current_period_end;
    expect(text).toMatch(/Your subscription will end on November \d+, 2026/);
    for (const reason of [
      "It's too expensive",
      "Some features are missing",
      "I don't use the service enough",
      "Other reason",
    ]) {
      expect(text).toContain(reason);
    }
    expect(text).not.toContain("Quality was less than expected");

    h.emulator.clearLog();
    const res = await browser.submit(cancel(S.monthly), cancel(S.monthly), {
      feedback: "too_expensive",
      comment: "  Found a cheaper plan  ",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=cancel_scheduled");
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.status).toBe("active");
    expect(sub.cancel_at_period_end).toBe(true);
    expect(sub.cancel_at).toBe(periodEnd);
    expect(sub.cancellation_details?.feedback).toBe("too_expensive");
    expect(sub.cancellation_details?.comment).toBe("Found a cheaper plan");
    expect(h.emulator.writes().every((w) => w.idempotencyKey?.startsWith("portal-"))).toBe(true);

    const home = pageText(await (await browser.get("/p?notice=cancel_scheduled")).text());
    expect(home).toContain("Your subscription will be cancelled at the end of the billing period.");
    expect(home).toContain("Renew subscription");
  });

  it("sets cancel_at (not cancel_at_period_end) for a flexible billing mode subscription", async () => {
    const browser = await openFullPortal(h, { customer: C.manyMethods });
    const periodEnd = (await h.stripe.subscriptions.retrieve(S.manyMethods)).items.data[0]
      ?.current_period_end;
    h.emulator.clearLog();
    const res = await browser.submit(cancel(S.manyMethods), cancel(S.manyMethods));
    expect(res.status).toBe(303);
    const [write] = h.emulator.writes();
    expect(write?.params).toEqual({ cancel_at: String(periodEnd) });
    const sub = await h.stripe.subscriptions.retrieve(S.manyMethods);
    expect(sub.cancel_at).toBe(periodEnd);
    // Flexible mode records a period-end cancel as cancel_at alone.
    expect(sub.cancel_at_period_end).toBe(false);
    expect(sub.cancellation_details?.feedback ?? null).toBeNull();

    const home = pageText(await (await browser.get("/p")).text());
    expect(home).toContain("Renew subscription");
    h.emulator.clearLog();
    const renew = await browser.submit("/p", `/p/subscriptions/${S.manyMethods}/renew`);
    expect(renew.status).toBe(303);
    // Renewing clears cancel_at; there is no cancel_at_period_end to turn off.
    expect(h.emulator.writes().map((w) => w.params)).toEqual([{ cancel_at: "" }]);
    const renewed = await h.stripe.subscriptions.retrieve(S.manyMethods);
    expect(renewed.cancel_at).toBeNull();
    expect(renewed.cancel_at_period_end).toBe(false);
  });

  it("cancels immediately when the configuration says so", async () => {
    const browser = await openFullPortal(
      h,
      {},
      {
        subscription_cancel: {
          enabled: true,
          mode: "immediately",
          proration_behavior: "create_prorations",
          cancellation_reason: { enabled: true, options: ["unused", "other"] },
        },
      },
    );
    const page = pageText(await (await browser.get(cancel(S.monthly))).text());
    expect(page).toContain("Your subscription will end immediately.");
    h.emulator.clearLog();
    const res = await browser.submit(cancel(S.monthly), cancel(S.monthly), { feedback: "unused" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=canceled");
    const del = h.emulator.writes().find((w) => w.method === "DELETE");
    expect(del?.path).toBe(`/v1/subscriptions/${S.monthly}`);
    expect(del?.params).toMatchObject({ prorate: "true", invoice_now: "true" });
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.status).toBe("canceled");
    expect(sub.cancellation_details?.feedback).toBe("unused");
    const home = pageText(await (await browser.get("/p?notice=canceled")).text());
    expect(home).toContain("Your subscription has been cancelled.");
    expect(home).not.toContain("Your subscription Basic");
  });

  it("keeps the input and changes nothing for a reason that is not offered", async () => {
    const browser = await openFullPortal(h);
    h.emulator.clearLog();
    const res = await browser.submit(cancel(S.monthly), cancel(S.monthly), {
      feedback: "low_quality",
      comment: "keep me",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(pageText(html)).toContain("Choose one of the reasons listed.");
    expect(html).toContain("keep me");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("does not offer cancel for a subscription already canceling or blocked by a schedule", async () => {
    for (const [customer, sub, text] of [
      [C.cancelScheduled, S.cancelScheduled, "already set to be cancelled"],
      [C.scheduled, S.scheduled, "already scheduled"],
    ] as const) {
      const browser = await openFullPortal(h, { customer });
      h.emulator.clearLog();
      const page = await browser.get(cancel(sub));
      expect(page.status).toBe(409);
      expect(pageText(await page.text())).toContain(text);
      const post = await browser.post(cancel(sub), await browser.csrfFields());
      expect(post.status).toBe(409);
      expect(h.emulator.writes()).toEqual([]);
    }
  });

  it("renews a scheduled cancel and refuses to renew one that is not canceling", async () => {
    const browser = await openFullPortal(h, { customer: C.cancelScheduled });
    const res = await browser.submit("/p", `/p/subscriptions/${S.cancelScheduled}/renew`);
    expect(res.status).toBe(303);
    const sub = await h.stripe.subscriptions.retrieve(S.cancelScheduled);
    expect(sub.cancel_at_period_end).toBe(false);
    const again = await browser.post(
      `/p/subscriptions/${S.cancelScheduled}/renew`,
      await browser.csrfFields(),
    );
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain("isn't set to be cancelled");
  });

  it("is a 404 with nothing written for foreign or malformed ids", async () => {
    const browser = await openFullPortal(h);
    h.emulator.clearLog();
    for (const id of [S.trialing, DEMO.connect.subscription, "sub_nope", "x"]) {
      expect((await browser.get(cancel(id))).status).toBe(404);
      for (const action of ["cancel", "renew", "retention", "pause", "resume"]) {
        const res = await browser.post(`/p/subscriptions/${id}/${action}`, await browser.csrfFields());
        expect(res.status, `${action} ${id}`).toBe(404);
      }
    }
    expect(h.emulator.writes()).toEqual([]);
  });
});
