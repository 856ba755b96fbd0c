import { describe, expect, it } from "vitest";
import { resolveAfterCompletion } from "../../../worker/billing/after-completion";
import { flowPermits, flowSubscription } from "../../../worker/billing/flows";
import { listedSubscriptions, subscriptionNotices } from "../../../worker/billing/subscription-state";
import type { SessionFlow } from "../../../worker/store/session-store";
import { DAY, NOW, schedule, subscription } from "./fixtures";

function flow(type: string, extra: Partial<SessionFlow> = {}): SessionFlow {
  return {
    type,
    after_completion: {
      type: "hosted_confirmation",
      hosted_confirmation: { custom_message: null },
      redirect: null,
    },
    customer_update: null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
    ...extra,
  } as SessionFlow;
}

const cancelFlow = flow("subscription_cancel", {
  subscription_cancel: { subscription: "sub_1", retention: null },
});
const updateFlow = flow("subscription_update", { subscription_update: { subscription: "sub_1" } });
const confirmFlow = flow("subscription_update_confirm", {
  subscription_update_confirm: {
    subscription: "sub_1",
    items: [{ id: "si_1", price: "price_2" }],
    discounts: null,
  },
});

describe("flowPermits", () => {
  it("keeps a flow on its own subscription's page", () => {
    expect(flowSubscription(cancelFlow)).toBe("sub_1");
    expect(flowPermits(cancelFlow, { page: "subscription_cancel", subscription: "sub_1" })).toBe(true);
    expect(flowPermits(cancelFlow, { page: "subscription_cancel", subscription: "sub_2" })).toBe(false);
    expect(flowPermits(cancelFlow, { page: "home" })).toBe(false);
    expect(flowPermits(cancelFlow, { page: "subscription_update", subscription: "sub_1" })).toBe(false);
    expect(flowPermits(cancelFlow, { page: "payment_method_update" })).toBe(false);
  });

  it("lets subscription_update reach its confirm page, but the confirm flow only the confirm page", () => {
    expect(flowPermits(updateFlow, { page: "subscription_update", subscription: "sub_1" })).toBe(true);
    expect(flowPermits(updateFlow, { page: "subscription_update_confirm", subscription: "sub_1" })).toBe(
      true,
    );
    expect(flowPermits(confirmFlow, { page: "subscription_update_confirm", subscription: "sub_1" })).toBe(
      true,
    );
    expect(flowPermits(confirmFlow, { page: "subscription_update", subscription: "sub_1" })).toBe(false);
  });

  it("always allows the confirmation page and the language switch", () => {
    for (const f of [cancelFlow, updateFlow, flow("payment_method_update")]) {
      expect(flowPermits(f, { page: "confirmation" })).toBe(true);
      expect(flowPermits(f, { page: "locale" })).toBe(true);
    }
  });

  it("scopes payment method and customer flows to their sections", () => {
    expect(flowPermits(flow("payment_method_update"), { page: "payment_method_update" })).toBe(true);
    expect(flowPermits(flow("payment_method_update"), { page: "invoices" })).toBe(false);
    expect(flowPermits(flow("customer_update"), { page: "customer_update" })).toBe(true);
    expect(
      flowPermits(flow("subscription_pause", { subscription_pause: { subscription: "sub_1" } }), {
        page: "subscription_pause",
        subscription: "sub_1",
      }),
    ).toBe(true);
  });
});

describe("resolveAfterCompletion", () => {
  it("resolves each type and defaults to the confirmation page", () => {
    expect(resolveAfterCompletion(null)).toEqual({ kind: "confirmation", message: null });
    expect(
      resolveAfterCompletion({
        after_completion: {
          type: "redirect",
          redirect: { return_url: "https://x.test/done" },
          hosted_confirmation: null,
        },
      }),
    ).toEqual({ kind: "redirect", url: "https://x.test/done" });
    expect(
      resolveAfterCompletion({
        after_completion: { type: "portal_homepage", redirect: null, hosted_confirmation: null },
      }),
    ).toEqual({ kind: "home" });
    expect(
      resolveAfterCompletion({
        after_completion: {
          type: "hosted_confirmation",
          redirect: null,
          hosted_confirmation: { custom_message: "Bye" },
        },
      }),
    ).toEqual({ kind: "confirmation", message: "Bye" });
  });
});

describe("subscription list and notices", () => {
  it("lists non-ended subscriptions, filtered by on_behalf_of", () => {
    const subs = [
      subscription({ id: "a" }),
      subscription({ id: "b", status: "canceled" }),
      subscription({ id: "c", on_behalf_of: "acct_x" }),
    ];
    expect(listedSubscriptions(subs, null).map((s) => s.id)).toEqual(["a", "c"]);
    expect(listedSubscriptions(subs, "acct_x").map((s) => s.id)).toEqual(["c"]);
  });

  it("describes trial, cancel, pause and scheduled change", () => {
    expect(subscriptionNotices(subscription({ status: "trialing", trial_end: NOW + DAY }))).toEqual([
      { kind: "trialing", trialEnd: NOW + DAY },
    ]);
    expect(subscriptionNotices(subscription({ cancel_at_period_end: true }))).toEqual([
      { kind: "cancel_scheduled", at: NOW + 20 * DAY },
    ]);
    expect(
      subscriptionNotices(subscription({ pause_collection: { behavior: "void", resumes_at: NOW + 9 } })),
    ).toEqual([{ kind: "paused", resumesAt: NOW + 9 }]);
    expect(subscriptionNotices(subscription({ schedule: schedule() }))).toEqual([
      { kind: "scheduled_change", at: NOW + 20 * DAY, price: "price_basic_year" },
    ]);
    expect(subscriptionNotices(subscription({ status: "past_due" }))).toEqual([{ kind: "past_due" }]);
  });
});
