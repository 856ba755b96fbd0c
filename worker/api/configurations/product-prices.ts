import type Stripe from "stripe";
import { productIdOf } from "../../billing/eligibility";
import type { ConfigurationProduct } from "../../store/configuration-types";
import { invalidParam, resourceMissing } from "../errors";
import { accountOptions, lookup } from "../stripe-lookup";

const PRODUCTS_PARAM = "features[subscription_update][products]";

/**
 * Checks the offered prices against Stripe for `account`, all fetched in one parallel wave:
 * each must exist, belong to the product it is listed under and be recurring, and a product
 * may have only one price per recurring interval (Stripe's rule: the plan picker shows one
 * price per product and interval).
 */
export async function checkProductPrices(
  stripe: Stripe,
  account: string | null,
  products: readonly ConfigurationProduct[],
): Promise<void> {
  const listed = products.flatMap((entry, i) =>
    entry.prices.map((id, j) => ({
      id,
      product: entry.product,
      i,
      param: `${PRODUCTS_PARAM}[${i}][prices][${j}]`,
    })),
  );
  const settled = await Promise.allSettled(
    listed.map((p) =>
      lookup(
        stripe.prices.retrieve(p.id, {}, accountOptions(account)),
        () => resourceMissing("price", p.id, p.param),
        account,
      ),
    ),
  );
  const byInterval = new Map<string, string>();
  listed.forEach((p, k) => {
    const result = settled[k];
    if (!result || result.status === "rejected") throw result?.reason;
    const price = result.value;
    if (productIdOf(price) !== p.product) {
      throw invalidParam(p.param, `The price \`${p.id}\` does not belong to the product \`${p.product}\`.`);
    }
    if (price.type !== "recurring" || !price.recurring) {
      throw invalidParam(
        p.param,
        `The price \`${p.id}\` is not recurring: the customer portal only supports recurring prices.`,
      );
    }
    const key = `${p.i}:${price.recurring.interval}`;
    const other = byInterval.get(key);
    if (other) {
      throw invalidParam(
        `${PRODUCTS_PARAM}[${p.i}][prices]`,
        `The product \`${p.product}\` has more than one price with the interval \`${price.recurring.interval}\` (\`${other}\` and \`${p.id}\`). Customers can't choose between prices with the same product and interval; create a separate product instead.`,
      );
    }
    byInterval.set(key, p.id);
  });
}
