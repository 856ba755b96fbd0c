import { describe, expect, it } from "vitest";
import { hashPasscode, newPasscode, normalizePasscode } from "../../../worker/login/passcode";

describe("passcodes", () => {
  it("are six digits, leading zeros kept, and vary", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newPasscode()));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });

  it("accept what people paste, refuse anything else", () => {
    expect(normalizePasscode("123456")).toBe("123456");
    expect(normalizePasscode(" 123 456 ")).toBe("123456");
    expect(normalizePasscode("123-456")).toBe("123456");
    for (const bad of ["12345", "1234567", "12a456", "", "１２３４５６"])
      expect(normalizePasscode(bad), bad).toBeNull();
  });

  it("hash differently per challenge, so a stored hash says nothing about another", async () => {
    const a = await hashPasscode("challenge-a", "123456");
    expect(a).toBe(await hashPasscode("challenge-a", "123456"));
    expect(a).not.toBe(await hashPasscode("challenge-b", "123456"));
    expect(a).not.toContain("123456");
  });
});
