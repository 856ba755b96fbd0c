/**
 * A journey through the portal: at every page state it reaches, axe (WCAG 2.2 AA), the
 * layout at 1280, 768 and 360 px, and a screenshot of each width for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { axeViolations, formatViolations } from "./axe";
import type { PageProblems } from "./browser";
import { layoutProblems } from "./layout";
import { SHOT_DIR } from "./paths";

export const WIDTHS = [1280, 768, 360] as const;

export interface StateOptions {
  /** Skip axe (e.g. a page that is not the portal's, like the Checkout stand-in). */
  axe?: boolean;
  /** Skip the layout checks and extra widths (one screenshot at the current width). */
  layout?: boolean;
}

export class Journey {
  private step = 0;
  readonly dir: string;

  constructor(
    readonly page: Page,
    readonly name: string,
    private readonly problems?: PageProblems,
    /**
     * False in the JavaScript-off pass. axe cannot run there (the page's timers never fire);
     * those pages are the same server-rendered HTML the other journeys check with axe.
     */
    private readonly scripts = true,
  ) {
    this.dir = join(SHOT_DIR, name);
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Checks and photographs the page as it is now. Findings are soft failures: the journey
   * goes on, and the test reports every state's problems at once.
   */
  async state(label: string, options: StateOptions = {}): Promise<void> {
    this.step += 1;
    const prefix = `${String(this.step).padStart(2, "0")}-${label}`;
    // The text a test waited for can arrive before the stylesheet: judge the finished page.
    await this.page.waitForLoadState("load");
    const where = `${this.name} › ${prefix} (${this.page.url()})`;
    if (options.axe !== false && this.scripts) {
      const violations = await axeViolations(this.page);
      expect.soft(formatViolations(violations), `axe violations on ${where}`).toBe("");
    }
    if (options.layout === false) {
      await this.page.screenshot({ path: join(this.dir, `${prefix}.png`), fullPage: true });
      return;
    }
    const original = this.page.viewportSize();
    for (const width of WIDTHS) {
      await this.page.setViewportSize({ width, height: original?.height ?? 900 });
      const problems = await layoutProblems(this.page);
      expect.soft(problems, `layout at ${width}px on ${where}`).toEqual([]);
      await this.page.screenshot({ path: join(this.dir, `${prefix}-${width}.png`), fullPage: true });
    }
    if (original) await this.page.setViewportSize(original);
  }

  /** The page ran without script errors, console errors or CSP refusals. */
  expectNoPageErrors(): void {
    expect.soft(this.problems?.errors ?? [], `page errors during ${this.name}`).toEqual([]);
  }
}
