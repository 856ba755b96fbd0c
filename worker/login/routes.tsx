/**
 * The no-code login page (reference §3.1): `/p/login/:slug` asks for an email address and
 * emails a one-time code; `/p/login/:slug/code` takes the code and opens a portal session for
 * the customer the address belongs to. Nothing here tells a visitor whether an address
 * matched: both cases get the same pages, and the email goes out in the background.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { VNode } from "preact";
import { ForbiddenPage } from "../../views/pages/forbidden-page";
import { LoginCodePage } from "../../views/pages/login/login-code-page";
import { LoginEmailPage } from "../../views/pages/login/login-email-page";
import { LoginExpiredPage } from "../../views/pages/login/login-expired-page";
import { NotFoundPage } from "../../views/pages/not-found-page";
import { PortalFrame } from "../../views/portal-layout";
import type { AppEnv } from "../env";
import { timingSafeEqualStrings } from "../lib/crypto";
import { renderPage } from "../lib/render-page";
import { writeSessionCookie } from "../lib/session-cookie";
import { clientNetwork } from "../middleware/rate-limit";
import { brandingCss, logoUrl } from "../portal/branding";
import { sameOriginRequest } from "../portal/csrf";
import { getConfiguration } from "../store/configuration-store";
import type { PortalConfiguration } from "../store/configuration-types";
import { createStripeClient } from "../stripe/client";
import {
  CHALLENGE_TTL_MS,
  deleteChallenge,
  findChallenge,
  newChallengeId,
  recordWrongCode,
  saveChallenge,
} from "./challenge-store";
import { findLoginCustomer, type LoginCustomer } from "./find-customer";
import {
  clearChallengeCookie,
  formToken,
  readChallengeCookie,
  sentFormToken,
  writeChallengeCookie,
} from "./login-cookies";
import { findLoginPage } from "./login-page-store";
import { buildLoginEmail } from "./mail/login-email";
import { chooseMailer } from "./mail/mailer";
import { hashPasscode, newPasscode, normalizePasscode } from "./passcode";
import { normalizeLoginEmail } from "./pick-customer";
import { startLoginSession } from "./start-session";
import { ADDRESS_SENDS, NETWORK_SENDS, takeHit } from "./throttle";

/** Routes of the login page; mounted before the portal, since they run without a session. */
export const loginRoutes = new Hono<AppEnv>();

/** A published, enabled login page and the configuration it opens. */
interface LoginPage {
  slug: string;
  account: string | null;
  configuration: PortalConfiguration;
}

async function loadLoginPage(c: Context<AppEnv>): Promise<LoginPage | null> {
  const slug = c.req.param("slug") ?? "";
  const target = await findLoginPage(c.env.SESSIONS, slug);
  if (!target) return null;
  const config = await getConfiguration(c.env.SESSIONS, target.account, target.configuration);
  // A deactivated configuration or a disabled page closes the link at once.
  if (!config?.active || !config.login_page.enabled) return null;
  return { slug, account: target.account, configuration: config };
}

/** The path with the customer's `?locale=` choice kept (login pages have no session to hold it). */
function withLocale(c: Context<AppEnv>, path: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(extra);
  const picked = c.req.query("locale");
  if (picked) query.set("locale", picked);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

const paths = (slug: string) => ({ email: `/p/login/${slug}`, code: `/p/login/${slug}/code` });

function renderLogin(
  c: Context<AppEnv>,
  page: LoginPage,
  body: VNode,
  title: string,
  status = 200,
): Response {
  const config = page.configuration;
  c.header("Cache-Control", "no-store");
  return renderPage(
    c,
    <PortalFrame
      brandCss={brandingCss(config.branding)}
      logoUrl={logoUrl(config.branding)}
      headline={config.business_profile.headline}
      returnUrl={config.default_return_url}
      privacyUrl={config.business_profile.privacy_policy_url}
      termsUrl={config.business_profile.terms_of_service_url}
      inFlow={false}
    >
      {body}
    </PortalFrame>,
    { title, status: status as 200 },
  );
}

function notFound(c: Context<AppEnv>): Response {
  c.header("Cache-Control", "no-store");
  return renderPage(c, <NotFoundPage />, { title: c.var.t("errors.not_found_title"), status: 404 });
}

/**
 * The posted form when it passes the CSRF checks (same origin, and the `_csrf` field equals
 * the form cookie), else null.
 */
async function readLoginForm(c: Context<AppEnv>): Promise<Record<string, string> | null> {
  if (!sameOriginRequest(c.req.url, c.req.raw.headers)) return null;
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return null;
  }
  const sent = body._csrf;
  const cookie = sentFormToken(c);
  if (typeof sent !== "string" || !sent || !cookie || !(await timingSafeEqualStrings(sent, cookie)))
    return null;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
}

