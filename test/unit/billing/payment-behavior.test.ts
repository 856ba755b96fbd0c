import { describe, expect, it } from "vitest";
import { changePaymentBehavior } from "../../../worker/billing/payment-behavior";

describe("payment behaviour of a plan change", () => {
  it("makes a change invoiced now a pending update, so 3-D Secure can finish it", () => {
    expect(changePaymentBehavior({ invoicesNow: true, addsDiscount: false })).toBe("pending_if_incomplete");
  });

  it("keeps error_if_incomplete when the change adds a discount (pending updates cannot carry one)", () => {
    expect(changePaymentBehavior({ invoicesNow: true, addsDiscount: true })).toBe("error_if_incomplete");
  });

  it("keeps error_if_incomplete when nothing is invoiced now, with or without a discount", () => {
    expect(changePaymentBehavior({ invoicesNow: false, addsDiscount: false })).toBe("error_if_incomplete");
    expect(changePaymentBehavior({ invoicesNow: false, addsDiscount: true })).toBe("error_if_incomplete");
  });
});
