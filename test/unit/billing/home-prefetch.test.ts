import { describe, expect, it } from "vitest";
import {
  hasNextInvoice,
  homePrefetch,
  samePrefetch,
  scheduledPriceId,
} from "../../../worker/billing/home-prefetch";
import { DAY, NOW, schedule, subscription } from "./fixtures";

describe("home prefetch guesses", () => {
  it("previews the next invoice only of subscriptions that will bill again", () => {
    expect(hasNextInvoice(subscription())).toBe(true);
    expect(hasNextInvoice(subscription({ status: "trialing" }))).toBe(true);
    expect(hasNextInvoice(subscription({ status: "past_due" }))).toBe(true);
    expect(hasNextInvoice(subscription({ cancel_at_period_end: true }))).toBe(false);
    expect(hasNextInvoice(subscription({ cancel_at: NOW + 5 * DAY }))).toBe(false);
    expect(hasNextInvoice(subscription({ pause_collection: { behavior: "void", resumes_at: null } }))).toBe(
      false,
    );
    expect(hasNextInvoice(subscription({ status: "paused" }))).toBe(false);
    expect(hasNextInvoice(subscription({ status: "incomplete" }))).toBe(false);
  });

  it("names the scheduled change's price only when the schedule gives just its id", () => {
    expect(scheduledPriceId(subscription())).toBeNull();
    expect(scheduledPriceId(subscription({ schedule: "sub_sched_1" }))).toBeNull();
    expect(scheduledPriceId(subscription({ schedule: schedule() }))).toBe("price_basic_year");
    const noFuturePhase = schedule({ phases: schedule().phases.slice(0, 1) });
    expect(scheduledPriceId(subscription({ schedule: noFuturePhase }))).toBeNull();
  });

  it("covers the listed subscriptions only: not ended, and matching on_behalf_of", () => {
    const subs = [
      subscription({ id: "sub_b" }),
      subscription({ id: "sub_a", schedule: schedule() }),
      subscription({ id: "sub_ended", status: "canceled" }),
      subscription({ id: "sub_cancel", cancel_at_period_end: true }),
      subscription({ id: "sub_obo", on_behalf_of: "acct_1" }),
    ];
    expect(homePrefetch(subs, null)).toEqual({
      previews: ["sub_a", "sub_b", "sub_obo"],
      prices: ["price_basic_year"],
    });
    expect(homePrefetch(subs, "acct_1")).toEqual({ previews: ["sub_obo"], prices: [] });
  });

  it("compares guesses as sets", () => {
    const a = homePrefetch([subscription({ id: "sub_a" }), subscription({ id: "sub_b" })], null);
    const b = homePrefetch([subscription({ id: "sub_b" }), subscription({ id: "sub_a" })], null);
    expect(samePrefetch(a, b)).toBe(true);
    expect(samePrefetch(a, { previews: ["sub_a"], prices: [] })).toBe(false);
    expect(samePrefetch(a, { previews: a.previews, prices: ["price_x"] })).toBe(false);
  });
});
