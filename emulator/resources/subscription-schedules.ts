import { endSubscription } from "../billing/lifecycle";
import { addInterval, type Interval } from "../billing/periods";
import { phaseDiscountsOf, readPhaseDiscounts } from "../billing/phase-discounts";
import { buildPhase, buildSchedule, type PhaseInput, refreshCurrentPhase } from "../billing/schedule-model";
import { buildItem, currentPeriod, intervalOf, isLive } from "../billing/subscription-model";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidParam, invalidRequest, parameterMissing } from "../core/errors";
import { paginate } from "../core/list";
import { checkParams, hash, hashList, int, mergeMetadata, oneOf, type Spec, str } from "../core/params";
import type { WPrice, WSchedule, WSubscription } from "../core/wire";
import { onBehalfOfId } from "./on-behalf-of";

const phaseSpec: Spec = [
  {
    items: [
      { price: true, plan: true, quantity: true, metadata: "map", discounts: "map", tax_rates: [true] },
    ],
    start_date: true,
    end_date: true,
    iterations: true,
    duration: { interval: true, interval_count: true },
    proration_behavior: true,
    metadata: "map",
    trial_end: true,
    default_payment_method: true,
    collection_method: true,
    discounts: "map",
    currency: true,
    description: true,
  },
];

/** Whose discounts a schedule's phases may name. */
interface PhaseScope {
  customer: string;
  sub: WSubscription | undefined;
}

function readPhases(ctx: Ctx, firstStart: number, scope: PhaseScope): PhaseInput[] {
  const list = hashList(ctx.params, "phases");
  if (!list?.length) throw parameterMissing("phases");
  let start = firstStart;
  return list.map((entry, i) => {
    const name = (key: string) => `phases[${i}][${key}]`;
    const itemList = hashList(entry, "items", name("items"));
    if (!itemList?.length) throw parameterMissing(name("items"));
    const items = itemList.map((item, j) => {
      const priceId =
        str(item, "price", `${name("items")}[${j}][price]`) ??
        str(item, "plan", `${name("items")}[${j}][plan]`);
      if (!priceId) throw parameterMissing(`${name("items")}[${j}][price]`);
      return {
        price: ctx.account.require<WPrice>("price", priceId, `${name("items")}[${j}][price]`),
        quantity: int(item, "quantity", `${name("items")}[${j}][quantity]`),
      };
    });
    const startParam = str(entry, "start_date", name("start_date"));
    if (startParam !== undefined)
      start = startParam === "now" ? ctx.ts() : (int(entry, "start_date", name("start_date")) ?? start);
    const { interval, count } = intervalOf(items[0]!.price);
    const endParam = str(entry, "end_date", name("end_date"));
    const iterations = int(entry, "iterations", name("iterations"));
    const duration = hash(entry, "duration", name("duration"));
    let end: number;
    if (endParam !== undefined)
      end = endParam === "now" ? ctx.ts() : (int(entry, "end_date", name("end_date")) ?? start);
    else if (duration) {
      const unit =
        oneOf(
          duration,
          "interval",
          ["day", "week", "month", "year"] as const,
          `${name("duration")}[interval]`,
        ) ?? "month";
      end = addInterval(
        start,
        unit as Interval,
        int(duration, "interval_count", `${name("duration")}[interval_count]`) ?? 1,
      );
    } else end = addInterval(start, interval, count * (iterations ?? 1));
    if (end <= start)
      throw invalidParam(name("end_date"), "The phase's end_date must be after its start_date.");
    const phase: PhaseInput = {
      items,
      start,
      end,
      discounts: readPhaseDiscounts(ctx, entry, name("discounts"), {
        ...scope,
        currency: items[0]!.price.currency,
        amount: items.reduce((sum, item) => sum + (item.price.unit_amount ?? 0) * (item.quantity ?? 1), 0),
      }),
      prorationBehavior: oneOf(
        entry,
        "proration_behavior",
        ["always_invoice", "create_prorations", "none"] as const,
        name("proration_behavior"),
      ),
    };
    start = end;
    return phase;
  });
}

/** Puts the current phase's items on the subscription (keeping item ids for unchanged prices). */
function syncSubscription(ctx: Ctx, schedule: WSchedule): void {
  const sub =
    typeof schedule.subscription === "string"
      ? ctx.account.get<WSubscription>("subscription", schedule.subscription)
      : undefined;
  if (!sub || !schedule.current_phase) return;
  const phase = schedule.phases.find((p) => p.start_date === schedule.current_phase?.start_date);
  if (!phase) return;
  const period = currentPeriod(sub);
  sub.items.data = phase.items.map((phaseItem) => {
    const priceId = String(phaseItem.price);
    const existing = sub.items.data.find((item) => item.price.id === priceId);
    if (existing)
      return { ...existing, ...(phaseItem.quantity === undefined ? {} : { quantity: phaseItem.quantity }) };
    return buildItem(ctx, sub.id, ctx.account.require<WPrice>("price", priceId), phaseItem.quantity, period);
  });
}

