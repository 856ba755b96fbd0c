/**
 * The home page's subscription cards in one wave. The cards need, besides the subscription
 * list, each renewing subscription's next-invoice preview and the price of each scheduled plan
 * change: calls that name ids only the list gives. The session remembers those ids from its
 * creation (`SessionRecord.prefetch`), so they are asked for in the same wave as the list.
 * The fresh list stays the authority: a guessed call for a subscription the list no longer
 * shows (or not as renewing) is dropped unseen, and one the guesses missed is made after the
 * list, the second wave the guesses exist to avoid. When the list and the guesses disagree the
 * session's guesses are brought up to date for the next visit.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { currentPeriodEnd } from "../billing/cancel-mode";
import {
  cancelEligibility,
  pauseEligibility,
  renewEligibility,
  resumeEligibility,
  updateEligibility,
} from "../billing/eligibility";
import { hasNextInvoice, homePrefetch, samePrefetch } from "../billing/home-prefetch";
import { listedSubscriptions, nextPhase, subscriptionNotices } from "../billing/subscription-state";
import type { AppEnv } from "../env";
import { saveSession } from "../store/session-store";
import { listCustomerSubscriptions } from "./customer-subscriptions";
import { portalStripe } from "./stripe-call";
import type { SubscriptionSummary } from "./subscriptions/summary";

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Calls started from the session's guesses, by subscription id and by price id. */
interface EarlyCalls {
  previews: Map<string, Promise<Answer<Stripe.Invoice>>>;
  prices: Map<string, Promise<Stripe.Price | null>>;
}

/** Settles a call so a dropped guess can never surface as an unhandled rejection. */
function settle<T>(call: Promise<T>): Promise<Answer<T>> {
  return call.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function previewNextInvoice(c: Context<AppEnv>, subscription: string): Promise<Answer<Stripe.Invoice>> {
  const { stripe, read } = portalStripe(c);
  return settle(
    stripe.invoices.createPreview({ customer: c.var.session.record.customer, subscription }, read),
  );
}

/** A scheduled change's price with its product; null when it cannot be read (the card says less). */
async function retrievePrice(c: Context<AppEnv>, id: string): Promise<Stripe.Price | null> {
  const { stripe, read } = portalStripe(c);
  const answer = await settle(stripe.prices.retrieve(id, { expand: ["product"] }, read));
  return answer.ok ? answer.value : null;
}

function startEarlyCalls(c: Context<AppEnv>): EarlyCalls {
  const guesses = c.var.session.record.prefetch;
  return {
    previews: new Map((guesses?.previews ?? []).map((id) => [id, previewNextInvoice(c, id)])),
    prices: new Map((guesses?.prices ?? []).map((id) => [id, retrievePrice(c, id)])),
  };
}

/** The next invoice of a subscription that will renew; null when it will not, or on failure. */
async function nextInvoice(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  early: EarlyCalls,
): Promise<SubscriptionSummary["next"]> {
  if (!hasNextInvoice(sub)) return null;
  const answer = await (early.previews.get(sub.id) ?? previewNextInvoice(c, sub.id));
  if (!answer.ok) {
    // A missing preview only hides one line of the card; the page still renders.
    const { error } = answer;
    console.warn("invoice preview failed", sub.id, error instanceof Error ? error.message : error);
    return null;
  }
  const date = sub.status === "trialing" && sub.trial_end ? sub.trial_end : currentPeriodEnd(sub);
  return { amount: answer.value.amount_due, currency: answer.value.currency, date };
}

/** The price a scheduled change moves to, expanded, when the schedule only names it. */
async function scheduledPrice(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  early: EarlyCalls,
): Promise<Stripe.Price | null> {
  if (!sub.schedule || typeof sub.schedule === "string") return null;
  const price = nextPhase(sub.schedule)?.items[0]?.price;
  if (!price) return null;
  if (typeof price !== "string") return price.deleted ? null : price;
  return early.prices.get(price) ?? retrievePrice(c, price);
}

async function summarize(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  early: EarlyCalls,
): Promise<SubscriptionSummary> {
  const config = c.var.configuration;
  const [next, changeTo] = await Promise.all([nextInvoice(c, sub, early), scheduledPrice(c, sub, early)]);
  const latest = sub.latest_invoice;
  const payUrl =
    (sub.status === "past_due" || sub.status === "unpaid") &&
    latest &&
    typeof latest !== "string" &&
    latest.status === "open"
      ? (latest.hosted_invoice_url ?? null)
      : null;
  return {
    subscription: sub,
    notices: subscriptionNotices(sub),
    scheduledPrice: changeTo,
    next,
    payUrl,
    actions: {
      update: updateEligibility(sub, config),
      cancel: cancelEligibility(sub, config),
      pause: pauseEligibility(sub, config),
      resume: resumeEligibility(sub),
      renew: renewEligibility(sub),
    },
  };
}

/** Runs `task` after the response when the runtime allows it (workerd), else now (tests). */
async function afterResponse(c: Context<AppEnv>, task: Promise<void>): Promise<void> {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(task);
  else await task;
}

/** Stores what this list says the home page needs, when the session's guesses differ. */
async function refreshGuesses(c: Context<AppEnv>, subs: readonly Stripe.Subscription[]): Promise<void> {
  const session = c.var.session;
  const stored = session.record.prefetch;
  const fresh = homePrefetch(subs, session.record.onBehalfOf);
  if (stored && samePrefetch(stored, fresh)) return;
  session.record = { ...session.record, prefetch: { ...fresh, change: stored?.change ?? null } };
  const save = saveSession(c.env.SESSIONS, session, c.var.deps.now()).catch((err: unknown) => {
    // Only a guess: the next visit takes one more wave.
    console.warn("session prefetch not saved", err instanceof Error ? err.message : err);
  });
  await afterResponse(c, save);
}

/** The cards of every subscription this session shows (see the module comment). */
export async function loadSubscriptionSummaries(c: Context<AppEnv>): Promise<SubscriptionSummary[]> {
  const early = startEarlyCalls(c);
  const all = await listCustomerSubscriptions(c);
  const listed = listedSubscriptions(all, c.var.session.record.onBehalfOf);
  const [summaries] = await Promise.all([
    Promise.all(listed.map((sub) => summarize(c, sub, early))),
    refreshGuesses(c, all),
  ]);
  return summaries;
}
