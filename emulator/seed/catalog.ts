import type { Ctx } from "../core/context";
import { newPrice, newProduct } from "../resources/catalog";
import { createCoupon, createPromotionCode } from "../resources/coupons";
import { DAY } from "./context";
import { DEMO } from "./ids";

const P = DEMO.products;
const PR = DEMO.prices;

/** Products, prices, coupons and promotion codes of the platform. */
export function seedPlatformCatalog(ctx: Ctx): void {
  const created = ctx.ts() - 500 * DAY;
  const product = (id: string, name: string, description: string, defaultPrice: string) =>
    ctx.account.put(
      newProduct(ctx, { id, name, description, default_price: defaultPrice, created, updated: created }),
    );
  product(P.basic, "Basic", "For individuals getting started", PR.basicMonthly);
  product(P.pro, "Pro", "For growing teams", PR.proMonthly);
  product(P.enterprise, "Enterprise", "For large organisations", PR.enterpriseMonthly);
  product(P.addon, "Extra storage", "100 GB of additional storage", PR.addonMonthly);
  product(P.metered, "API calls", "Pay per API call", PR.meteredMonthly);
  product(P.legacy, "Legacy plan", "A plan from before tax settings existed", PR.legacyUnspecified);

  const price = (
    id: string,
    productId: string,
    unit_amount: number,
    interval: "month" | "year",
    extra: Partial<Parameters<typeof newPrice>[1]> = {},
  ) =>
    ctx.account.put(
      newPrice(ctx, {
        id,
        product: productId,
        currency: "usd",
        unit_amount,
        interval,
        tax_behavior: "exclusive",
        created,
        ...extra,
      }),
    );
  price(PR.basicMonthly, P.basic, 900, "month", { nickname: "Basic monthly" });
  price(PR.basicYearly, P.basic, 9000, "year", { nickname: "Basic yearly" });
  price(PR.proMonthly, P.pro, 2900, "month", { nickname: "Pro monthly" });
  price(PR.proYearly, P.pro, 29000, "year", { nickname: "Pro yearly" });
  price(PR.enterpriseMonthly, P.enterprise, 9900, "month", { nickname: "Enterprise monthly" });
  price(PR.enterpriseYearly, P.enterprise, 99000, "year", { nickname: "Enterprise yearly" });
  price(PR.addonMonthly, P.addon, 500, "month", { nickname: "Storage add-on" });
  price(PR.meteredMonthly, P.metered, 0, "month", {
    nickname: "API calls (graduated)",
    usage_type: "metered",
    tiers_mode: "graduated",
    tiers: [
      { up_to: 1000, unit_amount: 0, flat_amount: null },
      { up_to: null, unit_amount: 2, flat_amount: null },
    ],
  });
  price(PR.legacyUnspecified, P.legacy, 1500, "month", {
    nickname: "Legacy monthly",
    tax_behavior: "unspecified",
  });
  price(PR.basicMonthlyEur, P.basic, 900, "month", { nickname: "Basic monthly (EUR)", currency: "eur" });

  createCoupon(ctx, {
    id: DEMO.coupons.retention,
    name: "25% off for 3 months",
    percent_off: 25,
    duration: "repeating",
    duration_in_months: 3,
  });
  createCoupon(ctx, { id: DEMO.coupons.welcome, name: "Welcome 10%", percent_off: 10, duration: "once" });
  createCoupon(ctx, { id: DEMO.coupons.expired, name: "Autumn 5%", percent_off: 5, duration: "once" });
  createPromotionCode(ctx, {
    id: DEMO.promotionCodes.welcome,
    code: "WELCOME10",
    coupon: DEMO.coupons.welcome,
    created,
  });
  createPromotionCode(ctx, {
    id: DEMO.promotionCodes.expired,
    code: "EXPIRED5",
    coupon: DEMO.coupons.expired,
    active: false,
    expires_at: ctx.ts() - 10 * DAY,
    created,
  });
}

/** The connected account's product and prices (EUR). */
export function seedConnectCatalog(ctx: Ctx): void {
  const created = ctx.ts() - 300 * DAY;
  const c = DEMO.connect;
  ctx.account.put(
    newProduct(ctx, {
      id: c.product,
      name: "Studio membership",
      description: "Access to the studio",
      default_price: c.priceMonthly,
      created,
      updated: created,
    }),
  );
  for (const [id, amount, interval] of [
    [c.priceMonthly, 1200, "month"],
    [c.priceYearly, 12000, "year"],
  ] as const) {
    ctx.account.put(
      newPrice(ctx, {
        id,
        product: c.product,
        currency: "eur",
        unit_amount: amount,
        interval,
        tax_behavior: "inclusive",
        created,
      }),
    );
  }
}
