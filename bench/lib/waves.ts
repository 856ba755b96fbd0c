/**
 * Sequential "waves" of Stripe calls, from the emulator's request log.
 *
 * A wave is a group of calls that could all be in flight together. Calls are taken in order of
 * their start; a call opens a new wave when it starts at or after the moment the first call of
 * the current wave ended (it could have waited for that call's answer), otherwise it joins the
 * current wave. With a fixed added latency L per call, a page with n waves cannot answer in
 * under n × L: the wave count is the length of the page's chain of dependent Stripe calls.
 */

/** What the wave count needs from one log entry (milliseconds; `endedAt` null while in flight). */
export interface TimedCall {
  at: number;
  endedAt: number | null;
}

/** Calls and waves of one page load or action. */
export interface WaveCount {
  calls: number;
  waves: number;
  /** Calls in each wave, in order. */
  sizes: number[];
}

/** Groups calls into waves (see the module comment for the rule). */
export function countWaves(calls: readonly TimedCall[]): WaveCount {
  const sorted = [...calls].sort((a, b) => a.at - b.at || end(a) - end(b));
  const sizes: number[] = [];
  let firstEnd = Number.NEGATIVE_INFINITY;
  for (const call of sorted) {
    if (sizes.length === 0 || call.at >= firstEnd) {
      sizes.push(1);
      firstEnd = end(call);
    } else {
      sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + 1;
      firstEnd = Math.min(firstEnd, end(call));
    }
  }
  return { calls: calls.length, waves: sizes.length, sizes };
}

/** A call still in flight has not ended, so nothing could have waited for it. */
function end(call: TimedCall): number {
  return call.endedAt ?? Number.POSITIVE_INFINITY;
}

/** What makes two Stripe calls the same call. */
export interface CallIdentity {
  method: string;
  path: string;
  account: string | null;
  params: Record<string, unknown>;
}

/** Calls that repeat an earlier call of the same request exactly (method, path, account, params). */
export function countDuplicates(calls: readonly CallIdentity[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const call of calls) {
    const key = JSON.stringify([call.method, call.path, call.account, call.params]);
    if (seen.has(key)) duplicates += 1;
    else seen.add(key);
  }
  return duplicates;
}
