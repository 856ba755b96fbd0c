import { FormField } from "../../components/form-field";
import { useRequest } from "../../context";

/** Props of the second login step: the passcode form. */
export interface LoginCodePageProps {
  action: string;
  formToken: string;
  /** The address the code went to, as the customer typed it. */
  email: string;
  /** Link back to step 1 (keeps the address and the language). */
  restartHref: string;
  /** Translated problem with the code, shown with the field. */
  fieldError: string | null;
}

/** Step 2 of the no-code login: the six-digit code from the email. */
export function LoginCodePage(props: LoginCodePageProps) {
  const { t } = useRequest();
  return (
    <section class="card login">
      <h1>{t("login.code_title")}</h1>
      <p>{t("login.code_intro", { email: props.email })}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.formToken} />
        <FormField
          id="login-code"
          name="code"
          label={t("login.code_label")}
          autocomplete="one-time-code"
          inputMode="numeric"
          inputClass="input-code"
          required
          maxLength={12}
          error={props.fieldError ?? undefined}
        />
        <button type="submit" class="button">
          {t("login.sign_in")}
        </button>
      </form>
      <p>
        <a href={props.restartHref}>{t("login.restart")}</a>
      </p>
    </section>
  );
}
