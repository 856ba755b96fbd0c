import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, pageText } from "../../helpers/portal-session";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const pause = (id: string) => `/p/subscriptions/${id}/pause`;
const DAY = 86_400;

describe("pause and resume", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });

  const durations = {
    subscription_pause: {
      enabled: true,
      duration: {
        type: "interval_options" as const,
        interval_options: [
          { interval: "week" as const, interval_count: 2 },
          { interval: "month" as const, interval_count: 1 },
        ],
      },
    },
  };

  it("offers the configured durations with their resume dates and pauses collection", async () => {
    const browser = await openFullPortal(h, {}, durations);
    const page = await browser.get(pause(S.monthly));
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).toContain("2 weeks Resumes on November 16, 2026");
    expect(text).toContain("1 month Resumes on December 2, 2026");
    expect(text).not.toContain("Until I resume");

    const res = await browser.submit(pause(S.monthly), pause(S.monthly), { duration: "2-week" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=paused");
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(sub.pause_collection?.behavior).toBe("void");
    expect(sub.pause_collection?.resumes_at).toBe(Math.floor(h.clock.now() / 1000) + 14 * DAY);

    const home = pageText(await (await browser.get("/p")).text());
    expect(home).toContain("Payments are paused. Your subscription resumes on November 16, 2026.");
    expect(home).toContain("Resume subscription");
    expect(home).not.toContain("Next invoice");
  });

  it("pauses indefinitely when configured, and resumes early", async () => {
    const browser = await openFullPortal(h);
    const text = pageText(await (await browser.get(pause(S.monthly))).text());
    expect(text).toContain("Until I resume Resumes when you choose");
    await browser.submit(pause(S.monthly), pause(S.monthly), { duration: "indefinite" });
    const paused = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(paused.pause_collection?.resumes_at ?? null).toBeNull();
    expect(pageText(await (await browser.get("/p")).text())).toContain(
      "Payments are paused until you resume your subscription.",
    );

    const res = await browser.submit("/p", `/p/subscriptions/${S.monthly}/resume`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p?notice=resumed");
    const resumed = await h.stripe.subscriptions.retrieve(S.monthly);
    expect(resumed.pause_collection).toBeNull();
  });

  it("refuses a duration that is not configured, keeping the page", async () => {
    const browser = await openFullPortal(h, {}, durations);
    h.emulator.clearLog();
    for (const duration of ["indefinite", "4-year", ""]) {
      const res = await browser.submit(pause(S.monthly), pause(S.monthly), { duration });
      expect(res.status).toBe(422);
      expect(pageText(await res.text())).toContain("Choose how long to pause.");
    }
    expect(h.emulator.writes()).toEqual([]);
  });

  it("is not offered when disabled, during a trial, or twice", async () => {
    const off = await openFullPortal(h, {}, { subscription_pause: { enabled: false } });
    expect((await off.get(pause(S.monthly))).status).toBe(409);
    expect(await (await off.get("/p")).text()).not.toContain(pause(S.monthly));

    const trial = await openFullPortal(h, { customer: C.trialing });
    const res = await trial.get(pause(S.trialing));
    expect(res.status).toBe(409);
    expect(pageText(await res.text())).toContain("can't be paused during a free trial");

    const browser = await openFullPortal(h);
    await browser.submit(pause(S.monthly), pause(S.monthly), { duration: "indefinite" });
    expect((await browser.get(pause(S.monthly))).status).toBe(409);
    const resume = await browser.post(`/p/subscriptions/${S.trialing}/resume`, await browser.csrfFields());
    expect(resume.status).toBe(404);
  });
});
