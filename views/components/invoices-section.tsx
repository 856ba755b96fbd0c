import { formatDate, formatMoney } from "../../worker/lib/format";
import type { MessageKey } from "../../worker/lib/i18n";
import type { InvoiceRow, InvoicesData } from "../../worker/portal/invoices/types";
import { useRequest } from "../context";
import { PostForm } from "./form-post";
import { SectionHeading } from "./section-heading";

const BASE = "/p/invoices";

/** Badge style per status: due stands out, paid reads as done. */
const STATUS_BADGE: Record<InvoiceRow["status"], string> = {
  open: "badge-warn",
  paid: "badge-ok",
  uncollectible: "",
  void: "",
};

function InvoiceActions(props: { invoice: InvoiceRow; canPay: boolean; csrfToken: string }) {
  const { t, locale } = useRequest();
  const { invoice } = props;
  const ref = invoice.number ?? invoice.id;
  return (
    <span class="invoice-actions">
      {invoice.hostedInvoiceUrl ? (
        <a href={invoice.hostedInvoiceUrl} rel="noopener noreferrer" target="_blank">
          {t("invoices.view")}
          <span class="visually-hidden"> {ref}</span>
        </a>
      ) : null}
      {invoice.invoicePdf ? (
        <a href={invoice.invoicePdf} rel="noopener noreferrer">
          {t("invoices.download")}
          <span class="visually-hidden"> {ref}</span>
        </a>
      ) : null}
      {invoice.status === "open" && props.canPay ? (
        <PostForm action={`${BASE}/${invoice.id}/pay`} csrfToken={props.csrfToken} class="inline-form">
          <button type="submit" class="button button-small">
            {t("invoices.pay", { amount: formatMoney(invoice.amountRemaining, invoice.currency, locale) })}
            <span class="visually-hidden"> {ref}</span>
          </button>
        </PostForm>
      ) : null}
    </span>
  );
}

/**
 * Invoice history: number, date, amount and status per invoice, with view, download and (for
 * open invoices) pay. Paginated with Stripe's cursors; the newest page comes first.
 */
export function InvoicesSection(props: { data: InvoicesData; csrfToken: string; headingLevel?: 1 | 2 }) {
  const { t, locale } = useRequest();
  const { data } = props;
  return (
    <section class="card portal-section" aria-labelledby="invoices-title">
      <SectionHeading level={props.headingLevel ?? 2} id="invoices-title" text={t("invoices.title")} />
      {data.invoices.length === 0 ? (
        <p class="muted">{t("invoices.empty")}</p>
      ) : (
        <table class="table invoices-table">
          <thead>
            <tr>
              <th scope="col">{t("invoices.number")}</th>
              <th scope="col">{t("invoices.date")}</th>
              <th scope="col">{t("invoices.amount")}</th>
              <th scope="col">{t("invoices.status")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("invoices.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td data-label={t("invoices.number")}>{invoice.number ?? "—"}</td>
                <td data-label={t("invoices.date")}>{formatDate(invoice.date, locale)}</td>
                <td class="amount" data-label={t("invoices.amount")}>
                  {formatMoney(invoice.total, invoice.currency, locale)}
                </td>
                <td data-label={t("invoices.status")}>
                  <span class={`badge ${STATUS_BADGE[invoice.status]}`}>
                    {t(`invoices.statuses.${invoice.status}` as MessageKey)}
                  </span>
                </td>
                <td>
                  <InvoiceActions invoice={invoice} canPay={data.canPay} csrfToken={props.csrfToken} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.newerCursor || data.olderCursor ? (
        <nav class="pagination" aria-label={t("invoices.pagination")}>
          {data.newerCursor ? (
            <a href={`${BASE}?before=${encodeURIComponent(data.newerCursor)}`} rel="prev">
              {t("invoices.newer")}
            </a>
          ) : null}
          {data.olderCursor ? (
            <a href={`${BASE}?after=${encodeURIComponent(data.olderCursor)}`} rel="next">
              {t("invoices.older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
