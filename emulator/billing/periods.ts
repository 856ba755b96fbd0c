/** Recurring intervals Stripe supports. */
export type Interval = "day" | "week" | "month" | "year";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Adds `count` intervals to a Unix timestamp (seconds). Months and years keep the anchor's
 * day of month, clamped to the month's length (Jan 31 → Feb 28 → Mar 31), as Stripe does.
 */
export function addInterval(ts: number, interval: Interval, count = 1, anchorTs = ts): number {
  if (interval === "day") return ts + count * 86_400;
  if (interval === "week") return ts + count * 7 * 86_400;
  const date = new Date(ts * 1000);
  const anchorDay = new Date(anchorTs * 1000).getUTCDate();
  const months = interval === "month" ? count : count * 12;
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const day = Math.min(anchorDay, daysInMonth(year, month));
  return Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000;
}

/** Subtracts `count` intervals (for seeding history backwards from a period start). */
export function subtractInterval(ts: number, interval: Interval, count = 1, anchorTs = ts): number {
  if (interval === "day") return ts - count * 86_400;
  if (interval === "week") return ts - count * 7 * 86_400;
  return addInterval(ts, interval, -count, anchorTs);
}

/** Short English date used in line descriptions ("02 Nov 2026"). */
export function shortDate(ts: number): string {
  const date = new Date(ts * 1000);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${String(date.getUTCDate()).padStart(2, "0")} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
