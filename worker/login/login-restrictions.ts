import type { PortalConfiguration } from "../store/configuration-types";
import type { SessionRecord } from "../store/session-store";

/**
 * The configuration as a session may use it. A session opened through the login page cannot
 * change the email address (Stripe: "Customers can't update their email address through this
 * link"): the address is what proved who they are, so changing it there would let a
 * passing visitor lock the owner out of later logins.
 */
export function sessionConfiguration(
  config: PortalConfiguration,
  record: Pick<SessionRecord, "source">,
): PortalConfiguration {
  if (record.source !== "login_page") return config;
  const update = config.features.customer_update;
  if (!update.allowed_updates.includes("email")) return config;
  return {
    ...config,
    features: {
      ...config.features,
      customer_update: { ...update, allowed_updates: update.allowed_updates.filter((f) => f !== "email") },
    },
  };
}
