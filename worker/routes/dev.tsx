import { Hono } from "hono";
import { type DemoAccount, DevLandingPage } from "../../views/pages/dev-landing-page";
import { type AppEnv, isDevEnvironment } from "../env";
import { renderPage } from "../lib/render-page";
import { createStripeClient } from "../stripe/client";

/** Development-only routes. In production every path here is a plain 404. */
export const devRoutes = new Hono<AppEnv>();

devRoutes.get("/", async (c) => {
  if (!isDevEnvironment(c.env)) return c.notFound();
  const stripe = createStripeClient(c.env, c.var.deps.stripeFetch);
  const accounts = await stripe.accounts.list({ limit: 100 });
  const scopes: { id: string | null; name: string }[] = [
    { id: null, name: "Platform" },
    ...accounts.data.map((a) => ({ id: a.id, name: a.business_profile?.name ?? a.id })),
  ];
  // One wave: every account's customers are listed in parallel.
  const lists = await Promise.all(
    scopes.map((scope) =>
      scope.id
        ? stripe.customers.list({ limit: 100 }, { stripeAccount: scope.id })
        : stripe.customers.list({ limit: 100 }),
    ),
  );
  const demo: DemoAccount[] = scopes.map((scope, i) => ({
    id: scope.id,
    name: scope.name,
    customers: (lists[i]?.data ?? []).map((customer) => ({
      id: customer.id,
      name: customer.name ?? customer.email ?? customer.id,
      email: customer.email ?? "",
      demoCase: customer.metadata?.demo_case ?? "",
    })),
  }));
  return renderPage(c, <DevLandingPage accounts={demo} />, { title: c.var.t("dev.title") });
});
