import type { Hono } from "hono";
import type Stripe from "stripe";
import { answerChallenge, isPendingChallenge } from "../billing/authentication";
import type { ApiEnv, Runtime } from "../core/app";
import { decodeForm, readText } from "../core/app";
import type { WInvoice } from "../core/wire";
import { onBehalfOfId } from "../resources/on-behalf-of";
import { hostedCtx } from "./context";
import { esc, money, page } from "./html";

/** The invoice behind a PaymentIntent id, in whichever account owns it. */
function find(runtime: Runtime, intentId: string) {
  if (!/^pi_[A-Za-z0-9]+$/.test(intentId)) return null;
  return runtime.state.findAnywhere<WInvoice>("invoice", `in_${intentId.slice(3)}`);
}

function merchantName(runtime: Runtime, accountId: string, invoice: WInvoice): string {
  const presented = onBehalfOfId(invoice.on_behalf_of) ?? accountId;
  return (
    runtime.state.platform.get<Stripe.Account>("account", presented)?.business_profile?.name ?? "Merchant"
  );
}

const gone = () =>
  page(
    "Authentication",
    "<h1>Nothing to authenticate</h1><p>This authentication is finished or was replaced by a newer one.</p>",
    410,
  );

/**
 * Stand-in for the bank's 3-D Secure page that Stripe's `next_action.redirect_to_url` leads
 * to, like Stripe's own test page: GET shows the payment and two buttons, POST answers the
 * challenge (pays the invoice, or fails the intent) and sends the browser to the `return_url`
 * with `payment_intent`, `payment_intent_client_secret` and `redirect_status`. No script.
 */
export function registerAuthenticatePage(app: Hono<ApiEnv>, runtime: Runtime): void {
  app.get("/hosted/authenticate/:pi", (c) => {
    const found = find(runtime, c.req.param("pi"));
    const nonce = c.req.query("attempt") ?? "";
    if (!found) return page("Not found", "<h1>Payment not found</h1>", 404);
    const ctx = hostedCtx(runtime, found.account);
    if (!isPendingChallenge(ctx, found.obj, nonce)) return gone();
    const invoice = found.obj;
    const merchant = merchantName(runtime, found.account.id, invoice);
    const action = `/hosted/authenticate/${esc(c.req.param("pi"))}`;
    return page(
      `Authenticate your payment — ${merchant}`,
      `<h1>3D Secure test payment page</h1>
<p>${esc(merchant)} asks you to confirm a payment of <strong>${esc(money(invoice.amount_remaining, invoice.currency))}</strong>.</p>
<p class="note">In real life your bank shows this page. Choose what the bank answers.</p>
<form method="post" action="${action}">
<input type="hidden" name="attempt" value="${esc(nonce)}">
<p><button type="submit" name="result" value="complete">Complete authentication</button>
<button type="submit" name="result" value="fail">Fail authentication</button></p>
</form>`,
    );
  });

  app.post("/hosted/authenticate/:pi", async (c) => {
    const found = find(runtime, c.req.param("pi"));
    if (!found) return page("Not found", "<h1>Payment not found</h1>", 404);
    const form = decodeForm(await readText(c.req.raw));
    const nonce = typeof form.attempt === "string" ? form.attempt : "";
    const result = form.result;
    if (result !== "complete" && result !== "fail") {
      return page("Authentication", "<p>Choose Complete or Fail.</p>", 400);
    }
    const ctx = hostedCtx(runtime, found.account);
    if (!isPendingChallenge(ctx, found.obj, nonce)) return gone();
    return c.redirect(answerChallenge(ctx, found.obj, result === "complete"), 303);
  });
}
