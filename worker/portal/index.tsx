/**
 * The customer side of the portal, mounted at `/p`. Every route runs behind the session
 * (cookie → KV) and, for POSTs, the CSRF check. The session entry `/p/session/:token` belongs
 * to the merchant API and is left alone here: it is what sets the cookie.
 */
import { Hono } from "hono";
import Stripe from "stripe";
import { ErrorPage } from "../../views/pages/error-page";
import type { AppEnv } from "../env";
import { renderPage } from "../lib/render-page";
import { portalSession } from "../middleware/portal-session";
import { billingDetailsRoutes } from "./billing-details/routes";
import { flowConfirmationPage } from "./confirmation";
import { csrfProtection } from "./csrf";
import { homePage } from "./home";
import { invoiceRoutes } from "./invoices/routes";
import { paymentMethodRoutes } from "./payment-methods/routes";
import { paymentRoutes } from "./payments/return-route";
import { renderProblem } from "./subscriptions/problem";
import { subscriptionRoutes } from "./subscriptions/routes";

/**
 * Paths under `/p` that are not customer pages: the session entry sets the cookie itself, and
 * the login page runs before any session exists.
 */
const SESSION_ENTRY = /^\/p\/(session|login)(\/|$)/;

export const portalRoutes = new Hono<AppEnv>();

portalRoutes.use("*", async (c, next) => {
  if (SESSION_ENTRY.test(c.req.path)) return next();
  return portalSession(c, next);
});
portalRoutes.use("*", async (c, next) => {
  if (SESSION_ENTRY.test(c.req.path)) return next();
  return csrfProtection(c, next);
});

portalRoutes.get("/", homePage);
portalRoutes.get("/flow/done", flowConfirmationPage);
portalRoutes.route("/subscriptions", subscriptionRoutes);
portalRoutes.route("/payment-methods", paymentMethodRoutes);
portalRoutes.route("/billing", billingDetailsRoutes);
portalRoutes.route("/invoices", invoiceRoutes);
portalRoutes.route("/payments", paymentRoutes);

/**
 * Stripe unreachable or failing (after the SDK's own retries) is a "try again" page in the
 * customer's language with the portal frame; anything else is the generic error page. Neither
 * shows the error itself.
 */
portalRoutes.onError((err, c) => {
  console.error("portal page failed", err);
  const stripeDown =
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500);
  if (stripeDown && c.var.session) return renderProblem(c, "unavailable", null);
  return renderPage(c, <ErrorPage />, { title: c.var.t("errors.server_title"), status: 500 });
});
