/**
 * Measurement 2: latency against the limit. autocannon drives a fixed number of connections
 * for a fixed time at one endpoint of `wrangler dev` (127.0.0.1 only), while the emulator adds
 * L to every Stripe call. The limit for a page is waves × L: ratio = p50 / (waves × L), 1.0
 * meaning the portal adds nothing on top of the Stripe round trips it cannot avoid.
 */
import autocannon from "autocannon";

/** One endpoint under load. */
export interface LoadTarget {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sequential Stripe waves of this request (from the wave measurement); null if unknown. */
  waves: number | null;
}

/** What the load run saw for one endpoint. */
export interface LatencyResult {
  name: string;
  /** ms */
  p50: number;
  p99: number;
  mean: number;
  /** Requests per second (mean over the run). */
  rps: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers that were not 2xx. */
  non2xx: number;
  waves: number | null;
  /** waves × L, ms. */
  limitMs: number | null;
  /** p50 / limit. */
  ratio: number | null;
  /**
   * CPU the run cost per process role, per request (ms) and as a share of one core (%): where
   * the time went, and whether the 2-core machine, not the portal, was the limit.
   */
  cpu: Record<string, { msPerRequest: number | null; percent: number }>;
}

/** CPU seconds used so far, per process role ("worker", "emulator", "load tool", ...). */
export type CpuSampler = () => Record<string, number>;

/** Load settings. */
export interface LoadSettings {
  origin: string;
  latencyMs: number;
  durationS: number;
  connections: number;
  cpu: CpuSampler;
}

async function run(
  target: LoadTarget,
  settings: LoadSettings,
  durationS: number,
): Promise<autocannon.Result> {
  const url = new URL(target.path, settings.origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`the bench only loads 127.0.0.1, not ${url.hostname}`);
  return autocannon({
    url: url.href,
    method: target.method,
    headers: target.headers,
    ...(target.body === undefined ? {} : { body: target.body }),
    connections: settings.connections,
    duration: durationS,
    timeout: 30,
  });
}

/** Loads each target for the set duration (after a 1 s warm-up that is not counted). */
export async function measureLatency(
  targets: readonly LoadTarget[],
  settings: LoadSettings,
): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const target of targets) {
    await run(target, settings, 1);
    const before = settings.cpu();
    const r = await run(target, settings, settings.durationS);
    const after = settings.cpu();
    const answered = r.requests.total > 0;
    const limitMs = target.waves ? target.waves * settings.latencyMs : null;
    const cpu = Object.fromEntries(
      Object.entries(after).map(([role, seconds]) => {
        const used = seconds - (before[role] ?? 0);
        return [
          role,
          {
            msPerRequest: answered ? (used * 1000) / r.requests.total : null,
            percent: (used / r.duration) * 100,
          },
        ];
      }),
    );
    results.push({
      name: target.name,
      p50: answered ? r.latency.p50 : Number.NaN,
      p99: answered ? r.latency.p99 : Number.NaN,
      mean: answered ? r.latency.average : Number.NaN,
      rps: r.requests.average,
      requests: r.requests.total,
      errors: r.errors,
      non2xx: r.non2xx,
      waves: target.waves,
      limitMs,
      ratio: limitMs && answered ? r.latency.p50 / limitMs : null,
      cpu,
    });
  }
  return results;
}
