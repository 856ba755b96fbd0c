/**
 * Measurement 1: Stripe calls and sequential waves per page, action and flow, from the
 * emulator's request log. Each scenario runs on a freshly reset emulator; the preparation runs
 * without added latency, the measured request with L per call (so waves are clearly apart).
 */
import type Stripe from "stripe";
import type { EmulatorAdmin } from "../lib/emulator-admin";
import { emulatorApi, merchantApi, openPortal } from "../lib/portal-browser";
import { countDuplicates, countWaves } from "../lib/waves";
import { SCENARIOS, type Scenario, type ScenarioContext, type ScenarioKind } from "../scenarios";

/** One scenario's outcome. */
export interface WaveResult {
  name: string;
  kind: ScenarioKind;
  status: number | null;
  /** The measured request answered as expected. */
  ok: boolean;
  calls: number;
  waves: number;
  /** Calls per wave. */
  sizes: number[];
  /** Calls that exactly repeat an earlier call of the same request. */
  duplicates: number;
  /** Stripe paths called, in order of start (method and path). */
  paths: string[];
  /** Wall time of the measured request in ms (with L per call). */
  ms: number;
  /** Response body of a read-only page (for the page weight), else null. */
  html: string | null;
  error: string | null;
}

/** Runs every scenario once and counts its waves. */
export async function measureWaves(
  admin: EmulatorAdmin,
  ctx: ScenarioContext,
  latencyMs: number,
  scenarios: readonly Scenario[] = SCENARIOS,
): Promise<WaveResult[]> {
  const results: WaveResult[] = [];
  for (const scenario of scenarios) {
    results.push(await runOne(admin, ctx, latencyMs, scenario));
  }
  return results;
}

async function runOne(
  admin: EmulatorAdmin,
  ctx: ScenarioContext,
  latencyMs: number,
  scenario: Scenario,
): Promise<WaveResult> {
  const base = { name: scenario.name, kind: scenario.kind };
  try {
    await admin.reset();
    await admin.setLatency(0);
    const request = await scenario.prepare(ctx);
    await admin.setLatency(latencyMs);
    await admin.clearLog();
    const started = performance.now();
    const res = await request();
    const body = await res.text();
    const ms = performance.now() - started;
    const log = await admin.log();
    const count = countWaves(log);
    const ok = res.status === scenario.expect;
    return {
      ...base,
      status: res.status,
      ok,
      ...count,
      duplicates: countDuplicates(log),
      paths: [...log].sort((a, b) => a.at - b.at).map((e) => `${e.method} ${e.path}`),
      ms,
      html: scenario.kind === "read" && ok ? body : null,
      error: ok ? null : `expected ${scenario.expect}, got ${res.status}: ${body.slice(0, 200)}`,
    };
  } catch (err) {
    return {
      ...base,
      status: null,
      ok: false,
      calls: 0,
      waves: 0,
      sizes: [],
      duplicates: 0,
      paths: [],
      ms: 0,
      html: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/** The scenario context over a running portal and emulator, sessions on `configuration`. */
export function scenarioContext(
  portalOrigin: string,
  emulatorOrigin: string,
  configuration: string,
): ScenarioContext {
  const api = merchantApi(portalOrigin);
  const sessionParams = (customer: string): Stripe.BillingPortal.SessionCreateParams => ({
    customer,
    configuration,
    return_url: "https://merchant.example/account",
  });
  return {
    api,
    stripe: emulatorApi(emulatorOrigin),
    sessionParams,
    open: (customer, flow) =>
      openPortal(portalOrigin, api, {
        ...sessionParams(customer),
        ...(flow ? { flow_data: flow as unknown as Stripe.BillingPortal.SessionCreateParams.FlowData } : {}),
      }),
  };
}
