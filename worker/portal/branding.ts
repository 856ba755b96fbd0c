/**
 * Branding as CSS custom properties. Colours come from the configuration, so they are checked
 * strictly (`#rrggbb` only: nothing else can reach the style block) and paired with black or
 * white text, whichever contrasts more; either choice meets WCAG AA (4.5:1) for any colour.
 */
import type { Branding } from "../store/configuration-types";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The colour when it is a valid `#rrggbb`, else null. */
export function validHex(color: string | null | undefined): string | null {
  return color && HEX.test(color) ? color.toLowerCase() : null;
}

function channel(hex: string, offset: number): number {
  const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on the colour. */
export function textOn(background: string): "#000000" | "#ffffff" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";
}

/** Font stacks a merchant may pick; system fonts only, so no font is ever downloaded. */
const FONT_STACKS: Record<NonNullable<Branding["font_family"]>, string> = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  serif: 'Georgia, "Times New Roman", "Noto Serif", serif',
  rounded: 'ui-rounded, "SF Pro Rounded", "Nunito", system-ui, sans-serif',
  monospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
};

const RADII: Record<NonNullable<Branding["corner_radius"]>, string> = {
  none: "0",
  small: "4px",
  medium: "8px",
  large: "16px",
};

/** Cards are white; links and text inside them are checked against it. */
const SURFACE = "#ffffff";
const AA = 4.5;

/**
 * The CSS custom properties for a configuration's branding, as declarations for `:root`.
 * Empty when nothing is branded. Buttons get the brand colour with a contrasting text colour;
 * links take the brand colour only where it reads on the white cards; text straight on a
 * branded page background (header, footer) gets black or white.
 */
export function brandingDeclarations(branding: Branding): string[] {
  const out: string[] = [];
  const primary = validHex(branding.primary_color);
  const background = validHex(branding.background_color);
  if (primary) {
    out.push(`--brand: ${primary}`, `--brand-contrast: ${textOn(primary)}`);
    out.push(`--link: ${contrastRatio(primary, SURFACE) >= AA ? primary : "var(--text)"}`);
  }
  if (background) out.push(`--bg: ${background}`, `--on-bg: ${textOn(background)}`);
  if (branding.font_family && FONT_STACKS[branding.font_family]) {
    out.push(`--font: ${FONT_STACKS[branding.font_family]}`);
  }
  if (branding.corner_radius && RADII[branding.corner_radius])
    out.push(`--radius: ${RADII[branding.corner_radius]}`);
  return out;
}

/** The whole `:root { … }` rule, or null when there is nothing to brand. */
export function brandingCss(branding: Branding): string | null {
  const declarations = brandingDeclarations(branding);
  return declarations.length === 0 ? null : `:root{${declarations.join(";")}}`;
}

/** The logo URL when it is https (the CSP allows https images only). */
export function logoUrl(branding: Branding): string | null {
  const url = branding.logo_url;
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
