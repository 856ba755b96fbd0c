/**
 * Counts the sequential waves of Stripe calls a portal request makes, without timing anything:
 * the portal app is given a Stripe fetch that holds every call until the app has nothing else
 * to start (a macrotask after the first held call), then releases the batch. Calls released
 * together are one wave; a call the app can only make after an answer lands in a later batch.
 */
import { env } from "cloudflare:workers";
import { createApp } from "../../worker/app";
import type { Harness } from "./harness";

/** One released batch: the calls (`METHOD /path`) that were in flight together. */
export type Wave = string[];

/** A harness whose portal app goes through the wave gate, and the waves it recorded. */
export interface WaveHarness extends Harness {
  /** Waves since the last `reset()`. */
  waves: Wave[];
  reset(): void;
}

function label(input: RequestInfo | URL, init?: RequestInit): string {
  const request = input instanceof Request ? input : null;
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const url = new URL(request ? request.url : String(input));
  return `${method} ${url.pathname}`;
}

/**
 * `h` with its portal app rebuilt on a gated Stripe fetch (same emulator, clock and KV). The
 * merchant API (`h.portal`) keeps the ungated app, so creating sessions records nothing.
 */
export function withWaveGate(h: Harness): WaveHarness {
  const waves: Wave[] = [];
  let open: { calls: string[]; release: Array<() => void> } | null = null;
  const gated: typeof fetch = async (input, init) => {
    if (!open) {
      const batch: { calls: string[]; release: Array<() => void> } = { calls: [], release: [] };
      open = batch;
      // Ample time for the app to start every call it can make before any answer arrives.
      setTimeout(() => {
        open = null;
        waves.push(batch.calls);
        for (const go of batch.release) go();
      }, 15);
    }
    const batch = open;
    batch.calls.push(label(input, init));
    await new Promise<void>((resolve) => batch.release.push(resolve));
    return h.emulator.fetch(input, init);
  };
  const app = createApp({ stripeFetch: gated, now: h.clock.now });
  return {
    ...h,
    app,
    request: async (path, init) => app.request(path, init, env),
    waves,
    reset: () => {
      waves.length = 0;
    },
  };
}
