import { useRequest } from "../context";

export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  /** What this customer demonstrates, from the emulator's seed (`metadata.demo_case`). */
  demoCase: string;
}

export interface DemoAccount {
  /** `acct_…` for a connected account, null for the platform itself. */
  id: string | null;
  name: string;
  customers: DemoCustomer[];
}

/** The dev landing page: every seeded customer, grouped by account. */
export function DevLandingPage(props: { accounts: DemoAccount[] }) {
  const { t } = useRequest();
  return (
    <section class="dev-landing">
      <h1>{t("dev.title")}</h1>
      <p>{t("dev.intro")}</p>
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
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
