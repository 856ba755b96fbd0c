import { useRequest } from "../context";

export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  /** What this customer demonstrates, from the emulator's seed (`metadata.demo_case`). */
  demoCase: string;
  /** Whether the customer has a subscription that has not ended (subscription flows apply). */
  hasSubscription: boolean;
  /** The connected account one of its subscriptions is made on behalf of, if any. */
  onBehalfOf: string | null;
}

export interface DemoAccount {
  /** `acct_…` for a connected account, null for the platform itself. */
  id: string | null;
  name: string;
  customers: DemoCustomer[];
}

const SUBSCRIPTION_FLOWS = [
  ["subscription_update", "dev.flow_subscription_update"],
  ["subscription_update_confirm", "dev.flow_subscription_update_confirm"],
  ["subscription_cancel", "dev.flow_subscription_cancel"],
  ["subscription_pause", "dev.flow_subscription_pause"],
] as const;

const CUSTOMER_FLOWS = [
  ["payment_method_update", "dev.flow_payment_method_update"],
  ["customer_update", "dev.flow_customer_update"],
] as const;

/** One customer's buttons: a plain POST form, one submit button per flow (works without JS). */
function SessionButtons(props: { account: string | null; customer: DemoCustomer }) {
  const { t } = useRequest();
  const flows = props.customer.hasSubscription ? [...SUBSCRIPTION_FLOWS, ...CUSTOMER_FLOWS] : CUSTOMER_FLOWS;
  return (
    <form method="post" action="/dev/session" class="dev-actions">
      <input type="hidden" name="customer" value={props.customer.id} />
      <input type="hidden" name="account" value={props.account ?? ""} />
      <button type="submit" name="flow" value="" class="button">
        {t("dev.open_portal")}
      </button>{" "}
      {props.customer.onBehalfOf ? (
        <button
          type="submit"
          name="on_behalf_of"
          value={props.customer.onBehalfOf}
          class="button button-secondary"
        >
          {t("dev.open_on_behalf_of", { account: props.customer.onBehalfOf })}
        </button>
      ) : null}{" "}
      {flows.map(([flow, label]) => (
        <button type="submit" name="flow" value={flow} class="button button-secondary" key={flow}>
          {t(label)}
        </button>
      ))}
    </form>
  );
}

/** The dev landing page: every seeded customer, grouped by account, with portal buttons. */
export function DevLandingPage(props: { accounts: DemoAccount[]; loginUrl: string | null }) {
  const { t } = useRequest();
  return (
    <section class="dev-landing">
      <h1>{t("dev.title")}</h1>
      <p>{t("dev.intro")}</p>
      <section class="card">
        <h2>{t("dev.login_title")}</h2>
        <p>{props.loginUrl ? t("dev.login_intro") : t("dev.login_none")}</p>
        <p class="dev-actions">
          {props.loginUrl ? (
            <a class="button" href={props.loginUrl}>
              {t("dev.login_open")}
            </a>
          ) : null}{" "}
          <a class="button button-secondary" href="/dev/outbox">
            {t("dev.outbox_open")}
          </a>
        </p>
      </section>
      {props.accounts.map((account) => (
        <section class="card" key={account.id ?? "platform"}>
          <h2>
            {t("dev.account")}: {account.name} {account.id ? <code>{account.id}</code> : null}
          </h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t("dev.customer")}</th>
                <th scope="col">{t("dev.case")}</th>
                <th scope="col">{t("dev.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {account.customers.map((customer) => (
                <tr key={customer.id}>
                  <td>
                    <strong>{customer.name}</strong>
                    <br />
                    <code>{customer.id}</code> {customer.email}
                  </td>
                  <td>{customer.demoCase}</td>
                  <td>
                    <SessionButtons account={account.id} customer={customer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** Shown when a landing-page button could not open a session (the API's message, verbatim). */
export function DevSessionErrorPage(props: { message: string }) {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("dev.session_failed")}</h1>
      <p>{props.message}</p>
      <p>
        <a class="button" href="/">
          {t("dev.back")}
        </a>
      </p>
    </section>
  );
}
