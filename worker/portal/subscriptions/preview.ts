/**
 * The invoice preview of a plan change (`POST /v1/invoices/create_preview`): what is due today,
 * the proration lines, and the next regular invoice. Previews of an immediate change and of
 * the following recurring invoice run in parallel.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { addInterval } from "../../billing/pause";
import { periodAmount } from "../../billing/price-amount";
import type { AppEnv } from "../../env";
import { portalStripe } from "../stripe-call";
import type { AddedDiscount, PlannedChange } from "./change-request";

/** One proration line as the confirm page lists it. */
export interface ProrationLine {
  description: string | null;
  amount: number;
  start: number;
  end: number;
}

/** What the confirm page shows about money. */
export interface ChangePreview {
  currency: string;
  /** Charged (or credited, when negative) when the customer confirms. */
  dueToday: number;
  prorations: ProrationLine[];
  /** The next regular invoice after the change. */
  next: { amount: number; date: number } | null;
  /** Set when the change waits for the period end: the date it takes effect. */
  effectiveAt: number | null;
}

/** The `discounts` a change sends: the subscription's current ones kept, the new one added. */
export function discountsParam(
  sub: Stripe.Subscription,
  added: AddedDiscount | null,
): Array<{ discount: string } | AddedDiscount> | undefined {
  if (!added) return undefined;
  const kept = (sub.discounts ?? []).map((d) => ({ discount: typeof d === "string" ? d : d.id }));
  return [...kept, added];
}

type ProrationBehavior = "none" | "create_prorations" | "always_invoice";

/** The fields a plan change sends, shared by the preview and the real update. */
export interface ChangeFields {
  items: Array<{ id: string; price: string; quantity: number }>;
  proration_behavior: ProrationBehavior;
  proration_date?: number;
  /** API 2026-10 takes an object here: `{ type: "now" }` resets the billing cycle. */
  billing_cycle_anchor?: { type: "now" };
  trial_end?: "now";
}

/** What the fields of a plan change depend on besides the configuration. */
export interface ChangeFacts {
  /** The subscription item that changes. */
  item: string;
  price: string;
  quantity: number;
  endsTrial: boolean;
}

/** The fields a change with these facts sends (preview and update alike). */
export function fieldsFor(c: Context<AppEnv>, facts: ChangeFacts, prorationDate: number): ChangeFields {
  const feature = c.var.configuration.features.subscription_update;
  const prorationBehavior = (feature.proration_behavior ?? "none") as ProrationBehavior;
  const fields: ChangeFields = {
    items: [{ id: facts.item, price: facts.price, quantity: facts.quantity }],
    proration_behavior: prorationBehavior,
  };
  // Stripe only reads the proration date when it prorates.
  if (prorationBehavior !== "none") fields.proration_date = prorationDate;
  if (feature.billing_cycle_anchor === "now") fields.billing_cycle_anchor = { type: "now" };
  if (facts.endsTrial) fields.trial_end = "now";
  return fields;
}

/** The `subscription_details` / update fields shared by the preview and the real update. */
export function changeFields(c: Context<AppEnv>, change: PlannedChange, prorationDate: number): ChangeFields {
  return fieldsFor(c, factsOf(change), prorationDate);
}

function factsOf(change: PlannedChange): ChangeFacts {
  return {
    item: change.item.id,
    price: change.to.price.id,
    quantity: change.to.quantity,
    endsTrial: change.endsTrial,
  };
}

/**
 * The previews an immediate change needs: the invoice it creates, and when that invoice is
 * issued at once (`invoicesNow`), the next regular one after it (`preview_mode=recurring`).
 */
export function previewRequests(
  c: Context<AppEnv>,
  change: ChangeFacts & {
    subscription: string;
    invoicesNow: boolean;
    discounts?: ReturnType<typeof discountsParam>;
  },
  prorationDate: number,
): Stripe.InvoiceCreatePreviewParams[] {
  const params: Stripe.InvoiceCreatePreviewParams = {
    customer: c.var.session.record.customer,
    subscription: change.subscription,
    subscription_details: fieldsFor(c, change, prorationDate),
    ...(change.discounts ? { discounts: change.discounts } : {}),
  };
  if (!change.invoicesNow) return [params];
  // Stripe's recurring preview estimates the next regular invoice of the new items and does not
  // support prorations or trial changes, so it only gets the items (and discounts).
  const recurring: Stripe.InvoiceCreatePreviewParams = {
    ...params,
    subscription_details: { items: params.subscription_details?.items ?? [] },
    preview_mode: "recurring",
  };
  return [params, recurring];
}

/** Previews already asked for, found by their exact parameters (see early-preview.ts). */
export interface EarlyPreviews {
  take(params: Stripe.InvoiceCreatePreviewParams): Promise<Stripe.Invoice> | null;
}

function isProration(line: Stripe.InvoiceLineItem): boolean {
  const parent = line.parent;
  return Boolean(parent?.subscription_item_details?.proration || parent?.invoice_item_details?.proration);
}

function prorationLines(invoice: Stripe.Invoice): ProrationLine[] {
  return invoice.lines.data.filter(isProration).map((line) => ({
    description: line.description,
    amount: line.amount,
    start: line.period.start,
    end: line.period.end,
  }));
}

/** When the next regular invoice comes after the change. */
function nextDate(change: PlannedChange, prorationDate: number): number {
  const r = change.to.price.recurring;
  if (change.resetsPeriod && r) {
    return addInterval(prorationDate, r.interval as "day" | "week" | "month" | "year", r.interval_count);
  }
  return change.periodEnd;
}

/**
 * Previews a checked change at `prorationDate` (the same date the update will use). A preview
 * `early` already asked for with exactly these parameters is used instead of asking again.
 */
export async function previewChange(
  c: Context<AppEnv>,
  change: PlannedChange,
  prorationDate: number,
  early: EarlyPreviews | null = null,
): Promise<ChangePreview> {
  const currency = change.to.price.currency;
  if (change.scheduled) {
    const amount = periodAmount(change.to.price, change.to.quantity);
    return {
      currency,
      dueToday: 0,
      prorations: [],
      next: amount === null ? null : { amount, date: change.periodEnd },
      effectiveAt: change.periodEnd,
    };
  }
  const { stripe, read } = portalStripe(c);
  const requests = previewRequests(
    c,
    {
      ...factsOf(change),
      subscription: change.subscription.id,
      invoicesNow: change.invoicesNow,
      discounts: discountsParam(change.subscription, change.discount),
    },
    prorationDate,
  );
  const [first, recurring] = await Promise.all(
    requests.map((params) => early?.take(params) ?? stripe.invoices.createPreview(params, read)),
  );
  if (!first) throw new Error("no invoice preview");
  const next = { amount: (recurring ?? first).amount_due, date: nextDate(change, prorationDate) };
  return {
    currency: first.currency,
    dueToday: recurring ? first.amount_due : 0,
    prorations: prorationLines(first),
    next,
    effectiveAt: null,
  };
}
