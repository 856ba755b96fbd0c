/**
 * Pausing collection (`features.subscription_pause`): the durations a customer may choose,
 * when the subscription resumes, and the Stripe parameters for pause and resume.
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../store/configuration-types";

type Interval = "day" | "week" | "month" | "year";

/** One choice on the pause page. */
export type PauseOption =
  | { key: "indefinite"; kind: "indefinite" }
  | { key: string; kind: "interval"; interval: Interval; intervalCount: number };

/** Stripe caps a pause at three years. */
const MAX_PAUSE_DAYS = 3 * 366;
const APPROX_DAYS: Record<Interval, number> = { day: 1, week: 7, month: 31, year: 366 };
const INTERVALS: ReadonlySet<string> = new Set(["day", "week", "month", "year"]);

/**
 * The pause choices of a configuration. `indefinite` offers one open-ended pause; otherwise the
 * configured durations (invalid or longer than three years are dropped), defaulting to one
 * month as Stripe does.
 */
export function pauseOptions(config: PortalConfiguration): PauseOption[] {
  const duration = config.features.subscription_pause?.duration;
  if (!duration || duration.type === "indefinite") return [{ key: "indefinite", kind: "indefinite" }];
  const options: PauseOption[] = [];
  for (const o of duration.interval_options ?? []) {
    if (!INTERVALS.has(o.interval) || !Number.isInteger(o.interval_count) || o.interval_count < 1) continue;
    const interval = o.interval as Interval;
    if (APPROX_DAYS[interval] * o.interval_count > MAX_PAUSE_DAYS) continue;
    const key = `${o.interval_count}-${interval}`;
    if (options.some((x) => x.key === key)) continue;
    options.push({ key, kind: "interval", interval, intervalCount: o.interval_count });
  }
  return options.length > 0
    ? options
    : [{ key: "1-month", kind: "interval", interval: "month", intervalCount: 1 }];
}

/** Finds the option the form picked; null for anything not offered. */
export function findPauseOption(config: PortalConfiguration, key: unknown): PauseOption | null {
  if (typeof key !== "string") return null;
  return pauseOptions(config).find((o) => o.key === key) ?? null;
}

/**
 * Adds a calendar duration in UTC. Months clamp to the month's last day (31 January + 1 month
 * is 28 or 29 February), as a person reading the resume date expects.
 */
export function addInterval(unixSeconds: number, interval: Interval, count: number): number {
  const d = new Date(unixSeconds * 1000);
  if (interval === "day" || interval === "week") {
    const days = interval === "day" ? count : count * 7;
    return unixSeconds + days * 86_400;
  }
  const months = interval === "month" ? count : count * 12;
  const targetMonth = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(targetMonth / 12);
  const month = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000;
}

/** When a pause chosen now ends; null for an indefinite pause. */
export function pauseResumesAt(option: PauseOption, nowSeconds: number): number | null {
  if (option.kind === "indefinite") return null;
  return addInterval(nowSeconds, option.interval, option.intervalCount);
}

/**
 * The update that pauses collection. Invoices during the pause are voided (`behavior=void`):
 * the customer is not billed for the paused time.
 */
export function pauseParams(option: PauseOption, nowSeconds: number): Stripe.SubscriptionUpdateParams {
  const resumesAt = pauseResumesAt(option, nowSeconds);
  return {
    pause_collection: resumesAt === null ? { behavior: "void" } : { behavior: "void", resumes_at: resumesAt },
  };
}

/** The update that resumes collection now. */
export function resumeParams(): Stripe.SubscriptionUpdateParams {
  return { pause_collection: "" };
}
