import type { Hono } from "hono";
import type Stripe from "stripe";
import { confirmIntent } from "../billing/authentication";
import { shortDate } from "../billing/periods";
import type { ApiEnv, Runtime } from "../core/app";
import { decodeForm, readText } from "../core/app";
import { StripeError } from "../core/errors";
import type { WInvoice } from "../core/wire";
import { onBehalfOfId } from "../resources/on-behalf-of";
import { buildCard } from "../resources/payment-method-builders";
import { hostedCtx } from "./context";
import { esc, money, page } from "./html";
import { buildPdf } from "./pdf";

/** The new cards the Pay form offers besides the saved default. */
const NEW_CARDS: Record<string, { last4: string; brand: string }> = {
  card_4242: { last4: "4242", brand: "visa" },
  card_3184: { last4: "3184", brand: "visa" },
};

function find(runtime: Runtime, id: string) {
  const found = runtime.state.findAnywhere<WInvoice>("invoice", id);
  // Drafts have no hosted page, as on Stripe.
  return found && found.obj.status !== "draft" ? found : null;
}

/**
 * The business an invoice presents: the `on_behalf_of` account when set (Stripe shows that
 * account's branding and support information), else the account that owns it.
 */
function merchantName(runtime: Runtime, accountId: string, inv: WInvoice): string {
  const presented = onBehalfOfId(inv.on_behalf_of) ?? accountId;
  return (
    runtime.state.platform.get<Stripe.Account>("account", presented)?.business_profile?.name ?? "Merchant"
  );
}

function summary(inv: WInvoice): [string, string][] {
  const rows: [string, string][] = [["Subtotal", money(inv.subtotal, inv.currency)]];
  for (const d of inv.total_discount_amounts ?? [])
    rows.push(["Discount", `-${money(d.amount, inv.currency)}`]);
  rows.push(["Total", money(inv.total, inv.currency)]);
  if (inv.starting_balance !== 0) rows.push(["Applied balance", money(inv.starting_balance, inv.currency)]);
  rows.push(["Amount due", money(inv.amount_due, inv.currency)]);
  rows.push(["Amount paid", money(inv.amount_paid, inv.currency)]);
  rows.push(["Amount remaining", money(inv.amount_remaining, inv.currency)]);
  return rows;
}

function renderInvoice(
  runtime: Runtime,
  accountId: string,
  inv: WInvoice,
  error?: string,
  status = 200,
): Response {
  const merchant = merchantName(runtime, accountId, inv);
  const lines = inv.lines.data
    .map(
      (line) =>
        `<tr><td>${esc(line.description)}</td><td class="num">${esc(line.quantity)}</td><td class="num">${esc(money(line.amount, line.currency))}</td></tr>`,
    )
    .join("\n");
  const totals = summary(inv)
    .map(([label, value]) => `<tr><th colspan="2">${esc(label)}</th><td class="num">${esc(value)}</td></tr>`)
    .join("\n");
  const payForm =
    inv.status === "open"
      ? `<form method="post" action="/invoices/${esc(inv.id)}/pay">
<fieldset><legend>Pay this invoice</legend>
<label><input type="radio" name="method" value="default" checked> Saved default payment method</label><br>
<label><input type="radio" name="method" value="card_4242"> New card ending 4242</label><br>
<label><input type="radio" name="method" value="card_3184"> New card ending 3184 (asks for 3-D Secure)</label>
</fieldset><p><button type="submit">Pay ${esc(money(inv.amount_remaining, inv.currency))}</button></p></form>`
      : "";
  return page(
    `Invoice ${inv.number ?? inv.id} — ${merchant}`,
    `<h1>${esc(merchant)}</h1>
${error ? `<p role="alert"><strong>${esc(error)}</strong></p>` : ""}
<h2>Invoice ${esc(inv.number ?? inv.id)} <span class="badge">${esc(inv.status)}</span></h2>
<p>Billed to ${esc(inv.customer_name ?? inv.customer_email ?? String(inv.customer))}${inv.customer_email ? ` (${esc(inv.customer_email)})` : ""}<br>
Issued ${esc(shortDate(inv.created))}${inv.due_date ? `, due ${esc(shortDate(inv.due_date))}` : ""}</p>
<table><thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Amount</th></tr></thead>
<tbody>${lines}</tbody><tfoot>${totals}</tfoot></table>
${payForm}
<p><a href="/invoices/${esc(inv.id)}/pdf">Download PDF</a></p>`,
    status,
  );
}

/** Hosted invoice page (with a pay button for open invoices) and the invoice PDF. */
export function registerInvoicePages(app: Hono<ApiEnv>, runtime: Runtime): void {
  app.get("/invoices/:id", (c) => {
    const found = find(runtime, c.req.param("id"));
    if (!found) return page("Not found", "<h1>Invoice not found</h1>", 404);
    // Back from a failed 3-D Secure challenge (the stand-in's redirect_status).
    const failed = c.req.query("redirect_status") === "failed";
    return renderInvoice(
      runtime,
      found.account.id,
      found.obj,
      failed
        ? "We are unable to authenticate your payment method. Please choose a different payment method and try again."
        : undefined,
    );
  });

  app.post("/invoices/:id/pay", async (c) => {
    const found = find(runtime, c.req.param("id"));
    if (!found) return page("Not found", "<h1>Invoice not found</h1>", 404);
    const ctx = hostedCtx(runtime, found.account);
    const form = decodeForm(await readText(c.req.raw));
    let pmId: string | undefined;
    const newCard =
      typeof form.method === "string" && Object.hasOwn(NEW_CARDS, form.method)
        ? NEW_CARDS[form.method]
        : undefined;
    if (newCard) {
      const pm = buildCard(ctx, newCard, String(found.obj.customer));
      ctx.account.put(pm);
      pmId = pm.id;
    }
    const invoice = found.obj;
    const here = `${runtime.publicOrigin}/invoices/${invoice.id}`;
    try {
      // The customer is on the page, as with Stripe's own: a card that needs 3-D Secure goes
      // through the bank's (stand-in) page and comes back here.
      const intent = confirmIntent(ctx, invoice, {
        ...(pmId ? { paymentMethod: pmId } : {}),
        returnUrl: here,
      });
      const next = intent.next_action?.redirect_to_url?.url;
      if (next) return c.redirect(next, 303);
    } catch (err) {
      if (err instanceof StripeError)
        return renderInvoice(runtime, found.account.id, invoice, err.message, err.status);
      throw err;
    }
    return c.redirect(`/invoices/${invoice.id}`, 303);
  });

  app.get("/invoices/:id/pdf", (c) => {
    const found = find(runtime, c.req.param("id"));
    if (!found) return page("Not found", "<h1>Invoice not found</h1>", 404);
    const inv = found.obj;
    const text = [
      merchantName(runtime, found.account.id, inv),
      "",
      `Invoice ${inv.number ?? inv.id}`,
      `Status: ${inv.status}`,
      `Date of issue: ${shortDate(inv.created)}`,
      ...(inv.due_date ? [`Date due: ${shortDate(inv.due_date)}`] : []),
      `Bill to: ${inv.customer_name ?? ""} ${inv.customer_email ?? ""}`.trim(),
      "",
      ...inv.lines.data.map((line) => `${line.description ?? ""}    ${money(line.amount, line.currency)}`),
      "",
      ...summary(inv).map(([label, value]) => `${label}: ${value}`),
    ];
    return new Response(buildPdf(text), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="invoice-${inv.number ?? inv.id}.pdf"`,
      },
    });
  });
}
