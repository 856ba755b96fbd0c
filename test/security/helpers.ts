/**
 * Shared tools of the security suite: the app's own route table (so a new route is attacked
 * without anyone listing it here), the ids a customer can put in a path, and an app whose
 * Stripe connection a test can break.
 */
import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { expect } from "vitest";
import { createApp } from "../../worker/app";
import type { Harness } from "../helpers/harness";
import type { PortalBrowser } from "../helpers/portal-session";

/** Invoice previews are POSTs that change nothing; every other emulator write changes state. */
export const PREVIEW_PATH = "/v1/invoices/create_preview";

/** The emulator's state-changing requests so far. */
export function stateWrites(h: Harness) {
  return h.emulator.writes().filter((w) => w.path !== PREVIEW_PATH);
}

/**
 * Customer page routes with this method, read from Hono's route table. The session entry
 * (`/p/session/:token`) and the login page (`/p/login/…`) are left out: they run without a
 * session (test/security/login-page.test.ts covers the login page).
 */
export function portalRoutePaths(method: "GET" | "POST"): string[] {
  const paths = createApp()
    .routes.filter((r) => r.method === method && (r.path === "/p" || r.path.startsWith("/p/")))
    .map((r) => r.path)
    .filter((p) => !p.startsWith("/p/session") && !p.startsWith("/p/login"));
  return [...new Set(paths)];
}

/** The kinds of object a customer can name in a portal path. */
export type PathIdKind = "subscription" | "payment_method" | "tax_id" | "invoice";

/**
 * Which kind of object a route's `:id` names, or null for a route without one. A route with a
 * parameter this table does not know fails the suite, so its ownership check gets a test.
 */
export function pathIdKind(path: string): PathIdKind | null {
  if (!path.includes("/:")) return null;
  if (/^\/p\/subscriptions\/:id(\/|$)/.test(path)) return "subscription";
  if (/^\/p\/payment-methods\/:id(\/|$)/.test(path)) return "payment_method";
  if (/^\/p\/billing\/tax-ids\/:id(\/|$)/.test(path)) return "tax_id";
  if (/^\/p\/invoices\/:id(\/|$)/.test(path)) return "invoice";
  throw new Error(`test/security/helpers.ts: add the id kind of ${path} to pathIdKind`);
}

/** The route with its `:id` filled in (URL-encoded, as a browser would send it). */
export function fillPath(path: string, id: string): string {
  return path.replace(":id", encodeURIComponent(id));
}

/** One id of each kind owned by a customer (read straight from the emulator). */
export async function ownedIds(
  h: Harness,
  customer: string,
  options: Stripe.RequestOptions = {},
): Promise<Record<PathIdKind, string>> {
  const [subs, methods, taxIds, invoices] = await Promise.all([
    h.stripe.subscriptions.list({ customer, limit: 1 }, options),
    h.stripe.paymentMethods.list({ customer, limit: 1 }, options),
    h.stripe.customers.listTaxIds(customer, { limit: 1 }, options),
    h.stripe.invoices.list({ customer, limit: 1 }, options),
  ]);
  const first = <T extends { id: string }>(list: Stripe.ApiList<T>, kind: string) => {
    const id = list.data[0]?.id;
    if (!id) throw new Error(`${customer} has no ${kind} in the seed`);
    return id;
  };
  return {
    subscription: first(subs, "subscription"),
    payment_method: first(methods, "payment method"),
    tax_id: first(taxIds, "tax ID"),
    invoice: first(invoices, "invoice"),
  };
}

/**
 * The same harness with the portal app's Stripe fetch wrapped, e.g. to lose a response after
 * Stripe applied the request. The merchant API client (`h.portal`) keeps the plain emulator.
 */
export function withStripeFetch(h: Harness, wrap: (inner: typeof fetch) => typeof fetch): Harness {
  const app = createApp({ stripeFetch: wrap(h.emulator.fetch), now: h.clock.now });
  return { ...h, app, request: async (path, init) => app.request(path, init, env) };
}

/** The same harness with the app running against other bindings (a failing KV, say). */
export function withBindings(h: Harness, bindings: Partial<Env>): Harness {
  return { ...h, request: async (path, init) => h.app.request(path, init, { ...env, ...bindings }) };
}

/** Posts with the browser's cookie and no provenance headers unless given. */
export function rawPost(
  h: Harness,
  browser: PortalBrowser,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return h.request(path, {
    method: "POST",
    headers: { Cookie: browser.cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

/** Asserts the page is the portal's own 404 page (not a crash, not a leak). */
export async function expectNotFoundPage(res: Response, label: string): Promise<void> {
  expect(res.status, label).toBe(404);
  const html = await res.text();
  expect(html, label).toContain("Page not found");
}

/** The KV operations a failing namespace can refuse. */
export type KvOperation = "get" | "put" | "delete" | "list" | "getWithMetadata";

/**
 * A KV namespace that throws on the chosen operations (all by default), as KV does in an
 * outage, and passes the others to `inner`.
 */
export function failingKv(
  inner: KVNamespace,
  fails: (op: KvOperation, key: string) => boolean = () => true,
): KVNamespace {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (fails(prop as KvOperation, String(args[0] ?? ""))) {
          return Promise.reject(new Error(`KV ${String(prop)} failed (injected outage)`));
        }
        return value.apply(target, args);
      };
    },
  });
}

/** Collects everything written to the console while `run` runs (and still passes it on muted). */
export async function captureConsole(run: () => Promise<void>): Promise<string> {
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const lines: string[] = [];
  const originals = methods.map((m) => [m, console[m]] as const);
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map(describeForLog).join(" "));
    };
  }
  try {
    await run();
  } finally {
    for (const [m, original] of originals) console[m] = original;
  }
  return lines.join("\n");
}

/** Everything a log line could show of a value: message, stack, own fields, cause. */
function describeForLog(value: unknown): string {
  if (value instanceof Error) {
    let fields = "";
    try {
      fields = JSON.stringify({ ...value });
    } catch {
      fields = "";
    }
    return `${value.name}: ${value.message}\n${value.stack ?? ""}\n${fields}\n${describeForLog(value.cause)}`;
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
