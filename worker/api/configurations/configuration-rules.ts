import type { ConfigurationFields } from "../../store/default-configuration";
import { invalidParam, parameterMissing } from "../errors";

/**
 * Rules across fields, checked on the merged result of a create or update so that an update
 * cannot reach a state a create would refuse (stripe-portal-api.md §2.7).
 */
export function checkConfigurationRules(config: ConfigurationFields): void {
  const { features } = config;
  const update = features.subscription_update;
  if (update.enabled && update.products.length === 0) {
    throw parameterMissing("features[subscription_update][products]");
  }
  if (update.enabled && !features.payment_method_update.enabled) {
    throw invalidParam(
      "features[payment_method_update][enabled]",
      "Cannot enable subscription updates while payment method update is disabled.",
    );
  }
  const cancel = features.subscription_cancel;
  if (cancel.proration_behavior === "create_prorations" && cancel.mode !== "immediately") {
    throw invalidParam(
      "features[subscription_cancel][proration_behavior]",
      "`create_prorations` is only compatible with `features[subscription_cancel][mode]=immediately`: no prorations are generated when canceling at the end of the billing period.",
    );
  }
  const pause = features.subscription_pause;
  if (
    pause?.enabled &&
    pause.duration.type === "interval_options" &&
    pause.duration.interval_options.length === 0
  ) {
    throw parameterMissing("features[subscription_pause][duration][interval_options]");
  }
}
