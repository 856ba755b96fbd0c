import { describe, expect, it } from "vitest";
import {
  cancelEligibility,
  hasFuturePhase,
  pauseEligibility,
  renewEligibility,
  resumeEligibility,
  updateEligibility,
} from "../../../worker/billing/eligibility";
import { config, DAY, item, list, NOW, price, product, recurring, schedule, subscription } from "./fixtures";

const denied = (reason: string) => ({ allowed: false, reason });
const ok = { allowed: true };

describe("updateEligibility", () => {
  it("allows a single licensed, automatically charged item on an offered product", () => {
    expect(updateEligibility(subscription(), config())).toEqual(ok);
  });

  it("accepts the product expanded or as an id", () => {
    const sub = subscription({
      items: list([item(price({ id: "price_basic_month", product: product("prod_basic") }))]),
    });
    expect(updateEligibility(sub, config())).toEqual(ok);
  });

  it("refuses when the feature is off or allows no update at all", () => {
    expect(updateEligibility(subscription(), config({ update: { enabled: false } }))).toEqual(
      denied("feature_disabled"),
    );
    expect(updateEligibility(subscription(), config({ update: { default_allowed_updates: [] } }))).toEqual(
      denied("feature_disabled"),
    );
  });

  it("refuses multi-item subscriptions", () => {
    const sub = subscription({
      items: list([
        item(price({ id: "price_basic_month" })),
        item(price({ id: "price_addon", product: "prod_addon" })),
      ]),
    });
    expect(updateEligibility(sub, config())).toEqual(denied("multiple_items"));
  });

  it("refuses metered prices", () => {
    const sub = subscription({
      items: list([item(price({ id: "price_basic_month", recurring: recurring("month", 1, "metered") }))]),
    });
    expect(updateEligibility(sub, config())).toEqual(denied("metered"));
  });

  it("refuses send_invoice collection", () => {
    expect(updateEligibility(subscription({ collection_method: "send_invoice" }), config())).toEqual(
      denied("send_invoice"),
    );
  });

  it("refuses while a schedule has a future phase, passed in or expanded", () => {
    expect(updateEligibility(subscription({ schedule: "sub_sched_1" }), config(), schedule())).toEqual(
      denied("scheduled_change"),
    );
    expect(updateEligibility(subscription({ schedule: schedule() }), config())).toEqual(
      denied("scheduled_change"),
    );
  });

  it("treats a schedule known only by id as blocking", () => {
    expect(updateEligibility(subscription({ schedule: "sub_sched_1" }), config())).toEqual(
      denied("scheduled_change"),
    );
  });

  it("does not block on a schedule without future phases or one already released", () => {
    const lastPhaseOnly = schedule({
      phases: [{ start_date: NOW - 10 * DAY, end_date: NOW + 20 * DAY, items: [] } as never],
    });
    expect(updateEligibility(subscription({ schedule: lastPhaseOnly }), config())).toEqual(ok);
    expect(updateEligibility(subscription({ schedule: schedule({ status: "released" }) }), config())).toEqual(
      ok,
    );
  });

  it("refuses unspecified or unset tax behaviour", () => {
    for (const tax_behavior of ["unspecified", null] as const) {
      const sub = subscription({ items: list([item(price({ id: "price_basic_month", tax_behavior }))]) });
      expect(updateEligibility(sub, config())).toEqual(denied("tax_behavior_unspecified"));
    }
  });

  it("refuses a product the configuration does not offer", () => {
    const sub = subscription({ items: list([item(price({ id: "price_other", product: "prod_other" }))]) });
    expect(updateEligibility(sub, config())).toEqual(denied("product_not_offered"));
  });

  it("refuses ended, incomplete, paused and cancel-scheduled subscriptions", () => {
    expect(updateEligibility(subscription({ status: "canceled" }), config())).toEqual(denied("ended"));
    expect(updateEligibility(subscription({ status: "incomplete_expired" }), config())).toEqual(
      denied("ended"),
    );
    expect(updateEligibility(subscription({ status: "incomplete" }), config())).toEqual(denied("incomplete"));
    expect(
      updateEligibility(subscription({ pause_collection: { behavior: "void", resumes_at: null } }), config()),
    ).toEqual(denied("paused"));
    expect(updateEligibility(subscription({ cancel_at_period_end: true }), config())).toEqual(
      denied("already_canceling"),
    );
    expect(updateEligibility(subscription({ cancel_at: NOW + DAY }), config())).toEqual(
      denied("already_canceling"),
    );
  });

  it("allows trialing and past_due subscriptions", () => {
    expect(updateEligibility(subscription({ status: "trialing" }), config())).toEqual(ok);
    expect(updateEligibility(subscription({ status: "past_due" }), config())).toEqual(ok);
  });
});

