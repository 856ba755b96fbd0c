/**
 * A customer's browser for the bench: a portal session opened through the merchant API with
 * the official SDK, its cookie kept, pages fetched without following redirects, and forms
 * posted the way a browser posts them (same-origin headers, every field the form carries).
 */
import Stripe from "stripe";
import { type PageForm, parseForms } from "./forms";
import { PORTAL_API_KEY } from "./servers";

/** The official SDK pointed at the portal's merchant API. */
export function merchantApi(portalOrigin: string): Stripe {
  const url = new URL(portalOrigin);
  return new Stripe(PORTAL_API_KEY, {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** The official SDK pointed at the emulator, for looking up ids a scenario needs. */
export function emulatorApi(emulatorOrigin: string): Stripe {
  const url = new URL(emulatorOrigin);
  return new Stripe("sk_test_emulator", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** One customer's browser holding one portal session. */
export interface PortalBrowser {
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
  /** Loads `page` and returns its POST form whose action matches, or throws. */
  form(page: string, action: RegExp | string): Promise<PageForm>;
  /** `Cookie` header value, for the load tool. */
  cookie: string;
}

/** Creates a session with `params` and opens its URL, keeping the cookie the entry sets. */
export async function openPortal(
  portalOrigin: string,
  api: Stripe,
  params: Stripe.BillingPortal.SessionCreateParams,
): Promise<PortalBrowser> {
  const session = await api.billingPortal.sessions.create(params);
  const entry = await fetch(session.url, { redirect: "manual" });
  const cookie = (entry.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  if (entry.status !== 303 || !cookie) {
    throw new Error(`session entry answered ${entry.status} without a cookie`);
  }
  const get = (path: string) =>
    fetch(`${portalOrigin}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${portalOrigin}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        Origin: portalOrigin,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });
  const form = async (page: string, action: RegExp | string) => {
    const res = await get(page);
    const html = await res.text();
    const matches = (a: string) => (typeof action === "string" ? a === action : action.test(a));
    const found = parseForms(html).find((f) => f.method === "post" && matches(f.action));
    if (!found) throw new Error(`no POST form to ${action} on ${page} (status ${res.status})`);
    return found;
  };
  return { get, post, form, cookie };
}
