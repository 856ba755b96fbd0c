import { type Context, Hono } from "hono";
import qs from "qs";
import type { Ctx } from "./context";
import { StripeError } from "./errors";
import { applyExpand } from "./expand";
import { decideFault, type FaultSettings, faultBody } from "./faults";
import { type Params, strList } from "./params";
import { randomToken } from "./random";
import type { AccountData, State } from "./store";

/** One /v1 request as the emulator saw it (see `Emulator.log`). */
export interface RequestLogEntry {
  method: string;
  /** Path without the query, e.g. "/v1/subscriptions/sub_x". */
  path: string;
  /** Stripe-Account header. */
  account: string | null;
  idempotencyKey: string | null;
  /** Decoded query (GET) or body (POST/DELETE). */
  params: Record<string, unknown>;
  status: number;
  /** now() in ms when the request arrived. */
  at: number;
  /** now() in ms when the response was ready (null while in flight); with `at`, the bench's waves. */
  endedAt: number | null;
}

/** The mutable parts of one emulator instance that the request pipeline works on. */
export interface Runtime {
  state: State;
  readonly log: RequestLogEntry[];
  faults: FaultSettings;
  now: () => number;
  publicOrigin: string;
  /** Runs before each /v1 handler (the clock-driven billing lifecycle). */
  beforeHandle?: (ctx: Ctx) => void;
}

/** Hono environment of the emulator app. */
export type ApiEnv = { Variables: { ctx: Ctx } };

/** A handler returns the Stripe object (or list) to send; `expand[]` is applied afterwards. */
export type Handler = (ctx: Ctx, path: Record<string, string>) => unknown;

/** Registers /v1 endpoints; resources receive one of these. */
export interface Api {
  get(path: string, handler: Handler): void;
  post(path: string, handler: Handler): void;
  del(path: string, handler: Handler): void;
}

const QS_OPTIONS = { arrayLimit: 200, depth: 10, parameterLimit: 5000 } as const;

/** Decodes a bracket-notation query string or form body. */
export function decodeForm(text: string): Params {
  return qs.parse(text, QS_OPTIONS) as Params;
}

/** Reads a body as UTF-8 text (workerd warns when form bodies are read with `.text()`). */
export async function readText(req: Request): Promise<string> {
  return new TextDecoder().decode(await req.arrayBuffer());
}

function envelope(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function authError(header: string | undefined): StripeError | null {
  if (!header) {
    return new StripeError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  let key = "";
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme === "Bearer") key = value.trim();
  else if (scheme === "Basic") key = (atob(value.trim()).split(":")[0] ?? "").trim();
  if (/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key)) return null;
  const shown = key.length > 8 ? `${key.slice(0, 8)}${"*".repeat(8)}${key.slice(-4)}` : key || header;
  return new StripeError(401, "invalid_request_error", `Invalid API Key provided: ${shown}`);
}

/**
 * Builds the Hono app: admin routes are added by the caller; this sets up the /v1 pipeline
 * (log, auth, account scoping, faults, idempotency, errors) and returns the registrar.
 */
