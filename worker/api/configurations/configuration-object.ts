import type Stripe from "stripe";
import type { Branding, PortalConfiguration } from "../../store/configuration-types";
import { invalidParam } from "../errors";

/** The path that includes `features.subscription_update.products` in a response. */
export const PRODUCTS_EXPANSION = "features.subscription_update.products";

/** A configuration as the API returns it: Stripe's object plus the `branding` extension. */
export type ApiConfiguration = Stripe.BillingPortal.Configuration & { branding: Branding };

/**
 * The API shape of a stored configuration. `products` is left out unless expanded, as Stripe
 * does since 2024-05; `account` is internal and never leaves the worker.
 */
export function toApiConfiguration(config: PortalConfiguration, expandProducts: boolean): ApiConfiguration {
  const { account: _account, id, object, ...rest } = structuredClone(config);
  const { products, ...update } = rest.features.subscription_update;
  return {
    id,
    object,
    ...rest,
    features: {
      ...rest.features,
      subscription_update: expandProducts ? { ...update, products } : update,
    },
  };
}

/**
 * Checks `expand[]` against the paths an endpoint can expand and returns them as a set.
 * `application` is accepted and stays null (configurations made here have no Connect
 * application).
 */
export function checkExpansions(expand: readonly string[], allowed: readonly string[]): Set<string> {
  expand.forEach((path, i) => {
    if (!allowed.includes(path)) {
      throw invalidParam(`expand[${i}]`, `This property cannot be expanded (${path}).`);
    }
  });
  return new Set(expand);
}
