/** Command-line flags of `npm run bench` (after `--`). */

/** Settings of one bench run. */
export interface BenchOptions {
  /** Added latency per Stripe call, ms (L). */
  latencyMs: number;
  /** Seconds of load per endpoint. */
  durationS: number;
  /** Concurrent clients of the load tool. */
  connections: number;
  /** Renders per locale for the CPU measurement. */
  renders: number;
  /** Where the JSON goes. */
  out: string;
}

export const DEFAULTS: BenchOptions = {
  latencyMs: 50,
  durationS: 10,
  connections: 10,
  renders: 1000,
  out: "bench/results/latest.json",
};

export const USAGE = `Usage: npm run bench -- [--latency MS] [--duration S] [--connections N] [--renders N] [--out FILE]
  --latency      added latency per Stripe call in ms (L)     default ${DEFAULTS.latencyMs}
  --duration     seconds of load per endpoint                 default ${DEFAULTS.durationS}
  --connections  concurrent clients during the load           default ${DEFAULTS.connections}
  --renders      home page renders per locale (render CPU)    default ${DEFAULTS.renders}
  --out          JSON results file                            default ${DEFAULTS.out}`;

type NumberOption = Exclude<keyof BenchOptions, "out">;

const LIMITS: Record<string, { key: NumberOption; min: number; max: number }> = {
  "--latency": { key: "latencyMs", min: 1, max: 2000 },
  "--duration": { key: "durationS", min: 1, max: 120 },
  "--connections": { key: "connections", min: 1, max: 200 },
  "--renders": { key: "renders", min: 10, max: 1_000_000 },
};

/** Parses the flags; throws with a message for anything unknown or out of range. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? "";
    const [name, inline] = flag.includes("=") ? flag.split("=", 2) : [flag, undefined];
    const value = inline ?? argv[++i];
    if (name === "--out") {
      if (!value) throw new Error("--out needs a file name");
      options.out = value;
      continue;
    }
    const limit = LIMITS[name ?? ""];
    if (!limit) throw new Error(`unknown flag ${flag}`);
    const n = Number(value);
    if (!Number.isInteger(n) || n < limit.min || n > limit.max) {
      throw new Error(`${name} must be a whole number from ${limit.min} to ${limit.max}`);
    }
    options[limit.key] = n;
  }
  return options;
}
