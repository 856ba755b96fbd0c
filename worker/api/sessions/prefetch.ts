/**
 * The session's prefetch guesses (`SessionRecord.prefetch`): read while the session is created,
 * in the same wave as the customer, so the portal's pages can start the Stripe calls that would
 * otherwise wait for a first answer (home: invoice previews, scheduled prices; the confirm flow:
 * its invoice preview).
 */
import type Stripe from "stripe";
import { type HomePrefetch, homePrefetch } from "../../billing/home-prefetch";
import { periodDays } from "../../billing/price-amount";
import { changeEndsTrial } from "../../billing/trial";
import type { PortalConfiguration } from "../../store/configuration-types";
import type { ChangeHint, SessionFlow, SessionPrefetch } from "../../store/session-store";
import { accountOptions } from "../stripe-lookup";
import type { FlowObjects } from "./flow-objects";

/**
 * The home page's guesses from the customer's subscriptions, listed as the home page lists
 * them. Null when the list fails: the session is still created and its pages load as they
 * would without guesses.
 */
export async function listHomePrefetch(
  stripe: Stripe,
  account: string | null,
  customer: string,
  onBehalfOf: string | null,
): Promise<HomePrefetch | null> {
  try {
    const list = await stripe.subscriptions.list(
      { customer, status: "all", limit: 100, expand: ["data.schedule"] },
      accountOptions(account),
    );
    return homePrefetch(list.data, onBehalfOf);
  } catch {
    return null;
  }
}

/** What the `subscription_update_confirm` flow's invoice preview will need, from its objects. */
export function confirmFlowHint(
  flow: SessionFlow | null,
  objects: FlowObjects | null,
  config: PortalConfiguration,
): ChangeHint | null {
  const preset = flow?.subscription_update_confirm?.items[0];
  const sub = objects?.subscription;
  if (!preset || !sub) return null;
  const current = sub.items.data.find((item) => item.id === preset.id);
  if (!current) return null;
  const target = objects.price ?? current.price;
  return {
    item: current.id,
    price: preset.price ?? current.price.id,
    quantity: preset.quantity ?? current.quantity ?? 1,
    endsTrial: changeEndsTrial(sub, config),
    newPeriod: periodDays(target) !== periodDays(current.price),
  };
}

/** The record's `prefetch`: null when nothing could be guessed. */
export function sessionPrefetch(
  home: HomePrefetch | null,
  change: ChangeHint | null,
): SessionPrefetch | null {
  if (!home && !change) return null;
  return { previews: home?.previews ?? [], prices: home?.prices ?? [], change };
}
