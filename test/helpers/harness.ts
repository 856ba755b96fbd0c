import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { createEmulator, type Emulator } from "../../emulator";
import { createApp } from "../../worker/app";

/** Default start of the test clock: a fixed instant, so every run sees the same periods. */
export const DEFAULT_START = Date.UTC(2026, 10, 2, 12, 0, 0);

/** Everything an integration test needs: emulator, SDKs, shared clock, the portal app. */
export interface Harness {
  emulator: Emulator;
  /** Official SDK talking straight to the emulator (to set up and to assert Stripe state). */
  stripe: Stripe;
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  /** The portal app wired to the emulator and the clock. */
  app: ReturnType<typeof createApp>;
  /** app.request with the test env (env.SESSIONS etc.) — relative or absolute URL. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Official SDK pointed at the portal's merchant API (host portal.test), key sk_test_portal_dev. */
  portal: Stripe;
}

/** An SDK client for the in-process emulator (no retries, so faults surface at once). */
export function emulatorStripe(emulator: Emulator, options: Stripe.StripeConfig = {}): Stripe {
  return new Stripe("sk_test_emulator", {
    host: "127.0.0.1",
    port: 12111,
    protocol: "http",
    httpClient: Stripe.createFetchHttpClient(emulator.fetch),
    maxNetworkRetries: 0,
    ...options,
  });
}

/** Builds a fresh, seeded emulator, a clock shared by emulator and app, and the portal app. */
export function createHarness(options: { startAt?: number } = {}): Harness {
  let current = options.startAt ?? DEFAULT_START;
  const clock = {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
    set: (ms: number) => {
      current = ms;
    },
  };
  const emulator = createEmulator({ now: clock.now });
  const app = createApp({ stripeFetch: emulator.fetch, now: clock.now });
  const request = async (path: string, init?: RequestInit) => app.request(path, init, env);
  const portal = new Stripe("sk_test_portal_dev", {
    host: "portal.test",
    protocol: "http",
    port: 80,
    maxNetworkRetries: 0,
    httpClient: Stripe.createFetchHttpClient(async (url, init) =>
      app.request(url instanceof Request ? url : String(url), init, env),
    ),
  });
  return { emulator, stripe: emulatorStripe(emulator), clock, app, request, portal };
}