function forbidden(c: Context<AppEnv>, page: LoginPage): Response {
  return renderLogin(
    c,
    page,
    <ForbiddenPage homeHref={withLocale(c, paths(page.slug).email)} />,
    c.var.t("portal.csrf_title"),
    403,
  );
}

function emailForm(
  c: Context<AppEnv>,
  page: LoginPage,
  state: { email: string; fieldError?: string; notice?: string },
  status = 200,
): Response {
  return renderLogin(
    c,
    page,
    <LoginEmailPage
      action={withLocale(c, paths(page.slug).email)}
      formToken={formToken(c)}
      email={state.email}
      fieldError={state.fieldError ?? null}
      notice={state.notice ?? null}
    />,
    c.var.t("login.title"),
    status,
  );
}

function expired(c: Context<AppEnv>, page: LoginPage): Response {
  clearChallengeCookie(c);
  return renderLogin(
    c,
    page,
    <LoginExpiredPage restartHref={withLocale(c, paths(page.slug).email)} />,
    c.var.t("login.expired_title"),
    410,
  );
}

/**
 * Sends without holding up the response when the runtime allows (the reply then takes as
 * long whether or not an email goes out); tests without an execution context wait for it.
 */
async function inBackground(c: Context<AppEnv>, task: Promise<void>): Promise<void> {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(task);
  else await task;
}

async function sendCode(c: Context<AppEnv>, to: string, passcode: string): Promise<void> {
  const mailer = chooseMailer(c.env, c.var.deps.outboundFetch, c.var.deps.now);
  if (!mailer) {
    console.error("login page: no mail transport configured; passcode not sent");
    return;
  }
  const email = buildLoginEmail(c.var.t, c.var.locale, {
    to,
    passcode,
    business: new URL(c.req.url).host,
    now: c.var.deps.now(),
  });
  await inBackground(
    c,
    mailer(email).catch((err: unknown) => {
      // Logged without the address or the code.
      console.error("login page: passcode email failed", err instanceof Error ? err.message : String(err));
    }),
  );
}

loginRoutes.get("/p/login/:slug", async (c) => {
  const page = await loadLoginPage(c);
  if (!page) return notFound(c);
  const prefilled = c.req.query("prefilled_email") ?? "";
  return emailForm(c, page, { email: prefilled.slice(0, 512) });
});