export function createApiApp(runtime: Runtime): { app: Hono<ApiEnv>; api: Api } {
  const app = new Hono<ApiEnv>();

  app.use("/v1/*", async (c, next) => {
    const url = new URL(c.req.url);
    const method = c.req.method;
    const query = decodeForm(url.search.slice(1));
    const body = method === "GET" ? {} : decodeForm(await readText(c.req.raw));
    const params = { ...query, ...body };
    const account = c.req.header("stripe-account") ?? null;
    const idempotencyKey = c.req.header("idempotency-key") ?? null;
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      account,
      idempotencyKey,
      params,
      status: 0,
      at: runtime.now(),
      endedAt: null,
    };
    runtime.log.push(entry);
    const requestId = `req_${randomToken(14)}`;
    const finish = (res: Response): Response => {
      entry.status = res.status;
      entry.endedAt = runtime.now();
      res.headers.set("request-id", requestId);
      return res;
    };

    const denied = authError(c.req.header("authorization"));
    if (denied) return finish(envelope(denied.status, denied.toBody()));

    let data: AccountData | undefined = runtime.state.platform;
    if (account && account !== runtime.state.platform.id) {
      data = runtime.state.accounts.get(account);
      if (!data) {
        const err = new StripeError(
          403,
          "invalid_request_error",
          `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
          { code: "account_invalid" },
        );
        return finish(envelope(403, err.toBody()));
      }
    }

    // Faults are decided before anything runs, so they never change state or get stored.
    const fault = decideFault(runtime.faults, url.pathname, Math.random);
    if (runtime.faults.latencyMs > 0) await sleep(runtime.faults.latencyMs);
    if (fault.kind === "timeout") {
      await sleep(fault.ms);
      return finish(envelope(504, faultBody(504)));
    }
    if (fault.kind === "error") return finish(envelope(fault.status, faultBody(fault.status)));

    const idemScoped = idempotencyKey && method !== "GET" ? idempotencyKey : null;
    const print = fingerprint(params);
    if (idemScoped) {
      const stored = data.idempotency.get(idemScoped);
      if (stored) {
        if (stored.method !== method || stored.path !== url.pathname) {
          const err = new StripeError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${method} ${url.pathname}'). Try using a key other than '${idemScoped}' if you meant to execute a different request.`,
          );
          return finish(envelope(400, err.toBody()));
        }
        if (stored.fingerprint !== print) {
          const err = new StripeError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemScoped}' if you meant to execute a different request.`,
          );
          return finish(envelope(400, err.toBody()));
        }
        return finish(
          new Response(stored.body, {
            status: stored.status,
            headers: {
              "content-type": "application/json",
              "idempotent-replayed": "true",
              "idempotency-key": idemScoped,
            },
          }),
        );
      }
    }

    const ctx: Ctx = {
      state: runtime.state,
      account: data,
      params,
      now: runtime.now,
      ts: () => Math.floor(runtime.now() / 1000),
      publicOrigin: runtime.publicOrigin,
    };
    c.set("ctx", ctx);
    runtime.beforeHandle?.(ctx);
    await next();
    const res = c.res;
    // Results of requests that began executing are kept (successes and declines); bad
    // parameters and server errors are not, as Stripe does.
    if (idemScoped && (res.status < 300 || res.status === 402)) {
      data.idempotency.set(idemScoped, {
        method,
        path: url.pathname,
        fingerprint: print,
        status: res.status,
        body: await res.clone().text(),
      });
      res.headers.set("idempotency-key", idemScoped);
    }
    c.res = finish(new Response(res.body, res));
  });

  const wrap = (handler: Handler) => async (c: Context<ApiEnv>) => {
    const ctx = c.get("ctx");
    const result = await handler(ctx, c.req.param());
    const expand = strList(ctx.params, "expand") ?? [];
    const copy = structuredClone(result);
    return envelope(200, expand.length ? applyExpand(ctx, copy, expand) : copy);
  };

  const api: Api = {
    get: (path, handler) => void app.get(path, wrap(handler)),
    post: (path, handler) => void app.post(path, wrap(handler)),
    del: (path, handler) => void app.delete(path, wrap(handler)),
  };

  app.notFound((c) =>
    c.req.path.startsWith("/v1/") ? unrecognizedUrl(c.req.method, c.req.path) : c.text("Not found", 404),
  );
  app.onError((err, c) => {
    if (err instanceof StripeError) return envelope(err.status, err.toBody());
    console.error("emulator handler failed", err);
    return c.json({ error: { type: "api_error", message: `Emulator error: ${err.message}` } }, 500);
  });

  return { app, api };
}

/** The 404 Stripe sends for a URL it does not know. */
export function unrecognizedUrl(method: string, path: string): Response {
  return envelope(404, {
    error: {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
  });
}