describe("cancelEligibility", () => {
  it("allows a running subscription, including send_invoice, metered and multi-item", () => {
    expect(cancelEligibility(subscription(), config())).toEqual(ok);
    expect(cancelEligibility(subscription({ collection_method: "send_invoice" }), config())).toEqual(ok);
    const multi = subscription({
      items: list([
        item(price({ id: "a" })),
        item(price({ id: "b", recurring: recurring("month", 1, "metered") })),
      ]),
    });
    expect(cancelEligibility(multi, config())).toEqual(ok);
  });

  it("refuses when disabled, ended, already canceling or blocked by a schedule", () => {
    expect(cancelEligibility(subscription(), config({ cancel: { enabled: false } }))).toEqual(
      denied("feature_disabled"),
    );
    expect(cancelEligibility(subscription({ status: "canceled" }), config())).toEqual(denied("ended"));
    expect(cancelEligibility(subscription({ cancel_at_period_end: true }), config())).toEqual(
      denied("already_canceling"),
    );
    expect(cancelEligibility(subscription({ schedule: schedule() }), config())).toEqual(
      denied("scheduled_change"),
    );
  });
});

describe("pauseEligibility", () => {
  it("allows an active subscription when pausing is enabled", () => {
    expect(pauseEligibility(subscription(), config())).toEqual(ok);
  });

  it("refuses when disabled, trialing, already paused, canceling, ended or scheduled", () => {
    expect(pauseEligibility(subscription(), config({ pause: { enabled: false } }))).toEqual(
      denied("feature_disabled"),
    );
    expect(pauseEligibility(subscription({ status: "trialing" }), config())).toEqual(denied("trialing"));
    expect(
      pauseEligibility(subscription({ pause_collection: { behavior: "void", resumes_at: null } }), config()),
    ).toEqual(denied("paused"));
    expect(pauseEligibility(subscription({ cancel_at_period_end: true }), config())).toEqual(
      denied("already_canceling"),
    );
    expect(pauseEligibility(subscription({ status: "canceled" }), config())).toEqual(denied("ended"));
    expect(pauseEligibility(subscription({ schedule: schedule() }), config())).toEqual(
      denied("scheduled_change"),
    );
  });
});

describe("resume and renew", () => {
  it("resumes only a paused subscription, even with pausing since disabled", () => {
    expect(resumeEligibility(subscription())).toEqual(denied("not_paused"));
    expect(
      resumeEligibility(subscription({ pause_collection: { behavior: "void", resumes_at: null } })),
    ).toEqual(ok);
  });

  it("renews only when a cancel is scheduled either way", () => {
    expect(renewEligibility(subscription())).toEqual(denied("not_canceling"));
    expect(renewEligibility(subscription({ cancel_at_period_end: true }))).toEqual(ok);
    expect(renewEligibility(subscription({ cancel_at: NOW + DAY }))).toEqual(ok);
    expect(renewEligibility(subscription({ status: "canceled", cancel_at_period_end: true }))).toEqual(
      denied("ended"),
    );
  });
});

describe("hasFuturePhase", () => {
  it("sees a phase starting at or after the current phase's end", () => {
    expect(hasFuturePhase(schedule())).toBe(true);
  });
  it("counts every phase of a schedule that has not started", () => {
    expect(hasFuturePhase(schedule({ status: "not_started", current_phase: null }))).toBe(true);
  });
  it("ignores completed, canceled and released schedules", () => {
    for (const status of ["completed", "canceled", "released"] as const) {
      expect(hasFuturePhase(schedule({ status }))).toBe(false);
    }
  });
});
