import type Stripe from "stripe";
import type { SessionRecord } from "../../store/session-store";
import type { ApiConfiguration } from "../configurations/configuration-object";

/** A session as the API returns it, with `configuration` an id or the expanded object. */
export type ApiSession = Omit<Stripe.BillingPortal.Session, "configuration"> & {
  configuration: string | ApiConfiguration;
};

/**
 * The `billing_portal.session` object for a stored session: exactly the fields of stripe-node
 * v23's type. The bearer URL exists only in this response; KV holds its hash.
 */
export function toApiSession(
  record: SessionRecord,
  url: string,
  configuration: ApiConfiguration | null,
): ApiSession {
  return {
    id: record.id,
    object: "billing_portal.session",
    after_expiration: null,
    configuration: configuration ?? record.configuration,
    created: record.created,
    customer: record.customer,
    customer_account: null,
    flow: record.flow,
    livemode: record.livemode,
    locale: record.locale,
    on_behalf_of: record.onBehalfOf,
    return_url: record.returnUrl,
    url,
  };
}
