import type { Hono } from "hono";
import type Stripe from "stripe";
import type { ApiEnv, Runtime } from "../core/app";
import { decodeForm, readText } from "../core/app";
import { StripeError } from "../core/errors";
import type { WCheckoutSession } from "../core/wire";
import { refreshSession } from "../resources/checkout-sessions";
import {
  buildCard,
  buildSepaDebit,
  buildUsBankAccount,
  TEST_CARDS,
} from "../resources/payment-method-builders";
import { succeedSetupIntent } from "../resources/setup-intents";
import { hostedCtx } from "./context";
import { esc, page } from "./html";

/** The payment method choices the stand-in offers, by form value. */
const CHOICES: Record<string, { label: string; type: string }> = {
  card_4242: { label: "Visa ending 4242 (succeeds)", type: "card" },
  card_4444: { label: "Mastercard ending 4444 (succeeds)", type: "card" },
  card_0341: { label: "Visa ending 0341 (attaches, then every charge is declined)", type: "card" },
  card_3184: { label: "Visa ending 3184 (every charge asks for 3-D Secure)", type: "card" },
  sepa_debit: { label: "SEPA Direct Debit, IBAN DE89 3704 0044 0532 0130 00", type: "sepa_debit" },
  us_bank_account: {
    label: "US bank account, routing 110000000, account ending 6789",
    type: "us_bank_account",
  },
};

const CARD_NUMBERS: Record<string, string> = {
  card_4242: "4242424242424242",
  card_4444: "5555555555554444",
  card_0341: "4000000000000341",
  card_3184: "4000002760003184",
};

function find(runtime: Runtime, id: string) {
  return runtime.state.findAnywhere<WCheckoutSession>("checkout.session", id);
}

/**
 * Stand-in for Stripe Checkout in setup mode: GET shows the choices, POST saves the chosen
 * payment method to the customer, completes the SetupIntent and session, and redirects to
 * `success_url` (with `{CHECKOUT_SESSION_ID}` filled in).
 */
export function registerCheckoutPage(app: Hono<ApiEnv>, runtime: Runtime): void {
  app.get("/checkout/:id", (c) => {
    const found = find(runtime, c.req.param("id"));
    if (!found) return page("Not found", "<h1>Checkout session not found</h1>", 404);
    const ctx = hostedCtx(runtime, found.account);
    const session = refreshSession(ctx, found.obj);
    const account = runtime.state.platform.get<Stripe.Account>("account", found.account.id);
    const merchant = account?.business_profile?.name ?? "Merchant";
    const customer =
      typeof session.customer === "string"
        ? ctx.account.get<Stripe.Customer>("customer", session.customer)
        : undefined;
    if (session.status !== "open") {
      return page(
        merchant,
        `<h1>${esc(merchant)}</h1><p>This session is <strong>${esc(session.status)}</strong>.</p>`,
        410,
      );
    }
    const options = Object.entries(CHOICES)
      .filter(([, choice]) => session.payment_method_types.includes(choice.type))
      .map(
        ([value, choice], i) =>
          `<label><input type="radio" name="method" value="${value}"${i === 0 ? " checked" : ""}> ${esc(choice.label)}</label><br>`,
      )
      .join("\n");
    const cancel = session.cancel_url
      ? `<p><a href="${esc(session.cancel_url)}">Cancel and go back</a></p>`
      : "";
    return page(
      `Set up a payment method — ${merchant}`,
      `<h1>${esc(merchant)}</h1>
<p>Save a payment method${customer ? ` for <strong>${esc(customer.name ?? customer.email ?? customer.id)}</strong>${customer.email ? ` (${esc(customer.email)})` : ""}` : ""}.</p>
<form method="post" action="/checkout/${esc(session.id)}">
<fieldset><legend>Payment method</legend>
${options}
</fieldset>
<label>Name on the payment method <input name="name" value="${esc(customer?.name ?? "")}"></label>
<p><button type="submit">Save</button></p>
</form>
${cancel}`,
    );
  });

  app.post("/checkout/:id", async (c) => {
    const found = find(runtime, c.req.param("id"));
    if (!found) return page("Not found", "<h1>Checkout session not found</h1>", 404);
    const ctx = hostedCtx(runtime, found.account);
    const session = refreshSession(ctx, found.obj);
    if (session.status !== "open")
      return page("Checkout", `<p>This session is ${esc(session.status)}.</p>`, 410);
    const form = decodeForm(await readText(c.req.raw));
    const method = typeof form.method === "string" ? form.method : "";
    const choice = CHOICES[method];
    if (!choice || !session.payment_method_types.includes(choice.type)) {
      return page("Checkout", `<p>Choose one of the offered payment methods.</p>`, 400);
    }
    const name = typeof form.name === "string" && form.name ? form.name : null;
    const billing = { name };
    const cardNumber = CARD_NUMBERS[method];
    const card = cardNumber ? TEST_CARDS[cardNumber] : undefined;
    const pm =
      choice.type === "card" && card
        ? buildCard(ctx, card, null, billing)
        : choice.type === "sepa_debit"
          ? buildSepaDebit(ctx, "DE89370400440532013000", null, billing)
          : buildUsBankAccount(
              ctx,
              { routing_number: "110000000", account_number: "000123456789" },
              null,
              billing,
            );
    ctx.account.put(pm);
    const intentId =
      typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
    const intent = intentId ? ctx.account.get<Stripe.SetupIntent>("setup_intent", intentId) : undefined;
    try {
      if (intent) succeedSetupIntent(ctx, intent, pm);
    } catch (err) {
      if (err instanceof StripeError) return page("Checkout", `<p>${esc(err.message)}</p>`, 400);
      throw err;
    }
    session.status = "complete";
    session.url = null;
    session.customer_details = {
      address: null,
      business_name: null,
      email: null,
      individual_name: null,
      name,
      phone: null,
      tax_exempt: "none",
      tax_ids: null,
    };
    const target = (session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", session.id);
    return c.redirect(target, 303);
  });
}
