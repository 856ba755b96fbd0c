import { describe, expect, it } from "vitest";
import { brandingCss, contrastRatio, logoUrl, textOn, validHex } from "../../../worker/portal/branding";
import { EMPTY_BRANDING } from "../../../worker/store/configuration-types";

describe("branding colours", () => {
  it("accepts only #rrggbb", () => {
    expect(validHex("#3B4BD8")).toBe("#3b4bd8");
    for (const bad of ["red", "#fff", "#12345g", "#123456;}body{x:y", null, undefined])
      expect(validHex(bad)).toBeNull();
  });

  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("puts text of at least AA contrast on any brand colour", () => {
    for (const color of [
      "#000000",
      "#ffffff",
      "#ffcc00",
      "#3b4bd8",
      "#777777",
      "#00ff00",
      "#ff0000",
      "#808080",
    ]) {
      const text = textOn(color);
      expect(contrastRatio(color, text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(textOn("#ffcc00")).toBe("#000000");
    expect(textOn("#1a237e")).toBe("#ffffff");
  });
});

describe("brandingCss", () => {
  it("is null without branding", () => {
    expect(brandingCss(EMPTY_BRANDING)).toBeNull();
  });

  it("sets brand, contrasting text, link only when readable on white", () => {
    const dark = brandingCss({ ...EMPTY_BRANDING, primary_color: "#1a237e" });
    expect(dark).toBe(":root{--brand: #1a237e;--brand-contrast: #ffffff;--link: #1a237e}");
    const light = brandingCss({ ...EMPTY_BRANDING, primary_color: "#ffcc00" });
    expect(light).toContain("--brand-contrast: #000000");
    expect(light).toContain("--link: var(--text)");
  });

  it("ignores invalid values instead of emitting them", () => {
    const css = brandingCss({
      ...EMPTY_BRANDING,
      primary_color: "red;}*{display:none",
      background_color: "#000000",
    });
    expect(css).toBe(":root{--bg: #000000;--on-bg: #ffffff}");
  });

  it("maps fonts and radii to fixed values", () => {
    const css = brandingCss({ ...EMPTY_BRANDING, font_family: "serif", corner_radius: "none" }) ?? "";
    expect(css).toContain("--font: Georgia");
    expect(css).toContain("--radius: 0");
  });

  it("keeps only https logos", () => {
    expect(logoUrl({ ...EMPTY_BRANDING, logo_url: "https://cdn.example/logo.png" })).toBe(
      "https://cdn.example/logo.png",
    );
    expect(logoUrl({ ...EMPTY_BRANDING, logo_url: "http://cdn.example/logo.png" })).toBeNull();
    expect(logoUrl({ ...EMPTY_BRANDING, logo_url: "javascript:alert(1)" })).toBeNull();
  });
});
