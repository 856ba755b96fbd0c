/**
 * Checks axe cannot make: a form error is announced and tied to its field, the focused
 * element shows where it is, and a task can be done with the keyboard alone.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** How a field's error reaches a screen reader user. */
export interface FieldErrorReport {
  /** The field exists and says `aria-invalid="true"`. */
  invalid: boolean;
  /** Text of the elements its `aria-describedby` points to. */
  description: string;
  /** Text of the live regions (`role="alert"`, `aria-live`) on the page. */
  announced: string;
  /** A live region holds a link to the field (an error summary the user can follow). */
  summaryLink: boolean;
}

export async function fieldErrorReport(page: Page, fieldId: string): Promise<FieldErrorReport> {
  return page.evaluate((id) => {
    const field = document.getElementById(id);
    const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const description = (field?.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((ref) => text(document.getElementById(ref)))
      .join(" | ");
    const regions = [...document.querySelectorAll('[role="alert"], [role="status"], [aria-live]')].filter(
      (el) => el.getAttribute("aria-live") !== "off",
    );
    return {
      invalid: field?.getAttribute("aria-invalid") === "true",
      description,
      announced: regions.map(text).join(" | "),
      summaryLink: regions.some((region) => region.querySelector(`a[href="#${CSS.escape(id)}"]`) !== null),
    };
  }, fieldId);
}

/**
 * The field with this id is marked invalid (unless it is a group, which cannot be), is
 * described by the message, and the message is in a live region, with a link to the field,
 * so it is announced and the user can get to it.
 */
export async function expectFieldError(
  page: Page,
  fieldId: string,
  message: string,
  options: { group?: boolean } = {},
): Promise<void> {
  // The form has just been sent: wait for the page that comes back with the message.
  await expect.poll(async () => (await fieldErrorReport(page, fieldId)).description).toContain(message);
  const report = await fieldErrorReport(page, fieldId);
  if (!options.group) expect(report.invalid, `#${fieldId} has aria-invalid="true"`).toBe(true);
  expect(report.description, `#${fieldId} is described by its error`).toContain(message);
  expect(report.announced, `the error for #${fieldId} is in a live region`).toContain(message);
  expect(report.summaryLink, `the announced error links to #${fieldId}`).toBe(true);
}

/** What the focused element is and whether its focus can be seen. */
export interface FocusStop {
  tag: string;
  name: string;
  /** Focus shows as an outline (or a box shadow ring) of at least 1px. */
  visible: boolean;
  style: string;
}

export async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 1;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    const input = el as HTMLInputElement;
    const labels = input.labels ? [...input.labels].map((l) => l.textContent ?? "").join(" ") : "";
    const name = (el.getAttribute("aria-label") ?? labels ?? "") || el.textContent || input.value || "";
    return {
      tag: el.tagName.toLowerCase() + (input.type ? `[${input.type}]` : ""),
      name: name.replace(/\s+/g, " ").trim(),
      visible: outline || ring,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

/**
 * Presses Tab until the focused element's name matches, checking at every stop that the
 * focus is visible. Fails when the target is not reached within `maxStops`.
 */
export async function tabTo(page: Page, name: RegExp, maxStops = 60): Promise<FocusStop> {
  const seen: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const stop = await focusStop(page);
    if (!stop) continue;
    seen.push(`${stop.tag} "${stop.name}"`);
    expect.soft(stop.visible, `focus is visible on ${stop.tag} "${stop.name}" (${stop.style})`).toBe(true);
    if (name.test(stop.name)) return stop;
  }
  throw new Error(`Tab never reached ${name}; stops were:\n  ${seen.join("\n  ")}`);
}