/** Subscription schedules: create (from_subscription or phases), retrieve, list, update, release, cancel. */
export function registerSubscriptionSchedules(api: Api): void {
  api.post("/v1/subscription_schedules", (ctx) => {
    checkParams(ctx.params, {
      from_subscription: true,
      customer: true,
      phases: phaseSpec,
      end_behavior: true,
      start_date: true,
      metadata: "map",
    });
    const fromSub = str(ctx.params, "from_subscription");
    if (fromSub) {
      const sub = ctx.account.require<WSubscription>("subscription", fromSub, "from_subscription");
      if (!isLive(sub))
        throw invalidParam("from_subscription", "You cannot create a schedule from a canceled subscription.");
      if (sub.schedule) {
        throw invalidParam(
          "from_subscription",
          `You cannot migrate a subscription that is already attached to a schedule: \`${String(sub.schedule)}\`.`,
        );
      }
      const period = currentPeriod(sub);
      const onBehalfOf = onBehalfOfId(sub.on_behalf_of);
      const schedule = buildSchedule(ctx, {
        customer: String(sub.customer),
        subscription: sub.id,
        phases: [
          {
            items: sub.items.data.map((item) => ({ price: item.price, quantity: item.quantity })),
            start: period.start,
            end: period.end,
            onBehalfOf,
            discounts: phaseDiscountsOf(sub),
          },
        ],
        endBehavior: "release",
        status: "active",
        onBehalfOf,
        billingMode: structuredClone(sub.billing_mode),
      });
      sub.schedule = schedule.id;
      return ctx.account.put(schedule);
    }
    const customer = str(ctx.params, "customer");
    if (!customer) throw parameterMissing("customer");
    ctx.account.require("customer", customer, "customer");
    const startParam = str(ctx.params, "start_date");
    const start =
      startParam === undefined || startParam === "now"
        ? ctx.ts()
        : (int(ctx.params, "start_date") ?? ctx.ts());
    const phases = readPhases(ctx, start, { customer, sub: undefined });
    const schedule = buildSchedule(ctx, {
      customer,
      subscription: null,
      phases,
      endBehavior: oneOf(ctx.params, "end_behavior", ["release", "cancel"] as const) ?? "release",
      status: "not_started",
    });
    schedule.metadata = mergeMetadata({}, ctx.params);
    return ctx.account.put(schedule);
  });

  api.get("/v1/subscription_schedules/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<WSchedule>("subscription_schedule", id);
  });

  api.get("/v1/subscription_schedules", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      customer: true,
      scheduled: true,
      canceled_at: "map",
      completed_at: "map",
      released_at: "map",
      created: "map",
    });
    const customer = str(ctx.params, "customer");
    const schedules = ctx.account
      .all<WSchedule>("subscription_schedule")
      .filter((s) => customer === undefined || s.customer === customer);
    return paginate(ctx, schedules, "/v1/subscription_schedules", "subscription_schedule");
  });

  api.post("/v1/subscription_schedules/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {
      phases: phaseSpec,
      end_behavior: true,
      metadata: "map",
      proration_behavior: true,
      default_settings: "map",
    });
    const schedule = ctx.account.require<WSchedule>("subscription_schedule", id);
    if (schedule.status !== "active" && schedule.status !== "not_started") {
      throw invalidRequest(`You cannot update a subscription schedule that is ${schedule.status}.`);
    }
    const draft = structuredClone(schedule);
    if (ctx.params.phases !== undefined)
      draft.phases = readPhases(ctx, schedule.phases[0]?.start_date ?? ctx.ts(), {
        customer: String(schedule.customer),
        sub:
          typeof schedule.subscription === "string"
            ? ctx.account.get<WSubscription>("subscription", schedule.subscription)
            : undefined,
      }).map(buildPhase);
    draft.end_behavior =
      oneOf(ctx.params, "end_behavior", ["release", "cancel"] as const) ?? draft.end_behavior;
    draft.metadata = mergeMetadata(draft.metadata ?? {}, ctx.params);
    refreshCurrentPhase(draft, ctx.ts());
    ctx.account.put(draft);
    syncSubscription(ctx, draft);
    return draft;
  });

  api.post("/v1/subscription_schedules/:id/release", (ctx, { id = "" }) => {
    checkParams(ctx.params, { preserve_cancel_date: true });
    const schedule = ctx.account.require<WSchedule>("subscription_schedule", id);
    if (schedule.status !== "active" && schedule.status !== "not_started") {
      throw invalidRequest(
        `You cannot release a subscription schedule that is currently in the \`${schedule.status}\` status.`,
      );
    }
    const sub =
      typeof schedule.subscription === "string"
        ? ctx.account.get<WSubscription>("subscription", schedule.subscription)
        : undefined;
    if (sub) sub.schedule = null;
    schedule.status = "released";
    schedule.released_at = ctx.ts();
    schedule.released_subscription = sub?.id ?? null;
    schedule.current_phase = null;
    return schedule;
  });

  api.post("/v1/subscription_schedules/:id/cancel", (ctx, { id = "" }) => {
    checkParams(ctx.params, { invoice_now: true, prorate: true });
    const schedule = ctx.account.require<WSchedule>("subscription_schedule", id);
    if (schedule.status !== "active" && schedule.status !== "not_started") {
      throw invalidRequest(
        `You cannot cancel a subscription schedule that is currently in the \`${schedule.status}\` status.`,
      );
    }
    const sub =
      typeof schedule.subscription === "string"
        ? ctx.account.get<WSubscription>("subscription", schedule.subscription)
        : undefined;
    schedule.status = "canceled";
    schedule.canceled_at = ctx.ts();
    schedule.current_phase = null;
    if (sub && isLive(sub)) endSubscription(ctx, sub, ctx.ts());
    return schedule;
  });
}
