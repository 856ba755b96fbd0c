/**
 * A browser stand-in for the no-code login page: keeps its cookies (form token, challenge,
 * portal session) and posts forms the way a browser does, same-origin.
 */
import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { expect } from "vitest";
import { readOutbox } from "../../../worker/login/mail/dev-outbox";
import type { Harness } from "../../helpers/harness";
import { fullConfiguration, PORTAL_ORIGIN, parseForms } from "../../helpers/portal-session";

/** A configuration with every feature and the login page on; returns its login path. */
export async function enableLoginPage(
  h: Harness,
  options: Stripe.RequestOptions = {},
  params: Partial<Stripe.BillingPortal.ConfigurationCreateParams> = {},
): Promise<{ path: string; configuration: Stripe.BillingPortal.Configuration }> {
  const configuration = await h.portal.billingPortal.configurations.create(
    {
      ...fullConfiguration(),
      default_return_url: "https://merchant.example/account",
      ...params,
      login_page: { enabled: true },
    },
    options,
  );
  expect(configuration.login_page.url).toMatch(/^http:\/\/portal\.test\/p\/login\/[A-Za-z0-9_-]{20,}$/);
  return { path: new URL(configuration.login_page.url ?? "").pathname, configuration };
}

/** The passcode most recently "emailed" to `to` (dev outbox), or null. */
export async function latestCode(to: string): Promise<string | null> {
  const message = (await readOutbox(env.SESSIONS, 100)).find((m) => m.to === to);
  return message?.passcode ?? null;
}

/**
 * Forgets every sent message and throttle counter: KV outlives a test, and each harness
 * restarts the clock, so counters from an earlier test would still be in their window.
 */
export async function clearLoginState(): Promise<void> {
  for (const prefix of ["dev-outbox:v1:", "login-throttle:v1:"]) {
    const listed = await env.SESSIONS.list({ prefix });
    await Promise.all(listed.keys.map((k) => env.SESSIONS.delete(k.name)));
  }
}

/** How many messages the outbox holds for `to`. */
export async function sentCount(to: string): Promise<number> {
  return (await readOutbox(env.SESSIONS, 100)).filter((m) => m.to === to).length;
}

export class LoginBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly h: Harness,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    return this.keep(
      await this.h.request(path, { headers: { Cookie: this.cookieHeader(), ...this.headers } }),
    );
  }

  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.keep(
      await this.h.request(path, {
        method: "POST",
        headers: {
          Cookie: this.cookieHeader(),
          Origin: PORTAL_ORIGIN,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": "application/x-www-form-urlencoded",
          ...this.headers,
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Loads `page` and posts its POST form with `fields` added. */
  async submit(page: string, fields: Record<string, string>): Promise<Response> {
    const res = await this.get(page);
    const form = parseForms(await res.text()).find((f) => f.method === "post");
    expect(form, `no POST form on ${page} (status ${res.status})`).toBeDefined();
    return this.post(form?.action ?? page, { ...form?.fields, ...fields });
  }

  /** Asks for a code for `email` on the login page at `path`; returns the answer. */
  requestCode(path: string, email: string): Promise<Response> {
    return this.submit(path, { email });
  }

  /** Enters `code` on the code page. */
  enterCode(path: string, code: string): Promise<Response> {
    return this.submit(`${path}/code`, { code });
  }
}
