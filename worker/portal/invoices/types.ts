/** One row of the invoice history: only what the page shows. */
export interface InvoiceRow {
  id: string;
  number: string | null;
  /** Unix seconds: when the invoice was finalized, else created. */
  date: number;
  total: number;
  amountRemaining: number;
  currency: string;
  status: "open" | "paid" | "uncollectible" | "void";
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
}

/** A page of the invoice history; `loadInvoices` returns it. */
export interface InvoicesData {
  invoices: InvoiceRow[];
  /** Cursor for the next (older) page, when there is one. */
  olderCursor: string | null;
  /** Cursor for the previous (newer) page, when this is not the first page. */
  newerCursor: string | null;
  /** Whether the customer has a default payment method the Pay button can charge. */
  canPay: boolean;
}
