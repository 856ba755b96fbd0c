import { describe, expect, it } from "vitest";
import { retentionCoupon, retentionOfferable } from "../../../worker/billing/retention";
import { sameOriginRequest } from "../../../worker/portal/csrf";
import { idempotencyKeyFor, readSubmission } from "../../../worker/portal/idempotency";
import {
  type SignedChange,
  signChange,
  verifyChange,
} from "../../../worker/portal/subscriptions/change-token";
import type { SessionFlow } from "../../../worker/store/session-store";

describe("sameOriginRequest", () => {
  const url = "https://portal.example/p/subscriptions/sub_1/cancel";
  const headers = (h: Record<string, string>) => new Headers(h);

  it("accepts same-origin requests and requests without provenance headers", () => {
    expect(sameOriginRequest(url, headers({}))).toBe(true);
    expect(sameOriginRequest(url, headers({ Origin: "https://portal.example" }))).toBe(true);
    expect(sameOriginRequest(url, headers({ "Sec-Fetch-Site": "same-origin" }))).toBe(true);
    expect(sameOriginRequest(url, headers({ "Sec-Fetch-Site": "none" }))).toBe(true);
  });

  it("accepts Origin: null (what no-referrer makes browsers send) only when Sec-Fetch-Site says same-origin", () => {
    expect(sameOriginRequest(url, headers({ Origin: "null", "Sec-Fetch-Site": "same-origin" }))).toBe(true);
    expect(sameOriginRequest(url, headers({ Origin: "null", "Sec-Fetch-Site": "cross-site" }))).toBe(false);
    expect(sameOriginRequest(url, headers({ Origin: "null", "Sec-Fetch-Site": "none" }))).toBe(false);
  });

  it("refuses other origins and cross-site fetches", () => {
    expect(sameOriginRequest(url, headers({ Origin: "https://evil.example" }))).toBe(false);
    expect(sameOriginRequest(url, headers({ Origin: "http://portal.example" }))).toBe(false);
    expect(sameOriginRequest(url, headers({ Origin: "null" }))).toBe(false);
    expect(sameOriginRequest(url, headers({ "Sec-Fetch-Site": "same-site" }))).toBe(false);
    expect(sameOriginRequest(url, headers({ "Sec-Fetch-Site": "cross-site" }))).toBe(false);
  });
});

describe("submission nonces and idempotency keys", () => {
  it("accepts only well-formed nonces", () => {
    expect(readSubmission({ _submission: "a".repeat(32) })).toBe("a".repeat(32));
    for (const bad of [undefined, "", "short", "a".repeat(65), "has spaces in it!!", 42]) {
      expect(readSubmission({ _submission: bad })).toBeNull();
    }
  });

  it("derives one stable key per session, action, submission and step", async () => {
    const key = await idempotencyKeyFor("bps_1", "cancel:sub_1", "n".repeat(32));
    expect(key).toMatch(/^portal-[0-9a-f]{64}$/);
    expect(await idempotencyKeyFor("bps_1", "cancel:sub_1", "n".repeat(32))).toBe(key);
    const others = await Promise.all([
      idempotencyKeyFor("bps_2", "cancel:sub_1", "n".repeat(32)),
      idempotencyKeyFor("bps_1", "cancel:sub_2", "n".repeat(32)),
      idempotencyKeyFor("bps_1", "cancel:sub_1", "m".repeat(32)),
      idempotencyKeyFor("bps_1", "cancel:sub_1", "n".repeat(32), "schedule"),
    ]);
    expect(new Set([key, ...others]).size).toBe(5);
  });
});

describe("change signature", () => {
  const change: SignedChange = {
    subscription: "sub_1",
    item: "si_1",
    price: "price_pro",
    quantity: 2,
    discount: "promo_1",
    prorationDate: 1_793_620_800,
    scheduled: false,
  };

  it("verifies exactly the signed change with the same secret", async () => {
    const signature = await signChange("secret", change);
    expect(await verifyChange("secret", change, signature)).toBe(true);
    expect(await verifyChange("other", change, signature)).toBe(false);
    for (const altered of [
      { ...change, price: "price_ent" },
      { ...change, quantity: 3 },
      { ...change, discount: null },
      { ...change, prorationDate: change.prorationDate - 1 },
      { ...change, scheduled: true },
    ]) {
      expect(await verifyChange("secret", altered, signature)).toBe(false);
    }
    expect(await verifyChange("secret", change, "zz")).toBe(false);
    expect(await verifyChange("secret", change, undefined)).toBe(false);
  });
});

describe("retention offer", () => {
  const flow = (extra: Partial<SessionFlow>): SessionFlow =>
    ({
      type: "subscription_cancel",
      after_completion: { type: "hosted_confirmation", hosted_confirmation: null, redirect: null },
      subscription_cancel: null,
      ...extra,
    }) as SessionFlow;
  const coupon = { valid: true, redeem_by: null, max_redemptions: null, times_redeemed: 0 };

  it("reads the offered coupon of a cancel flow for its own subscription only", () => {
    const f = flow({
      subscription_cancel: {
        subscription: "sub_1",
        retention: { type: "coupon_offer", coupon_offer: { coupon: "co_1" } },
      },
    });
    expect(retentionCoupon(f, "sub_1")).toBe("co_1");
    expect(retentionCoupon(f, "sub_2")).toBeNull();
    expect(retentionCoupon(null, "sub_1")).toBeNull();
    expect(
      retentionCoupon(flow({ subscription_cancel: { subscription: "sub_1", retention: null } }), "sub_1"),
    ).toBeNull();
  });

  it("is offered only with a redeemable coupon and no discount yet", () => {
    expect(retentionOfferable({ discounts: [] }, coupon, 100)).toBe(true);
    expect(retentionOfferable({ discounts: ["di_1"] }, coupon, 100)).toBe(false);
    expect(retentionOfferable({ discounts: [] }, { ...coupon, valid: false }, 100)).toBe(false);
    expect(retentionOfferable({ discounts: [] }, { ...coupon, redeem_by: 100 }, 100)).toBe(false);
    expect(
      retentionOfferable({ discounts: [] }, { ...coupon, max_redemptions: 1, times_redeemed: 1 }, 100),
    ).toBe(false);
  });
});
