import { Hono } from "hono";
import { createStripeClient } from "../../stripe/client";
import type { ApiEnv } from "../api-env";
import { createPortalSession } from "./create-session";
import { parseSessionParams } from "./session-params";

/** `POST /v1/billing_portal/sessions` (Stripe has no retrieve or list for sessions). */
export const sessionRoutes = new Hono<ApiEnv>();

sessionRoutes.post("/billing_portal/sessions", async (c) => {
  const request = parseSessionParams(c.var.params);
  const session = await createPortalSession(
    {
      kv: c.env.SESSIONS,
      stripe: createStripeClient(c.env, c.var.deps.stripeFetch),
      account: c.var.account,
      now: c.var.deps.now(),
      origin: new URL(c.req.url).origin,
    },
    request,
  );
  return c.json(session);
});
