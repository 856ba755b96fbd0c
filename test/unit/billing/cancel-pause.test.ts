import { describe, expect, it } from "vitest";
import {
  cancelAction,
  parseCancellationFeedback,
  renewParams,
  scheduledCancelDate,
} from "../../../worker/billing/cancel-mode";
import {
  addInterval,
  findPauseOption,
  pauseOptions,
  pauseParams,
  resumeParams,
} from "../../../worker/billing/pause";
import { config, DAY, item, list, NOW, price, subscription } from "./fixtures";

const PERIOD_END = NOW + 20 * DAY;

describe("cancelAction", () => {
  it("classic billing mode at period end sets cancel_at_period_end", () => {
    const action = cancelAction(subscription(), config(), null);
    expect(action).toEqual({
      kind: "at_period_end",
      params: { cancel_at_period_end: true },
      endsAt: PERIOD_END,
    });
  });

  it("flexible billing mode at period end sets cancel_at to the period end", () => {
    const sub = subscription({ billing_mode: { type: "flexible" } as never });
    expect(cancelAction(sub, config(), null)).toEqual({
      kind: "at_period_end",
      params: { cancel_at: PERIOD_END },
      endsAt: PERIOD_END,
    });
  });

  it("takes the latest item period end", () => {
    const sub = subscription({
      items: list([
        item(price({ id: "a" }), 1, { current_period_end: PERIOD_END }),
        item(price({ id: "b" }), 1, { current_period_end: PERIOD_END + DAY }),
      ]),
    });
    const action = cancelAction(sub, config(), null);
    expect(action.kind === "at_period_end" && action.endsAt).toBe(PERIOD_END + DAY);
  });

  it("immediately: prorates and invoices only with create_prorations", () => {
    expect(cancelAction(subscription(), config({ cancel: { mode: "immediately" } }), null)).toEqual({
      kind: "immediately",
      params: { prorate: false, invoice_now: false },
    });
    const prorating = config({ cancel: { mode: "immediately", proration_behavior: "create_prorations" } });
    expect(cancelAction(subscription(), prorating, null)).toEqual({
      kind: "immediately",
      params: { prorate: true, invoice_now: true },
    });
  });

  it("carries the survey answer as cancellation_details", () => {
    const feedback = { feedback: "too_expensive" as const, comment: "Pricey" };
    const action = cancelAction(subscription(), config(), feedback);
    expect(action.params).toMatchObject({
      cancellation_details: { feedback: "too_expensive", comment: "Pricey" },
    });
    const none = cancelAction(subscription(), config(), { feedback: null, comment: null });
    expect(none.params).not.toHaveProperty("cancellation_details");
  });
});

describe("renew and scheduled cancel date", () => {
  it("undoes the cancel the way it was recorded", () => {
    expect(renewParams(subscription({ cancel_at_period_end: true, cancel_at: PERIOD_END }))).toEqual({
      cancel_at_period_end: false,
    });
    expect(renewParams(subscription({ cancel_at: PERIOD_END }))).toEqual({ cancel_at: "" });
  });

  it("knows when a scheduled cancel happens", () => {
    expect(scheduledCancelDate(subscription())).toBeNull();
    expect(scheduledCancelDate(subscription({ cancel_at_period_end: true }))).toBe(PERIOD_END);
    expect(scheduledCancelDate(subscription({ cancel_at: NOW + 3 * DAY }))).toBe(NOW + 3 * DAY);
  });
});

describe("parseCancellationFeedback", () => {
  const cfg = config();
  it("accepts a configured option and a trimmed comment", () => {
    expect(parseCancellationFeedback(cfg, "too_expensive", "  too much ")).toEqual({
      ok: true,
      value: { feedback: "too_expensive", comment: "too much" },
    });
    expect(parseCancellationFeedback(cfg, "", "")).toEqual({
      ok: true,
      value: { feedback: null, comment: null },
    });
  });
  it("refuses unconfigured options and overlong comments", () => {
    expect(parseCancellationFeedback(cfg, "low_quality", "")).toEqual({
      ok: false,
      problem: "unknown_reason",
    });
    expect(parseCancellationFeedback(cfg, "other", "x".repeat(5001))).toEqual({
      ok: false,
      problem: "comment_too_long",
    });
  });
  it("ignores answers when the survey is off", () => {
    const off = config({
      cancel: { cancellation_reason: { enabled: false, options: [], feedback_options: null } },
    });
    expect(parseCancellationFeedback(off, "too_expensive", "x")).toEqual({
      ok: true,
      value: { feedback: null, comment: null },
    });
  });
});

describe("pause", () => {
  it("offers an indefinite pause or the configured durations", () => {
    expect(
      pauseOptions(config({ pause: { duration: { type: "indefinite", interval_options: [] } } })),
    ).toEqual([{ key: "indefinite", kind: "indefinite" }]);
    const cfg = config({
      pause: {
        duration: {
          type: "interval_options",
          interval_options: [
            { interval: "week", interval_count: 2 },
            { interval: "month", interval_count: 1 },
            { interval: "year", interval_count: 4 },
          ],
        },
      },
    });
    expect(pauseOptions(cfg).map((o) => o.key)).toEqual(["2-week", "1-month"]);
    expect(findPauseOption(cfg, "1-month")?.key).toBe("1-month");
    expect(findPauseOption(cfg, "4-year")).toBeNull();
    expect(findPauseOption(cfg, "indefinite")).toBeNull();
  });

  it("defaults to one month when interval options are empty", () => {
    const cfg = config({ pause: { duration: { type: "interval_options", interval_options: [] } } });
    expect(pauseOptions(cfg).map((o) => o.key)).toEqual(["1-month"]);
  });

  it("adds calendar months clamping to the month end", () => {
    const jan31 = Date.UTC(2027, 0, 31, 12) / 1000;
    expect(new Date(addInterval(jan31, "month", 1) * 1000).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(new Date(addInterval(jan31, "year", 1) * 1000).toISOString()).toBe("2028-01-31T12:00:00.000Z");
    expect(addInterval(jan31, "week", 2)).toBe(jan31 + 14 * DAY);
  });

  it("builds pause and resume parameters", () => {
    expect(pauseParams({ key: "indefinite", kind: "indefinite" }, NOW)).toEqual({
      pause_collection: { behavior: "void" },
    });
    expect(pauseParams({ key: "1-week", kind: "interval", interval: "week", intervalCount: 1 }, NOW)).toEqual(
      {
        pause_collection: { behavior: "void", resumes_at: NOW + 7 * DAY },
      },
    );
    expect(resumeParams()).toEqual({ pause_collection: "" });
  });
});
