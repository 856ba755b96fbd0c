/** Layout checks a person would notice on a phone: sideways scrolling and controls on top of each other. */
import type { Page } from "playwright-core";

/** What is wrong with the layout at the current width (empty when fine). */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      problems.push(
        `horizontal scroll: content is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`,
      );
    }

    const describe = (el: Element) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const name = el.getAttribute("name") ?? el.getAttribute("aria-label") ?? "";
      return `<${el.tagName.toLowerCase()}${name ? ` name="${name}"` : ""}>${text}`;
    };
    // Interactive elements a person can see: visually hidden ones (skip links, sr-only
    // inputs behind styled labels) are 1px boxes or clipped and are left out.
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    // One box per line for a link that wraps: its bounding box would cover its neighbours.
    const boxes = [...document.querySelectorAll(selector)]
      .map((el) => ({ el, rects: [...el.getClientRects()], style: getComputedStyle(el) }))
      .filter(
        ({ el, style }) =>
          el.getBoundingClientRect().width > 2 &&
          el.getBoundingClientRect().height > 2 &&
          style.visibility !== "hidden" &&
          style.opacity !== "0" &&
          style.clipPath !== "inset(50%)" &&
          style.clip !== "rect(0px, 0px, 0px, 0px)",
      );
    // A 1px tolerance: adjacent controls may share an edge.
    const overlap = (as: DOMRect[], bs: DOMRect[]) =>
      as.some((a) =>
        bs.some(
          (b) =>
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1,
        ),
      );
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A control inside a label is one target with its label.
        if (a.el.closest("label") && a.el.closest("label") === b.el.closest("label")) continue;
        if (overlap(a.rects, b.rects)) problems.push(`overlap: ${describe(a.el)} and ${describe(b.el)}`);
      }
    }
    return problems;
  });
}
