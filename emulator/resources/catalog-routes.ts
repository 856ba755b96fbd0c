import type Stripe from "stripe";
import type { Api } from "../core/app";
import { invalidParam } from "../core/errors";
import { registerIncludable } from "../core/expand";
import { paginate } from "../core/list";
import {
  bool,
  checkParams,
  hash,
  hashList,
  int,
  mergeMetadata,
  oneOf,
  requireStr,
  str,
} from "../core/params";
import type { WPrice } from "../core/wire";
import { newPrice, newProduct, priceTiers } from "./catalog";

const INTERVALS = ["day", "week", "month", "year"] as const;

/** Products and prices: create, retrieve, update (products), list with Stripe's filters. */
export function registerCatalog(api: Api): void {
  registerIncludable("price", "tiers", (obj, ctx) => priceTiers(ctx.account, obj.id) ?? []);
  api.post("/v1/products", (ctx) => {
    checkParams(ctx.params, {
      name: true,
      description: true,
      active: true,
      metadata: "map",
      id: true,
      tax_code: true,
    });
    const product = newProduct(ctx, {
      name: requireStr(ctx.params, "name"),
      description: str(ctx.params, "description") ?? null,
      active: bool(ctx.params, "active") ?? true,
      metadata: mergeMetadata({}, ctx.params),
    });
    const id = str(ctx.params, "id");
    if (id) product.id = id;
    return ctx.account.put(product);
  });
  api.get("/v1/products/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<Stripe.Product>("product", id);
  });
  api.post("/v1/products/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      name: true,
      description: true,
      active: true,
      metadata: "map",
      default_price: true,
    });
    const product = structuredClone(ctx.account.require<Stripe.Product>("product", id));
    product.name = str(ctx.params, "name") || product.name;
    const description = str(ctx.params, "description");
    if (description !== undefined) product.description = description || null;
    product.active = bool(ctx.params, "active") ?? product.active;
    const defaultPrice = str(ctx.params, "default_price");
    if (defaultPrice)
      product.default_price = ctx.account.require<WPrice>("price", defaultPrice, "default_price").id;
    product.metadata = mergeMetadata(product.metadata, ctx.params);
    product.updated = ctx.ts();
    return ctx.account.put(product);
  });
  api.get("/v1/products", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      active: true,
      ids: [true],
    });
    const active = bool(ctx.params, "active");
    const products = ctx.account
      .all<Stripe.Product>("product")
      .filter((p) => active === undefined || p.active === active);
    return paginate(ctx, products, "/v1/products", "product");
  });

  api.post("/v1/prices", (ctx) => {
    checkParams(ctx.params, {
      product: true,
      currency: true,
      unit_amount: true,
      recurring: { interval: true, interval_count: true, usage_type: true },
      tax_behavior: true,
      nickname: true,
      lookup_key: true,
      active: true,
      metadata: "map",
      billing_scheme: true,
      tiers_mode: true,
      tiers: [{ up_to: true, unit_amount: true, flat_amount: true }],
    });
    const product = requireStr(ctx.params, "product");
    ctx.account.require<Stripe.Product>("product", product, "product");
    const currency = requireStr(ctx.params, "currency").toLowerCase();
    const recurring = hash(ctx.params, "recurring");
    const tiers = hashList(ctx.params, "tiers")?.map((tier, i) => {
      const upTo = str(tier, "up_to", `tiers[${i}][up_to]`);
      return {
        up_to: upTo === "inf" || upTo === undefined ? null : Number(upTo),
        unit_amount: int(tier, "unit_amount", `tiers[${i}][unit_amount]`) ?? null,
        flat_amount: int(tier, "flat_amount", `tiers[${i}][flat_amount]`) ?? null,
      };
    });
    const unitAmount = int(ctx.params, "unit_amount");
    if (unitAmount === undefined && !tiers)
      throw invalidParam("unit_amount", "Missing required param: unit_amount.", "parameter_missing");
    const price = newPrice(ctx, {
      product,
      currency,
      unit_amount: unitAmount ?? null,
      interval: recurring ? oneOf(recurring, "interval", INTERVALS, "recurring[interval]") : undefined,
      interval_count: recurring ? int(recurring, "interval_count", "recurring[interval_count]") : undefined,
      usage_type: recurring
        ? oneOf(recurring, "usage_type", ["licensed", "metered"] as const, "recurring[usage_type]")
        : undefined,
      tax_behavior: oneOf(ctx.params, "tax_behavior", ["exclusive", "inclusive", "unspecified"] as const),
      nickname: str(ctx.params, "nickname") ?? null,
      lookup_key: str(ctx.params, "lookup_key") ?? null,
      tiers,
      tiers_mode: oneOf(ctx.params, "tiers_mode", ["graduated", "volume"] as const),
      active: bool(ctx.params, "active"),
    });
    if (recurring && !price.recurring)
      throw invalidParam(
        "recurring[interval]",
        "Missing required param: recurring[interval].",
        "parameter_missing",
      );
    price.metadata = mergeMetadata({}, ctx.params);
    return ctx.account.put(price);
  });
  api.get("/v1/prices/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<WPrice>("price", id);
  });
  api.post("/v1/prices/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      active: true,
      nickname: true,
      metadata: "map",
      lookup_key: true,
      tax_behavior: true,
    });
    const price = structuredClone(ctx.account.require<WPrice>("price", id));
    price.active = bool(ctx.params, "active") ?? price.active;
    const nickname = str(ctx.params, "nickname");
    if (nickname !== undefined) price.nickname = nickname || null;
    price.metadata = mergeMetadata(price.metadata, ctx.params);
    return ctx.account.put(price);
  });
  api.get("/v1/prices", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      active: true,
      product: true,
      type: true,
      currency: true,
      lookup_keys: [true],
      recurring: { interval: true, usage_type: true },
    });
    const active = bool(ctx.params, "active");
    const product = str(ctx.params, "product");
    const type = oneOf(ctx.params, "type", ["one_time", "recurring"] as const);
    const currency = str(ctx.params, "currency");
    const recurring = hash(ctx.params, "recurring");
    const interval = recurring ? oneOf(recurring, "interval", INTERVALS, "recurring[interval]") : undefined;
    const prices = ctx.account
      .all<WPrice>("price")
      .filter(
        (p) =>
          (active === undefined || p.active === active) &&
          (product === undefined || p.product === product) &&
          (type === undefined || p.type === type) &&
          (currency === undefined || p.currency === currency) &&
          (interval === undefined || p.recurring?.interval === interval),
      );
    return paginate(ctx, prices, "/v1/prices", "price");
  });
}
