import type { Ctx } from "../core/context";
import { invalidParam } from "../core/errors";
import { bool, int, type Params, str } from "../core/params";
import type { WPrice, WSubscription, WSubscriptionItem } from "../core/wire";
import { planOf } from "../resources/catalog";
import { isMetered } from "./amounts";
import { type LineInput, periodLine, prorationLine } from "./lines";
import { buildItem, currentPeriod, intervalOf, periodEnd } from "./subscription-model";

/** One `items[i]` entry of an update or preview. */
export interface ItemChange {
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: boolean;
}

/** Reads `items[i][id|price|quantity|deleted]`. */
export function readItemChanges(list: Params[], prefix: string): ItemChange[] {
  return list.map((entry, i) => {
    const name = (key: string) => `${prefix}[${i}][${key}]`;
    const quantity = int(entry, "quantity", name("quantity"));
    if (quantity !== undefined && quantity < 0) {
      throw invalidParam(name("quantity"), "This value must be greater than or equal to 0.");
    }
    return {
      id: str(entry, "id", name("id")),
      price: str(entry, "price", name("price")) ?? str(entry, "plan", name("plan")),
      quantity,
      deleted: bool(entry, "deleted", name("deleted")),
    };
  });
}

/** How proration is handled for a change. */
export type ProrationBehavior = "create_prorations" | "none" | "always_invoice";

/** The inputs of a subscription change (update or preview). */
export interface ChangeInput {
  items?: ItemChange[];
  prorationBehavior: ProrationBehavior;
  prorationDate?: number;
  billingCycleAnchor?: "now" | "unchanged";
  trialEnd?: "now" | number;
  /** Parameter name prefix for errors ("items" or "subscription_details[items]"). */
  prefix: string;
}

/** What a change does: the resulting items and period, and what gets invoiced when. */
export interface ChangePlan {
  items: WSubscriptionItem[];
  itemsChanged: boolean;
  resetAnchor: boolean;
  period: { start: number; end: number };
  status: WSubscription["status"];
  trialEnd: number | null;
  /** Lines to invoice immediately, or null when nothing is invoiced now. */
  invoiceLines: LineInput[] | null;
  /** Prorations left pending for the next invoice. */
  pendingLines: LineInput[];
}

function requirePrice(ctx: Ctx, sub: WSubscription, id: string, param: string): WPrice {
  const price = ctx.account.require<WPrice>("price", id, param);
  if (!price.active)
    throw invalidParam(param, "The price specified is inactive. This field only accepts active prices.");
  if (!price.recurring) {
    throw invalidParam(
      param,
      "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.",
    );
  }
  if (price.currency !== sub.currency) {
    throw invalidParam(
      param,
      `The price specified (${price.id}) has currency ${price.currency}, which does not match the subscription's currency ${sub.currency}.`,
    );
  }
  return price;
}

interface Planned {
  old: WSubscriptionItem | null;
  price: WPrice;
  quantity: number | undefined;
}

function plannedItems(
  ctx: Ctx,
  sub: WSubscription,
  changes: ItemChange[] | undefined,
  prefix: string,
): Planned[] {
  const result: Planned[] = sub.items.data.map((item) => ({
    old: item,
    price: item.price,
    quantity: item.quantity,
  }));
  (changes ?? []).forEach((change, i) => {
    const name = (key: string) => `${prefix}[${i}][${key}]`;
    const target = change.id ? result.find((p) => p.old?.id === change.id) : undefined;
    if (change.id && !target)
      throw invalidParam(name("id"), `No such subscription item: '${change.id}'`, "resource_missing");
    if (target) {
      if (change.deleted) {
        result.splice(result.indexOf(target), 1);
        return;
      }
      if (change.price) target.price = requirePrice(ctx, sub, change.price, name("price"));
      if (change.quantity !== undefined) target.quantity = change.quantity;
      return;
    }
    if (!change.price)
      throw invalidParam(name("price"), `Missing required param: ${name("price")}.`, "parameter_missing");
    result.push({
      old: null,
      price: requirePrice(ctx, sub, change.price, name("price")),
      quantity: change.quantity ?? 1,
    });
  });
  if (result.length === 0) throw invalidParam(prefix, "A subscription must have at least one item.");
  const seen = new Set<string>();
  for (const p of result) {
    if (seen.has(p.price.id)) {
      throw invalidParam(prefix, `Cannot add multiple subscription items with the same price: ${p.price.id}`);
    }
    seen.add(p.price.id);
    if (isMetered(p.price)) p.quantity = undefined;
  }
  const first = intervalOf(result[0]!.price);
  for (const p of result) {
    const other = intervalOf(p.price);
    if (other.interval !== first.interval || other.count !== first.count) {
      throw invalidParam(
        prefix,
        "Currency and interval fields must match across all plans on this subscription. Found mismatch in interval field.",
      );
    }
  }
  return result;
}

