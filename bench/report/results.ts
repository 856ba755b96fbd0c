/** The shape of `bench/results/latest.json`: everything one run measured, for comparing runs. */
import type { BenchOptions } from "../lib/args";
import type { LatencyResult } from "../measure/latency";
import type { MemoryResult } from "../measure/memory";
import type { BundleWeight, PageWeight } from "../measure/page-weight";
import type { RenderResult } from "../measure/render-cpu";
import type { WaveResult } from "../measure/waves";
import type { GOALS } from "./goals";

/** One bench run. */
export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  /** Wall time of the whole run, s. */
  tookS: number;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    /** 1, 5 and 15 minute load averages at the start: a busy machine makes latency noisy. */
    loadAverage: number[];
    commit: string | null;
  };
  options: BenchOptions;
  goals: typeof GOALS;
  /** Waves per scenario (without the page bodies). */
  waves: Omit<WaveResult, "html">[];
  latency: LatencyResult[];
  render: RenderResult[];
  pages: PageWeight[];
  bundle: BundleWeight | null;
  memory: MemoryResult | null;
  /** Measurements that could not run, with why. */
  errors: { phase: string; message: string }[];
}
