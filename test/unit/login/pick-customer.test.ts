import { describe, expect, it } from "vitest";
import { normalizeLoginEmail, pickLoginCustomer } from "../../../worker/login/pick-customer";

const c = (id: string, created: number, ...subscriptionStatuses: string[]) => ({
  id,
  created,
  subscriptionStatuses,
});

describe("pickLoginCustomer", () => {
  it("takes the newest customer with an active subscription over newer ones without", () => {
    expect(pickLoginCustomer([c("cus_old", 1, "active"), c("cus_new", 3), c("cus_mid", 2, "canceled")])).toBe(
      "cus_old",
    );
  });

  it("among several subscribed customers, the newest wins", () => {
    expect(
      pickLoginCustomer([c("cus_a", 1, "active"), c("cus_b", 5, "trialing"), c("cus_c", 3, "past_due")]),
    ).toBe("cus_b");
  });

  it("counts trialing and past_due as active, ended and paused states as not", () => {
    for (const status of ["active", "trialing", "past_due"]) {
      expect(pickLoginCustomer([c("cus_sub", 1, status), c("cus_new", 2)]), status).toBe("cus_sub");
    }
    for (const status of ["canceled", "incomplete_expired", "incomplete", "unpaid", "paused"]) {
      expect(pickLoginCustomer([c("cus_sub", 1, status), c("cus_new", 2)]), status).toBe("cus_new");
    }
  });

  it("without any subscription the newest customer gets in; with none at all, nobody", () => {
    expect(pickLoginCustomer([c("cus_a", 1), c("cus_b", 2)])).toBe("cus_b");
    expect(pickLoginCustomer([])).toBeNull();
  });
});

describe("normalizeLoginEmail", () => {
  it("trims and accepts addresses, refuses everything else", () => {
    expect(normalizeLoginEmail("  Mia@Example.com ")).toBe("Mia@Example.com");
    for (const bad of [
      "",
      "mia",
      "mia@",
      "@example.com",
      "mia@example",
      "a b@example.com",
      `${"a".repeat(510)}@x.io`,
    ]) {
      expect(normalizeLoginEmail(bad), bad).toBeNull();
    }
    expect(normalizeLoginEmail("mia@example.com\r\nBcc: x@example.com")).toBeNull();
  });
});
