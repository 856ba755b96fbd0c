import type { Ctx } from "../core/context";
import type { WPrice, WSchedule } from "../core/wire";
import type { PhaseDiscount } from "./phase-discounts";

/** One phase of a schedule as the emulator builds it. */
export interface PhaseInput {
  items: { price: WPrice; quantity?: number }[];
  start: number;
  end: number;
  prorationBehavior?: "always_invoice" | "create_prorations" | "none";
  onBehalfOf?: string | null;
  discounts?: PhaseDiscount[];
}

type WPhase = WSchedule["phases"][number];

/** A schedule phase object. */
export function buildPhase(input: PhaseInput): WPhase {
  return {
    add_invoice_items: [],
    application_fee_percent: null,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: null,
    currency: input.items[0]?.price.currency ?? "usd",
    default_payment_method: null,
    default_tax_rates: [],
    description: null,
    discounts: input.discounts ?? [],
    end_date: input.end,
    invoice_settings: null,
    items: input.items.map((item) => ({
      billing_thresholds: null,
      discounts: [],
      metadata: {},
      plan: item.price.id,
      price: item.price.id,
      ...(item.price.recurring?.usage_type === "metered" ? {} : { quantity: item.quantity ?? 1 }),
      tax_rates: [],
    })),
    metadata: {},
    on_behalf_of: input.onBehalfOf ?? null,
    proration_behavior: input.prorationBehavior ?? "create_prorations",
    start_date: input.start,
    transfer_data: null,
    trial_end: null,
  };
}

/** A schedule object. */
export function buildSchedule(
  ctx: Ctx,
  input: {
    id?: string;
    customer: string;
    subscription: string | null;
    phases: PhaseInput[];
    endBehavior: "release" | "cancel";
    status: WSchedule["status"];
    created?: number;
    /** Default `on_behalf_of` of every phase (a subscription's own, for `from_subscription`). */
    onBehalfOf?: string | null;
    /** The subscription's billing mode, which a schedule made from it keeps. */
    billingMode?: WSchedule["billing_mode"];
  },
): WSchedule {
  const schedule: WSchedule = {
    id: input.id ?? ctx.state.ids.id("sub_sched"),
    object: "subscription_schedule",
    application: null,
    billing_mode: input.billingMode ?? { type: "classic", flexible: null },
    canceled_at: null,
    completed_at: null,
    created: input.created ?? ctx.ts(),
    current_phase: null,
    customer: input.customer,
    customer_account: null,
    default_settings: {
      application_fee_percent: null,
      billing_cycle_anchor: "automatic",
      billing_thresholds: null,
      collection_method: "charge_automatically",
      default_payment_method: null,
      description: null,
      invoice_settings: {
        account_tax_ids: null,
        custom_fields: null,
        days_until_due: null,
        description: null,
        footer: null,
        issuer: { type: "self" },
      },
      on_behalf_of: input.onBehalfOf ?? null,
      transfer_data: null,
    },
    end_behavior: input.endBehavior,
    livemode: false,
    metadata: {},
    pause_schedules: [],
    phases: input.phases.map(buildPhase),
    released_at: null,
    released_subscription: null,
    status: input.status,
    subscription: input.subscription,
    test_clock: null,
  };
  refreshCurrentPhase(schedule, ctx.ts());
  return schedule;
}

/** Sets `current_phase` to the phase containing `at` (null outside every phase). */
export function refreshCurrentPhase(schedule: WSchedule, at: number): void {
  if (schedule.status !== "active") return;
  const phase = schedule.phases.find((p) => p.start_date <= at && at < p.end_date);
  schedule.current_phase = phase ? { start_date: phase.start_date, end_date: phase.end_date } : null;
}
