import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { randomId } from "../lib/crypto";
import { authFailureLimit } from "../middleware/rate-limit";
import type { ApiEnv } from "./api-env";
import { apiAuth } from "./auth";
import { configurationRoutes } from "./configurations/routes";
import { ApiError, errorResponse, invalidParam } from "./errors";
import { idempotency } from "./idempotency";
import { readRequestParams } from "./request-params";
import { sessionRoutes } from "./sessions/routes";

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,255}$/;

/** Every API response carries a `Request-Id`, as Stripe's do. */
const requestId = createMiddleware<ApiEnv>(async (c, next) => {
  const id = randomId("req");
  await next();
  c.res.headers.set("Request-Id", id);
});

/** The `Stripe-Account` header scopes everything below; its value is checked, never trusted as-is. */
const stripeAccount = createMiddleware<ApiEnv>(async (c, next) => {
  const header = c.req.header("Stripe-Account");
  if (header !== undefined && !ACCOUNT_ID.test(header.trim())) {
    throw invalidParam(
      undefined,
      `Invalid Stripe-Account header: '${header.slice(0, 60)}' is not an account id (acct_…).`,
    );
  }
  c.set("account", header ? header.trim() : null);
  await next();
});

const params = createMiddleware<ApiEnv>(async (c, next) => {
  c.set("params", await readRequestParams(c.req.raw));
  await next();
});

/**
 * The merchant API, mounted at `/v1`: Stripe-compatible billing portal sessions and
 * configurations. Order: request id, failed-auth rate limit, auth (before the body is read),
 * account scope, params, idempotency, routes.
 */
export const apiRoutes = new Hono<ApiEnv>();

apiRoutes.use(requestId, authFailureLimit, apiAuth, stripeAccount, params, idempotency);
apiRoutes.route("/", sessionRoutes);
apiRoutes.route("/", configurationRoutes);

// A sub-app's notFound is not used once mounted, so unknown API paths end here.
apiRoutes.all("*", (c) => {
  throw new ApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${c.req.method}: ${new URL(c.req.url).pathname}).`,
  });
});

apiRoutes.onError((err) => {
  if (err instanceof ApiError) {
    // A 500 here is an upstream failure, safe to retry; anything else will fail the same way.
    return errorResponse(err, { "Stripe-Should-Retry": err.status >= 500 ? "true" : "false" });
  }
  console.error("merchant API error", err);
  return errorResponse(
    new ApiError(500, { type: "api_error", message: "An unexpected error occurred. Please retry." }),
  );
});
