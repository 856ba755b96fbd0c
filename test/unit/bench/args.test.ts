import { describe, expect, it } from "vitest";
import { DEFAULTS, parseArgs } from "../../../bench/lib/args";

describe("bench flags", () => {
  it("uses the defaults without flags: L = 50 ms, 10 connections, 10 s", () => {
    expect(parseArgs([])).toEqual(DEFAULTS);
    expect(DEFAULTS).toMatchObject({ latencyMs: 50, connections: 10, durationS: 10 });
  });

  it("reads each flag, with a space or an equals sign", () => {
    expect(
      parseArgs(["--latency", "100", "--duration=5", "--connections", "4", "--out", "x.json"]),
    ).toMatchObject({
      latencyMs: 100,
      durationS: 5,
      connections: 4,
      out: "x.json",
    });
  });

  it("refuses unknown flags and values out of range, naming the flag", () => {
    expect(() => parseArgs(["--latncy", "5"])).toThrow(/unknown flag --latncy/);
    expect(() => parseArgs(["--duration", "0"])).toThrow(/--duration must be a whole number from 1/);
    expect(() => parseArgs(["--connections", "ten"])).toThrow(/--connections/);
    expect(() => parseArgs(["--latency"])).toThrow(/--latency/);
  });
});
