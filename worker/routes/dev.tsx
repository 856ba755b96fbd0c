import { Hono } from "hono";
import type Stripe from "stripe";
import { type DemoAccount, DevLandingPage, DevSessionErrorPage } from "../../views/pages/dev-landing-page";
import { DevOutboxPage } from "../../views/pages/dev-outbox-page";
import { ApiError } from "../api/errors";
import { createPortalSession } from "../api/sessions/create-session";
import { FLOW_TYPES } from "../api/sessions/flow-params";
import { parseSessionParams } from "../api/sessions/session-params";
import { accountOptions } from "../api/stripe-lookup";
import { type AppEnv, isDevEnvironment } from "../env";
import { renderPage } from "../lib/render-page";
import { readOutbox } from "../login/mail/dev-outbox";
import { findDefaultConfiguration } from "../store/configuration-store";
import { createStripeClient } from "../stripe/client";
import { demoFlowData } from "./dev-flows";

/** Development-only routes. In production every path here is a plain 404. */
export const devRoutes = new Hono<AppEnv>();

const ENDED = new Set(["canceled", "incomplete_expired"]);

devRoutes.get("/", async (c) => {
  if (!isDevEnvironment(c.env)) return c.notFound();
  const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
  const accounts = await stripe.accounts.list({ limit: 100 });
  const scopes: { id: string | null; name: string }[] = [
    { id: null, name: "Platform" },
    ...accounts.data.map((a) => ({ id: a.id, name: a.business_profile?.name ?? a.id })),
  ];
  // One wave: every account's customers and subscriptions are listed in parallel.
  const lists = await Promise.all(
    scopes.map((scope) =>
      Promise.all([
        stripe.customers.list({ limit: 100 }, accountOptions(scope.id)),
        stripe.subscriptions.list({ status: "all", limit: 100 }, accountOptions(scope.id)),
      ]),
    ),
  );
  const demo: DemoAccount[] = scopes.map((scope, i) => {
    const [customers, subscriptions] = lists[i] ?? [];
    const liveSubs = (subscriptions?.data ?? []).filter((s) => !ENDED.has(s.status));
    const live = new Set(liveSubs.map((s) => customerId(s.customer)));
    // Customers with a subscription made on behalf of a connected account get a button for it.
    const onBehalfOf = new Map(
      liveSubs.flatMap((s) =>
        s.on_behalf_of ? [[customerId(s.customer), accountId(s.on_behalf_of)] as const] : [],
      ),
    );
    return {
      id: scope.id,
      name: scope.name,
      customers: (customers?.data ?? []).map((customer) => ({
        id: customer.id,
        name: customer.name ?? customer.email ?? customer.id,
        email: customer.email ?? "",
        demoCase: customer.metadata?.demo_case ?? "",
        hasSubscription: live.has(customer.id),
        onBehalfOf: onBehalfOf.get(customer.id) ?? null,
      })),
    };
  });
  const loginUrl = (await findDefaultConfiguration(c.env.SESSIONS, null))?.login_page.url ?? null;
  return renderPage(c, <DevLandingPage accounts={demo} loginUrl={loginUrl} />, {
    title: c.var.t("dev.title"),
  });
});

/** The passcode emails the login page "sent" (dev has no mail server; see login/mail/mailer.ts). */
devRoutes.get("/dev/outbox", async (c) => {
  if (!isDevEnvironment(c.env)) return c.notFound();
  c.header("Cache-Control", "no-store");
  const messages = await readOutbox(c.env.SESSIONS);
  return renderPage(c, <DevOutboxPage messages={messages} />, { title: c.var.t("dev.outbox_title") });
});

function customerId(customer: string | Stripe.Customer | Stripe.DeletedCustomer): string {
  return typeof customer === "string" ? customer : customer.id;
}

function accountId(account: string | Stripe.Account): string {
  return typeof account === "string" ? account : account.id;
}

/**
 * The landing page's buttons: creates a session through the merchant API's own logic (what a
 * request with the dev key runs), with the landing page as return URL, and redirects into it.
 */
devRoutes.post("/dev/session", async (c) => {
  if (!isDevEnvironment(c.env)) return c.notFound();
  const form = await c.req.parseBody();
  const customer = typeof form.customer === "string" ? form.customer : "";
  const account = typeof form.account === "string" && form.account !== "" ? form.account : null;
  const flow = typeof form.flow === "string" ? form.flow : "";
  const onBehalfOf = typeof form.on_behalf_of === "string" ? form.on_behalf_of : "";
  const origin = new URL(c.req.url).origin;
  const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
  try {
    if (account !== null && !/^acct_[A-Za-z0-9]+$/.test(account)) {
      throw new ApiError(400, { type: "invalid_request_error", message: "Invalid account." });
    }
    const flowType = (FLOW_TYPES as readonly string[]).includes(flow) ? flow : null;
    const flowData = flowType
      ? await demoFlowData(c.env.SESSIONS, stripe, account, customer, flowType)
      : null;
    const request = parseSessionParams({
      customer,
      return_url: `${origin}/`,
      ...(onBehalfOf ? { on_behalf_of: onBehalfOf } : {}),
      ...(flowData ? { flow_data: flowData } : {}),
    });
    const session = await createPortalSession(
      { kv: c.env.SESSIONS, stripe, account, now: c.var.deps.now(), origin },
      request,
    );
    return c.redirect(session.url, 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return renderPage(c, <DevSessionErrorPage message={error.body.message} />, {
      title: c.var.t("dev.session_failed"),
      status: error.status >= 500 ? 502 : 400,
    });
  }
});
