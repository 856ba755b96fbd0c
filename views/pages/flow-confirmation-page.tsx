import type { MessageKey } from "../../worker/lib/i18n";
import type { FlowOutcome } from "../../worker/portal/flow-completion";
import { useRequest } from "../context";

const OUTCOME_KEYS: Record<FlowOutcome, MessageKey> = {
  plan_updated: "flow.outcomes.plan_updated",
  plan_change_scheduled: "flow.outcomes.plan_change_scheduled",
  canceled: "flow.outcomes.canceled",
  cancel_scheduled: "flow.outcomes.cancel_scheduled",
  paused: "flow.outcomes.paused",
  retention_accepted: "flow.outcomes.retention_accepted",
  payment_method_added: "flow.outcomes.payment_method_added",
  customer_updated: "flow.outcomes.customer_updated",
};

/** The hosted confirmation: what was done (or the merchant's message) and the way back. */
export function FlowConfirmationPage(props: {
  outcome: FlowOutcome;
  customMessage: string | null;
  returnUrl: string | null;
}) {
  const { t } = useRequest();
  return (
    <section class="card message confirmation" aria-labelledby="done-title">
      <p class="confirmation-mark" aria-hidden="true">
        ✓
      </p>
      <h1 id="done-title">{t("flow.done_title")}</h1>
      <p class="confirmation-message">{props.customMessage ?? t(OUTCOME_KEYS[props.outcome])}</p>
      {props.returnUrl ? (
        <p>
          <a class="button" href={props.returnUrl}>
            {t("flow.return")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