loginRoutes.post("/p/login/:slug", async (c) => {
  const page = await loadLoginPage(c);
  if (!page) return notFound(c);
  const form = await readLoginForm(c);
  if (!form) return forbidden(c, page);
  const typed = (form.email ?? "").slice(0, 512);
  const email = normalizeLoginEmail(typed);
  if (!email)
    return emailForm(c, page, { email: typed, fieldError: c.var.t("login.errors.email_invalid") }, 422);

  const now = c.var.deps.now();
  const kv = c.env.SESSIONS;
  const network = clientNetwork(c.req.header("CF-Connecting-IP"));
  const waitS =
    (await takeHit(kv, `network:${network}`, NETWORK_SENDS, now)) ??
    (await takeHit(kv, `address:${page.slug}:${email.toLowerCase()}`, ADDRESS_SENDS, now));
  if (waitS !== null) {
    c.header("Retry-After", String(waitS));
    const notice = c.var.t("login.errors.throttled", { count: Math.max(1, Math.ceil(waitS / 60)) });
    return emailForm(c, page, { email: typed, notice }, 429);
  }

  let customer: LoginCustomer | null;
  try {
    customer = await findLoginCustomer(
      createStripeClient(c.env, c.var.deps.stripeFetch),
      page.account,
      email,
    );
  } catch (err) {
    console.error("login page: customer lookup failed", err instanceof Error ? err.message : String(err));
    return emailForm(c, page, { email: typed, notice: c.var.t("login.errors.unavailable") }, 503);
  }

  const id = newChallengeId();
  const passcode = newPasscode();
  await saveChallenge(
    kv,
    id,
    {
      slug: page.slug,
      account: page.account,
      configuration: page.configuration.id,
      customer: customer?.id ?? null,
      email,
      preferredLocales: customer?.preferredLocales ?? [],
      codeHash: await hashPasscode(id, passcode),
      attempts: 0,
      expiresAt: now + CHALLENGE_TTL_MS,
    },
    now,
  );
  writeChallengeCookie(c, id);
  if (customer) await sendCode(c, email, passcode);
  return c.redirect(withLocale(c, paths(page.slug).code), 303);
});

function codeForm(
  c: Context<AppEnv>,
  page: LoginPage,
  email: string,
  fieldError: string | null,
  status = 200,
): Response {
  return renderLogin(
    c,
    page,
    <LoginCodePage
      action={withLocale(c, paths(page.slug).code)}
      formToken={formToken(c)}
      email={email}
      restartHref={withLocale(c, paths(page.slug).email, { prefilled_email: email })}
      fieldError={fieldError}
    />,
    c.var.t("login.code_title"),
    status,
  );
}

async function liveChallenge(c: Context<AppEnv>, page: LoginPage) {
  const id = readChallengeCookie(c) ?? "";
  const challenge = await findChallenge(c.env.SESSIONS, id, c.var.deps.now());
  // A code only works on the login page it was asked for.
  return challenge && challenge.record.slug === page.slug ? { id, challenge } : null;
}

loginRoutes.get("/p/login/:slug/code", async (c) => {
  const page = await loadLoginPage(c);
  if (!page) return notFound(c);
  const live = await liveChallenge(c, page);
  if (!live) return expired(c, page);
  return codeForm(c, page, live.challenge.record.email, null);
});

loginRoutes.post("/p/login/:slug/code", async (c) => {
  const page = await loadLoginPage(c);
  if (!page) return notFound(c);
  const form = await readLoginForm(c);
  if (!form) return forbidden(c, page);
  const live = await liveChallenge(c, page);
  if (!live) return expired(c, page);
  const { id, challenge } = live;
  const code = normalizePasscode(form.code ?? "");
  if (!code) return codeForm(c, page, challenge.record.email, c.var.t("login.errors.code_format"), 422);

  const now = c.var.deps.now();
  const matches = await timingSafeEqualStrings(await hashPasscode(id, code), challenge.record.codeHash);
  const customer = challenge.record.customer;
  if (!matches || customer === null) {
    const left = await recordWrongCode(c.env.SESSIONS, challenge, now);
    if (left === 0) return expired(c, page);
    return codeForm(
      c,
      page,
      challenge.record.email,
      c.var.t("login.errors.code_wrong", { count: left }),
      422,
    );
  }
  // Used once: a second submit of the same code meets the "expired" page.
  await deleteChallenge(c.env.SESSIONS, challenge);
  clearChallengeCookie(c);
  const token = await startLoginSession(
    c.env.SESSIONS,
    { ...challenge.record, customer },
    page.configuration.default_return_url,
    now,
  );
  writeSessionCookie(c, token);
  c.header("Cache-Control", "no-store");
  return c.redirect(withLocale(c, "/p"), 303);
});
