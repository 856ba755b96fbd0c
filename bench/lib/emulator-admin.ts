/** The emulator's admin endpoints (`/_emulator/*`), over HTTP. */
import type { RequestLogEntry } from "../../emulator/index";

/** Admin client for one emulator origin. */
export interface EmulatorAdmin {
  /** Back to the seed: objects, log and faults. */
  reset(): Promise<void>;
  /** Milliseconds added to every /v1 call. */
  setLatency(ms: number): Promise<void>;
  clearLog(): Promise<void>;
  log(): Promise<RequestLogEntry[]>;
}

async function call(origin: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${origin}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An admin client for the emulator at `origin`. */
export function emulatorAdmin(origin: string): EmulatorAdmin {
  return {
    reset: async () => void (await call(origin, "POST", "/_emulator/reset")),
    setLatency: async (ms) => void (await call(origin, "POST", "/_emulator/faults", { latencyMs: ms })),
    clearLog: async () => void (await call(origin, "DELETE", "/_emulator/log")),
    log: async () => (await call(origin, "GET", "/_emulator/log")) as RequestLogEntry[],
  };
}
