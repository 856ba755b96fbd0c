import type { MessageKey } from "../../worker/lib/i18n";
import { PORTAL_HOME } from "../../worker/portal/paths";
import { useRequest } from "../context";
import { FormNotice } from "./form-error-summary";

/** The "back to the portal" link of feature pages; hidden inside a deep-link flow. */
export function BackToHome(props: { inFlow: boolean }) {
  const { t } = useRequest();
  if (props.inFlow) return null;
  return (
    <p class="back-link">
      <a href={PORTAL_HOME}>{t("billing.back_to_portal")}</a>
    </p>
  );
}

/** The outcome of the previous POST, shown once at the top of the page. */
export function PageNotices(props: { notice?: MessageKey | null; error?: MessageKey | null }) {
  const { t } = useRequest();
  return (
    <>
      {props.notice ? <FormNotice kind="success" message={t(props.notice)} /> : null}
      {props.error ? <FormNotice kind="error" message={t(props.error)} /> : null}
    </>
  );
}
