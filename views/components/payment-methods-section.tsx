import type Stripe from "stripe";
import type { PaymentMethodsData } from "../../worker/portal/payment-methods/types";
import { useRequest } from "../context";
import { FormCheckbox } from "./form-checkbox";
import { PostForm } from "./form-post";
import { PaymentMethodLabel, paymentMethodSummary } from "./payment-method-label";
import { SectionHeading } from "./section-heading";

const BASE = "/p/payment-methods";

/** The add button, with the choice to also replace subscription-level overrides. */
export function AddPaymentMethodForm(props: { csrfToken: string; overrideCount: number; primary?: boolean }) {
  const { t } = useRequest();
  return (
    <PostForm action={`${BASE}/add`} csrfToken={props.csrfToken} class="pm-add">
      {props.overrideCount > 0 ? (
        <FormCheckbox
          id="clear-overrides"
          name="clear_overrides"
          label={t("payment_methods.clear_overrides", { count: props.overrideCount })}
          hint={t("payment_methods.clear_overrides_hint")}
        />
      ) : null}
      <button type="submit" class={props.primary ? "button" : "button button-secondary"}>
        {t("payment_methods.add")}
      </button>
    </PostForm>
  );
}

function MethodRow(props: {
  pm: Stripe.PaymentMethod;
  isDefault: boolean;
  removable: boolean;
  csrfToken: string;
}) {
  const { t } = useRequest();
  const { pm } = props;
  return (
    <li class="pm-row">
      <PaymentMethodLabel paymentMethod={pm} />
      {props.isDefault ? <span class="badge">{t("payment_methods.default_badge")}</span> : null}
      <span class="pm-actions">
        {props.isDefault ? null : (
          <PostForm action={`${BASE}/${pm.id}/default`} csrfToken={props.csrfToken} class="inline-form">
            <button type="submit" class="button-link">
              {t("payment_methods.make_default")}
              {/* Each row's buttons share a name; screen readers also hear which method. */}
              <span class="visually-hidden">: {paymentMethodSummary(pm, t)}</span>
            </button>
          </PostForm>
        )}
        {props.removable ? (
          <a class="button-link" href={`${BASE}/${pm.id}/remove`}>
            {t("payment_methods.remove")}
            <span class="visually-hidden">: {paymentMethodSummary(pm, t)}</span>
          </a>
        ) : null}
      </span>
    </li>
  );
}

/**
 * The payment methods section: every saved method (any type, unsupported ones with a generic
 * name), the default marked, with set-default, remove and add. Shown even when the default
 * method's type is one the portal does not support, as Stripe's portal does.
 */
export function PaymentMethodsSection(props: {
  data: PaymentMethodsData;
  csrfToken: string;
  headingLevel?: 1 | 2;
}) {
  const { t } = useRequest();
  const { data } = props;
  // The last method stays when a subscription charges it; the explanation replaces the button.
  const lastLocked = data.removeRefusal !== null && data.methods.length === 1;
  return (
    <section class="card portal-section" aria-labelledby="payment-methods-title">
      <SectionHeading
        level={props.headingLevel ?? 2}
        id="payment-methods-title"
        text={t("payment_methods.title")}
      />
      {data.methods.length === 0 ? (
        <p class="muted">{t("payment_methods.empty")}</p>
      ) : (
        <ul class="pm-list">
          {data.methods.map((pm) => (
            <MethodRow
              key={pm.id}
              pm={pm}
              isDefault={pm.id === data.defaultPaymentMethodId}
              removable={!lastLocked}
              csrfToken={props.csrfToken}
            />
          ))}
        </ul>
      )}
      {lastLocked ? <p class="muted">{t("payment_methods.last_method_in_use")}</p> : null}
      <AddPaymentMethodForm csrfToken={props.csrfToken} overrideCount={data.overrideCount} />
    </section>
  );
}
