import type Stripe from "stripe";
import type { Ctx } from "../core/context";
import { hashList, type Params, str } from "../core/params";
import type { WSchedule, WSubscription } from "../core/wire";
import { resolveDiscounts } from "./discounts";

/** One `phases[i].discounts` entry as a schedule stores it. */
export interface PhaseDiscount {
  coupon: string | null;
  discount: string | null;
  promotion_code: string | null;
}

type WPhaseDiscount = WSchedule["phases"][number]["discounts"][number];

const idOf = (value: string | { id: string } | null): string | null =>
  value === null ? null : typeof value === "string" ? value : value.id;

function existingDiscounts(ctx: Ctx, sub: WSubscription | undefined): Stripe.Discount[] {
  return (sub?.discounts ?? [])
    .map((d) => (typeof d === "string" ? ctx.account.get<Stripe.Discount>("discount", d) : undefined))
    .filter((d): d is Stripe.Discount => d !== undefined);
}

/**
 * Reads `phases[i][discounts]` with the same checks as a subscription's `discounts` (unknown
 * coupon, inactive code, a discount the subscription does not have…), without redeeming
 * anything yet: the discounts are created when the subscription enters the phase.
 */
export function readPhaseDiscounts(
  ctx: Ctx,
  entry: Params,
  prefix: string,
  scope: { customer: string; sub: WSubscription | undefined; currency: string; amount: number },
): PhaseDiscount[] {
  const list = hashList(entry, "discounts", prefix);
  if (!list) return [];
  resolveDiscounts(ctx, list, {
    customer: scope.customer,
    subscription: scope.sub?.id ?? null,
    currency: scope.currency,
    existing: existingDiscounts(ctx, scope.sub),
    prefix,
    amount: scope.amount,
  });
  return list.map((d, i) => ({
    coupon: str(d, "coupon", `${prefix}[${i}][coupon]`) ?? null,
    discount: str(d, "discount", `${prefix}[${i}][discount]`) ?? null,
    promotion_code: str(d, "promotion_code", `${prefix}[${i}][promotion_code]`) ?? null,
  }));
}

/** A subscription's discounts as phase entries (what `from_subscription` copies). */
export function phaseDiscountsOf(sub: WSubscription): PhaseDiscount[] {
  return sub.discounts.map((d) => ({ coupon: null, discount: idOf(d), promotion_code: null }));
}

/**
 * Gives a subscription entering a phase that phase's discounts: existing ones are kept, coupons
 * and promotion codes are redeemed now. A phase without discounts leaves them as they are. If
 * an entry no longer resolves (a code that expired meanwhile), only the kept ones remain.
 */
export function enterPhaseDiscounts(ctx: Ctx, sub: WSubscription, entries: WPhaseDiscount[]): void {
  if (entries.length === 0) return;
  const existing = existingDiscounts(ctx, sub);
  const params: Params[] = entries.map((e) => {
    const discount = idOf(e.discount);
    if (discount) return { discount };
    const code = idOf(e.promotion_code);
    return code ? { promotion_code: code } : { coupon: idOf(e.coupon) ?? "" };
  });
  try {
    const resolved = resolveDiscounts(ctx, params, {
      customer: String(sub.customer),
      subscription: sub.id,
      currency: sub.currency,
      existing,
      prefix: "discounts",
      amount: sub.items.data.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0),
    });
    resolved.commit();
    sub.discounts = resolved.discounts.map((d) => d.id);
  } catch {
    const kept = new Set(entries.map((e) => idOf(e.discount)));
    sub.discounts = existing.filter((d) => kept.has(d.id)).map((d) => d.id);
  }
}
