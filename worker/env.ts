import type { Translator } from "./lib/i18n";
import type { Locale } from "./lib/locales";
import type { PortalConfiguration } from "./store/configuration-types";
import type { LoadedSession } from "./store/session-store";

/** Dependencies the app takes from outside, so tests can swap the network and the clock. */
export interface AppDeps {
  /** The fetch the Stripe SDK uses. Production: the global fetch. Tests: the in-process emulator. */
  stripeFetch?: typeof fetch;
  /** Milliseconds since the epoch. Tests pass a controlled clock to exercise session expiry. */
  now?: () => number;
  /** The fetch for calls to the merchant's own endpoints (the login email webhook). */
  outboundFetch?: typeof fetch;
}

/**
 * The bindings `wrangler types` generates, plus the secrets a deployment may leave unset
 * (wrangler only types required ones).
 */
export type WorkerEnv = Env & {
  /** Key of the login email webhook's signature; with LOGIN_EMAIL_WEBHOOK_URL it enables the login page. */
  LOGIN_EMAIL_WEBHOOK_SECRET?: string;
};

/** Hono environment shared by every route and middleware. */
export type AppEnv = {
  Bindings: WorkerEnv;
  Variables: {
    /** Injected dependencies, resolved to concrete functions. Set first, by app.ts. */
    deps: Required<AppDeps>;
    /** Per-request nonce for the CSP (no inline script is allowed without it). */
    nonce: string;
    /** Resolved UI locale. Set by middleware/locale. */
    locale: Locale;
    /** Message lookup in the resolved locale. Set by middleware/locale. */
    t: Translator;
    /** The live portal session. Set by middleware/portal-session on customer pages only. */
    session: LoadedSession;
    /** The session's configuration. Set by middleware/portal-session. */
    configuration: PortalConfiguration;
    /**
     * The connected account every Stripe call for this session must carry; null for the
     * platform. Taken from the session, never from request input.
     */
    stripeAccount: string | null;
  };
};

/** True when the worker runs under `npm run dev` or the tests, where dev-only pages exist. */
export function isDevEnvironment(env: Env): boolean {
  return env.PORTAL_ENV === "development" || env.PORTAL_ENV === "test";
}
