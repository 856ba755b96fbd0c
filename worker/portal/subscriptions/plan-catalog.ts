/**
 * The prices a customer may pick from: the configuration's products' prices, loaded in one
 * parallel wave (one list call per product, at most ten) with their products expanded.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";

/** Every configured price that exists, with `product` expanded. */
export async function loadConfiguredPrices(c: Context<AppEnv>): Promise<Stripe.Price[]> {
  const { stripe, read } = portalStripe(c);
  const products = c.var.configuration.features.subscription_update.products;
  const wanted = new Set(products.flatMap((p) => p.prices));
  const lists = await Promise.all(
    products.map((p) =>
      stripe.prices.list({ product: p.product, limit: 100, expand: ["data.product"] }, read),
    ),
  );
  return lists.flatMap((list) => list.data).filter((price) => wanted.has(price.id));
}
