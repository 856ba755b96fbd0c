import { describe, expect, it } from "vitest";
import { countDuplicates, countWaves } from "../../../bench/lib/waves";

const call = (at: number, endedAt: number | null) => ({ at, endedAt });

describe("countWaves", () => {
  it("counts no waves for a page without Stripe calls", () => {
    expect(countWaves([])).toEqual({ calls: 0, waves: 0, sizes: [] });
  });

  it("counts parallel calls as one wave", () => {
    expect(countWaves([call(0, 50), call(1, 52), call(3, 51)])).toEqual({ calls: 3, waves: 1, sizes: [3] });
  });

  it("counts a dependent chain as one wave per link", () => {
    expect(countWaves([call(0, 50), call(51, 101), call(102, 153)]).waves).toBe(3);
  });

  it("opens a wave when a call starts after one of the current wave ended, others still in flight", () => {
    // The subscription list ends first and its invoice previews start while the rest is in flight.
    const calls = [call(0, 50), call(1, 70), call(2, 71), call(52, 102), call(53, 103)];
    expect(countWaves(calls)).toEqual({ calls: 5, waves: 2, sizes: [3, 2] });
  });

  it("treats a call starting in the same millisecond another ended as waiting for it", () => {
    expect(countWaves([call(0, 50), call(50, 100)]).waves).toBe(2);
  });

  it("does not depend on the order of the log", () => {
    const calls = [call(53, 103), call(0, 50), call(52, 102), call(2, 71), call(1, 70)];
    expect(countWaves(calls).sizes).toEqual([3, 2]);
  });

  it("never closes a wave on a call that is still in flight", () => {
    expect(countWaves([call(0, null), call(60, 110)]).waves).toBe(1);
  });
});

describe("countDuplicates", () => {
  const get = (path: string, params: Record<string, unknown> = {}, account: string | null = null) => ({
    method: "GET",
    path,
    account,
    params,
  });

  it("counts a call repeated with the same parameters", () => {
    const calls = [
      get("/v1/subscriptions", { customer: "cus_1" }),
      get("/v1/subscriptions", { customer: "cus_1" }),
    ];
    expect(countDuplicates(calls)).toBe(1);
  });

  it("does not count calls that differ in parameters, account or method", () => {
    const calls = [
      get("/v1/subscriptions", { customer: "cus_1" }),
      get("/v1/subscriptions", { customer: "cus_2" }),
      get("/v1/subscriptions", { customer: "cus_1" }, "acct_1"),
      { ...get("/v1/subscriptions", { customer: "cus_1" }), method: "POST" },
    ];
    expect(countDuplicates(calls)).toBe(0);
  });
});
