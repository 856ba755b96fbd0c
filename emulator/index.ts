import { advanceAccount } from "./billing/lifecycle";
import { registerAdmin } from "./core/admin";
import { createApiApp, type RequestLogEntry, type Runtime } from "./core/app";
import { defaultFaults, type FaultSettings, sanitizeFaults } from "./core/faults";
import { registerResources } from "./resources";
import { createState } from "./seed";

export type { RequestLogEntry } from "./core/app";
export type { FaultSettings } from "./core/faults";

/** Options of `createEmulator`. */
export interface EmulatorOptions {
  /** Load the demo data (default true). */
  seed?: boolean;
  /** Milliseconds since the epoch; default Date.now. All timestamps and periods use it. */
  now?: () => number;
  /** Origin of the hosted pages (Checkout stand-in, hosted invoice, PDF). */
  publicOrigin?: string;
}

/** An in-process Stripe emulator. */
export interface Emulator {
  /** Handles any URL (host ignored). Pass to `Stripe.createFetchHttpClient`. */
  fetch: typeof fetch;
  /** Every /v1 request received, oldest first. */
  readonly log: RequestLogEntry[];
  /** Log entries that are writes (POST or DELETE on /v1). */
  writes(): RequestLogEntry[];
  clearLog(): void;
  setFaults(f: Partial<FaultSettings>): void;
  /** Drop all state (objects, log, faults) and, if seeding, re-seed. */
  reset(): void;
}

/** Default origin of the hosted pages: the dev server's. */
export const DEFAULT_PUBLIC_ORIGIN = "http://127.0.0.1:12111";

/**
 * Creates a stateful Stripe emulator. Uses only web-standard APIs, so it runs in workerd
 * (tests) and in Node (`emulator/server.ts`).
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.now ?? (() => Date.now());
  const seed = options.seed ?? true;
  const log: RequestLogEntry[] = [];
  const publicOrigin = (options.publicOrigin ?? DEFAULT_PUBLIC_ORIGIN).replace(/\/$/, "");
  const runtime: Runtime = {
    state: createState(now, seed, publicOrigin),
    log,
    faults: defaultFaults(),
    now,
    publicOrigin,
    beforeHandle: advanceAccount,
  };
  const { app, api } = createApiApp(runtime);
  const clearLog = () => {
    log.length = 0;
  };
  const reset = () => {
    runtime.state = createState(now, seed, publicOrigin);
    runtime.faults = defaultFaults();
    clearLog();
  };
  registerAdmin(app, runtime, { reset, clearLog });
  registerResources(app, api, runtime);

  return {
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    log,
    writes: () => log.filter((entry) => entry.method === "POST" || entry.method === "DELETE"),
    clearLog,
    setFaults: (f) => {
      Object.assign(runtime.faults, sanitizeFaults(f as Record<string, unknown>));
    },
    reset,
  };
}
