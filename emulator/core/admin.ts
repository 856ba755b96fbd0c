import type { Hono } from "hono";
import type { ApiEnv, Runtime } from "./app";
import { sanitizeFaults } from "./faults";

/** Hooks the admin routes need from the emulator. */
export interface AdminHooks {
  reset(): void;
  clearLog(): void;
}

/**
 * Admin endpoints for e2e tests and benchmarks over HTTP (never under /v1, never logged):
 * health, request log, faults, reset.
 */
export function registerAdmin(app: Hono<ApiEnv>, runtime: Runtime, hooks: AdminHooks): void {
  app.get("/_emulator/health", (c) => c.json({ ok: true }));
  app.get("/_emulator/log", (c) => c.json(runtime.log));
  app.delete("/_emulator/log", (c) => {
    hooks.clearLog();
    return c.json({ ok: true });
  });
  app.get("/_emulator/faults", (c) => c.json(runtime.faults));
  app.post("/_emulator/faults", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: "body must be JSON" }, 400);
    }
    if (typeof body !== "object" || body === null) return c.json({ error: "body must be an object" }, 400);
    try {
      Object.assign(runtime.faults, sanitizeFaults(body as Record<string, unknown>));
    } catch (err) {
      return c.json({ error: (err as Error).message }, 400);
    }
    return c.json(runtime.faults);
  });
  app.post("/_emulator/reset", (c) => {
    hooks.reset();
    return c.json({ ok: true });
  });
}
