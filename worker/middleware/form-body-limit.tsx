import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ErrorPage } from "../../views/pages/error-page";
import type { AppEnv } from "../env";
import { renderPage } from "../lib/render-page";

/**
 * Largest form body a customer page reads. The biggest real form (billing details with both
 * addresses) is a few kilobytes; anything near this is not a form the portal rendered.
 */
export const MAX_FORM_BYTES = 32 * 1024;

/**
 * Refuses oversized bodies on the HTML side (customer pages, dev forms) with a 413 page before
 * anything parses them. The merchant API has its own limit with Stripe's error envelope.
 */
export const formBodyLimit = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: (c: Context<AppEnv>) =>
    renderPage(c, <ErrorPage />, { title: c.var.t("errors.server_title"), status: 413 }),
});
