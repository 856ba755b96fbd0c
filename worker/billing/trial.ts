/**
 * What a plan change does to a trial (`trial_update_behavior`). Stripe's default `end_trial`
 * ends the trial and invoices at once; `continue_trial` keeps it.
 */
import type Stripe from "stripe";
import type { PortalConfiguration } from "../store/configuration-types";

/** True when a change to this subscription ends its trial now (`trial_end=now`). */
export function changeEndsTrial(
  sub: Pick<Stripe.Subscription, "status">,
  config: PortalConfiguration,
): boolean {
  if (sub.status !== "trialing") return false;
  return config.features.subscription_update.trial_update_behavior !== "continue_trial";
}