const same = (p: Planned) => p.old !== null && p.old.price.id === p.price.id && p.old.quantity === p.quantity;

/**
 * Plans a change to a subscription's items, trial and billing anchor, with Stripe's proration
 * rules: credit the unused time of what is replaced and charge the remaining time of what
 * replaces it, from the proration date to the period end. A new interval, `billing_cycle_anchor=now`
 * or ending the trial restarts the period now and invoices the full new amount at once.
 */
export function planChange(ctx: Ctx, sub: WSubscription, input: ChangeInput): ChangePlan {
  const now = ctx.ts();
  const planned = plannedItems(ctx, sub, input.items, input.prefix);
  const period = currentPeriod(sub);
  const d = Math.min(Math.max(input.prorationDate ?? now, period.start), period.end);
  const trialing = sub.status === "trialing";
  const endTrial = trialing && input.trialEnd === "now";
  const oldInterval = sub.items.data[0] ? intervalOf(sub.items.data[0].price) : null;
  const newInterval = intervalOf(planned[0]!.price);
  const intervalChanged =
    oldInterval !== null &&
    (oldInterval.interval !== newInterval.interval || oldInterval.count !== newInterval.count);
  const resetAnchor = input.billingCycleAnchor === "now" || intervalChanged || endTrial;
  const itemsChanged = planned.length !== sub.items.data.length || planned.some((p) => !same(p));
  const prorate = input.prorationBehavior !== "none" && !trialing;

  let nextPeriod = period;
  let status = sub.status;
  let trialEnd = sub.trial_end;
  if (resetAnchor) nextPeriod = { start: now, end: periodEnd(planned[0]!.price, now) };
  if (endTrial) {
    status = "active";
    trialEnd = now;
  } else if (typeof input.trialEnd === "number" && input.trialEnd > now) {
    status = "trialing";
    trialEnd = input.trialEnd;
    nextPeriod = { start: period.start, end: input.trialEnd };
  }
  const items = planned.map((p) =>
    p.old
      ? {
          ...p.old,
          price: p.price,
          plan: planOf(p.price),
          ...(p.quantity === undefined ? {} : { quantity: p.quantity }),
          current_period_start: nextPeriod.start,
          current_period_end: nextPeriod.end,
        }
      : buildItem(ctx, sub.id, p.price, p.quantity, nextPeriod),
  );

  const credits: LineInput[] = [];
  const debits: LineInput[] = [];
  if (prorate) {
    for (const old of sub.items.data) {
      if (isMetered(old.price)) continue;
      const next = planned.find((p) => p.old?.id === old.id);
      if (next && same(next) && !resetAnchor) continue;
      credits.push(prorationLine(ctx, sub.id, old, period, d, -1));
    }
    if (!resetAnchor) {
      planned.forEach((p, i) => {
        if (same(p) || isMetered(p.price)) return;
        debits.push(prorationLine(ctx, sub.id, items[i]!, period, d, 1));
      });
    }
  }

  if (resetAnchor) {
    const full = items
      .filter((item) => !isMetered(item.price))
      .map((item) => periodLine(ctx, sub.id, item, nextPeriod.start, nextPeriod.end));
    return {
      items,
      itemsChanged,
      resetAnchor,
      period: nextPeriod,
      status,
      trialEnd,
      invoiceLines: [...credits, ...full],
      pendingLines: [],
    };
  }
  const prorations = [...credits, ...debits];
  const invoiceNow = input.prorationBehavior === "always_invoice" && prorations.length > 0;
  return {
    items,
    itemsChanged,
    resetAnchor,
    period: nextPeriod,
    status,
    trialEnd,
    invoiceLines: invoiceNow ? prorations : null,
    pendingLines: invoiceNow ? [] : prorations,
  };
}
