import { Hono } from "hono";
import { ErrorPage } from "../views/pages/error-page";
import { NotFoundPage } from "../views/pages/not-found-page";
import { apiRoutes } from "./api";
import type { AppDeps, AppEnv } from "./env";
import { renderPage } from "./lib/render-page";
import { loginRoutes } from "./login/routes";
import { formBodyLimit } from "./middleware/form-body-limit";
import { locale } from "./middleware/locale";
import { securityHeaders } from "./middleware/security-headers";
import { portalRoutes } from "./portal";
import { devRoutes } from "./routes/dev";
import { sessionEntryRoutes } from "./routes/session-entry";

const defaultFetch: typeof fetch = (input, init) => fetch(input, init);

/**
 * Builds the portal app. Production uses the defaults; tests inject the emulator's fetch and
 * a controlled clock.
 */
export function createApp(deps: AppDeps = {}) {
  const resolved: Required<AppDeps> = {
    stripeFetch: deps.stripeFetch ?? defaultFetch,
    now: deps.now ?? (() => Date.now()),
    outboundFetch: deps.outboundFetch ?? defaultFetch,
  };
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set("deps", resolved);
    await next();
  });
  app.use(securityHeaders);
  app.use(locale);

  // Before anything parses a form; the merchant API under /v1 limits its own bodies.
  app.use("/p/*", formBodyLimit);
  app.use("/dev/*", formBodyLimit);

  app.route("/v1", apiRoutes);
  app.route("/", sessionEntryRoutes);
  app.route("/", loginRoutes);
  // After the session entry: the customer pages need the cookie the entry sets.
  app.route("/p", portalRoutes);
  app.route("/", devRoutes);

  app.notFound((c) =>
    renderPage(c, <NotFoundPage />, { title: c.var.t("errors.not_found_title"), status: 404 }),
  );
  app.onError((err, c) => {
    // The real error goes to the logs only; the page never carries its message or stack.
    console.error("unhandled error", err);
    if (!c.var.t) return c.text("Internal Server Error", 500);
    return renderPage(c, <ErrorPage />, { title: c.var.t("errors.server_title"), status: 500 });
  });
  return app;
}
