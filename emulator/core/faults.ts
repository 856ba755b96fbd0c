/** Fault injection settings (see `Emulator.setFaults`). */
export interface FaultSettings {
  /** Added to every /v1 request. */
  latencyMs: number;
  /** 0..1 probability of an injected error. */
  errorRate: number;
  /** Status of injected errors: 500 | 502 | 503 | 429. */
  errorStatus: number;
  /** 0..1 probability that a request hangs for `timeoutMs` and then answers 504. */
  timeoutRate: number;
  timeoutMs: number;
  /** Only inject on paths containing this substring (null = every path). */
  pathPattern: string | null;
  /** Deterministic: the next N matching /v1 requests fail with `errorStatus`. */
  failNext: number;
}

/** No faults. */
export function defaultFaults(): FaultSettings {
  return {
    latencyMs: 0,
    errorRate: 0,
    errorStatus: 500,
    timeoutRate: 0,
    timeoutMs: 30_000,
    pathPattern: null,
    failNext: 0,
  };
}

/** What to do to one request, decided before its handler runs. */
export type FaultDecision =
  | { kind: "none" }
  | { kind: "error"; status: number }
  | { kind: "timeout"; ms: number };

/** Decides the fault for a request to `path`, consuming one `failNext` if it applies. */
export function decideFault(faults: FaultSettings, path: string, random: () => number): FaultDecision {
  if (faults.pathPattern !== null && !path.includes(faults.pathPattern)) return { kind: "none" };
  if (faults.failNext > 0) {
    faults.failNext -= 1;
    return { kind: "error", status: faults.errorStatus };
  }
  if (faults.timeoutRate > 0 && random() < faults.timeoutRate)
    return { kind: "timeout", ms: faults.timeoutMs };
  if (faults.errorRate > 0 && random() < faults.errorRate)
    return { kind: "error", status: faults.errorStatus };
  return { kind: "none" };
}

/** Validates a partial settings object from the admin endpoint or `setFaults`. */
export function sanitizeFaults(input: Record<string, unknown>): Partial<FaultSettings> {
  const out: Partial<FaultSettings> = {};
  const num = (key: keyof FaultSettings) => {
    const value = input[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(`fault setting ${key} must be a non-negative number`);
    }
    return value;
  };
  for (const key of ["latencyMs", "timeoutMs", "failNext"] as const) {
    const value = num(key);
    if (value !== undefined) out[key] = Math.floor(value);
  }
  for (const key of ["errorRate", "timeoutRate"] as const) {
    const value = num(key);
    if (value !== undefined) out[key] = Math.min(1, value);
  }
  const status = num("errorStatus");
  if (status !== undefined) {
    if (![429, 500, 502, 503].includes(status)) throw new Error("errorStatus must be 429, 500, 502 or 503");
    out.errorStatus = status;
  }
  if (input.pathPattern !== undefined) {
    if (input.pathPattern !== null && typeof input.pathPattern !== "string") {
      throw new Error("pathPattern must be a string or null");
    }
    out.pathPattern = input.pathPattern;
  }
  return out;
}

/** The Stripe-style body of an injected error. */
export function faultBody(status: number): { error: Record<string, string> } {
  if (status === 429) {
    return {
      error: {
        type: "invalid_request_error",
        code: "rate_limit",
        message: "Too many requests hit the API too quickly. (injected by the emulator)",
      },
    };
  }
  return {
    error: {
      type: "api_error",
      message: `An unexpected error occurred (injected by the emulator, status ${status}).`,
    },
  };
}
