/**
 * The targets the bench prints beside its figures (issue 7). They are for a person to judge
 * against; nothing fails when one is missed.
 */

const KIB = 1024;

export const GOALS = {
  /** Sequential Stripe waves of a page that only reads. */
  wavesPerReadPage: 1,
  /** p50 latency / (waves × L). */
  p50Ratio: 1.2,
  /** Median CPU time of one home-page render, µs. */
  renderMedianUs: 1000,
  /** HTML per page, gzip, bytes. */
  htmlGzipBytes: 20 * KIB,
  /** JavaScript a page needs, bytes. */
  jsBytes: 0,
  /** Worker bundle, gzip, bytes. */
  bundleGzipBytes: 1024 * KIB,
} as const;

/** "ok" when the figure meets the goal, "MISS" when not, "n/a" when there is no figure. */
export type Verdict = "ok" | "MISS" | "n/a";

/** Verdict for "figure at most goal" (or below, when `strict`). */
export function atMost(figure: number | null | undefined, goal: number, strict = false): Verdict {
  if (figure === null || figure === undefined || Number.isNaN(figure)) return "n/a";
  return (strict ? figure < goal : figure <= goal) ? "ok" : "MISS";
}
