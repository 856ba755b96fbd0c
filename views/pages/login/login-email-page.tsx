import { FormNotice } from "../../components/form-error-summary";
import { FormField } from "../../components/form-field";
import { useRequest } from "../../context";

/** Props of the first login step: the email form. */
export interface LoginEmailPageProps {
  /** Where the form posts (the login page URL, with `?locale=` when the customer picked one). */
  action: string;
  formToken: string;
  /** The address to show in the field (typed before, or `prefilled_email`). */
  email: string;
  /** Translated problem with the address, shown with the field. */
  fieldError: string | null;
  /** Translated problem with the whole request (throttled, Stripe unreachable). */
  notice: string | null;
}

/**
 * Step 1 of the no-code login: the customer gives their billing email address and is sent a
 * one-time code. The page never says whether the address belongs to anyone.
 */
export function LoginEmailPage(props: LoginEmailPageProps) {
  const { t } = useRequest();
  return (
    <section class="card login">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {props.notice ? <FormNotice kind="error" message={props.notice} /> : null}
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.formToken} />
        <FormField
          id="login-email"
          name="email"
          type="email"
          label={t("login.email_label")}
          value={props.email}
          autocomplete="email"
          required
          maxLength={512}
          error={props.fieldError ?? undefined}
        />
        <button type="submit" class="button">
          {t("login.send_code")}
        </button>
      </form>
    </section>
  );
}
