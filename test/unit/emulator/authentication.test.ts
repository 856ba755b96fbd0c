import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, DEFAULT_START, type Harness } from "../../helpers/harness";

const C = DEMO.customers;
const S = DEMO.subscriptions;
const PR = DEMO.prices;
const ORIGIN = "http://127.0.0.1:12111";
const RETURN = "https://portal.example/p/payments/return";

/** Upgrades the 3-D Secure customer to Pro with an immediate invoice. */
async function upgrade(h: Harness, behavior: "pending_if_incomplete" | "error_if_incomplete") {
  const sub = await h.stripe.subscriptions.retrieve(S.sca);
  return h.stripe.subscriptions.update(S.sca, {
    items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
    proration_behavior: "always_invoice",
    payment_behavior: behavior,
  });
}

/** The PaymentIntent id of an invoice, as `invoice.payments` names it. */
async function intentOf(h: Harness, invoiceId: string): Promise<string> {
  const invoice = await h.stripe.invoices.retrieve(invoiceId, { expand: ["payments"] });
  const payment = invoice.payments?.data[0]?.payment;
  expect(payment?.type).toBe("payment_intent");
  return String(payment?.payment_intent);
}

/** Answers the stand-in's challenge the way a browser submits its form. */
async function answer(h: Harness, challengeUrl: string, result: "complete" | "fail") {
  const page = await h.emulator.fetch(challengeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Complete authentication");
  expect(html).toContain("Fail authentication");
  const action = /action="([^"]+)"/.exec(html)?.[1] ?? "";
  const attempt = /name="attempt" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return h.emulator.fetch(`${ORIGIN}${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ attempt, result }).toString(),
  });
}

describe("emulator: 3-D Secure card and PaymentIntents", () => {
  it("seeds the 3-D Secure customer with an active updatable plan on the 3184 card", async () => {
    const h = createHarness();
    const customer = await h.stripe.customers.retrieve(C.sca, {
      expand: ["invoice_settings.default_payment_method"],
    });
    const card = (customer as Stripe.Customer).invoice_settings
      .default_payment_method as Stripe.PaymentMethod;
    expect(card.card?.last4).toBe("3184");
    const sub = await h.stripe.subscriptions.retrieve(S.sca);
    expect(sub).toMatchObject({ status: "active", customer: C.sca });
    expect(sub.items.data[0]?.price.id).toBe(PR.basicMonthly);
    const attached = await h.stripe.paymentMethods.attach("pm_card_authenticationRequired", {
      customer: C.monthly,
    });
    expect(attached.card?.last4).toBe("3184");
  });

  it("error_if_incomplete: answers Stripe's 402 for a payment that needs the customer, nothing changes", async () => {
    const h = createHarness();
    const before = await h.stripe.invoices.list({ customer: C.sca });
    const err = await upgrade(h, "error_if_incomplete").catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "subscription_payment_intent_requires_action",
    });
    const after = await h.stripe.subscriptions.retrieve(S.sca);
    expect(after.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(after.pending_update).toBeNull();
    expect((await h.stripe.invoices.list({ customer: C.sca })).data).toHaveLength(before.data.length);
  });

  it("pending_if_incomplete: the invoice stays open and its PaymentIntent waits in requires_action", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    expect(updated.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect(updated.pending_update?.subscription_items?.[0]?.price.id).toBe(PR.proMonthly);
    const invoice = await h.stripe.invoices.retrieve(String(updated.latest_invoice));
    expect(invoice).toMatchObject({ status: "open", attempted: true });
    const pi = await h.stripe.paymentIntents.retrieve(await intentOf(h, invoice.id));
    expect(pi).toMatchObject({
      object: "payment_intent",
      status: "requires_action",
      amount: invoice.amount_due,
      currency: "usd",
      customer: C.sca,
      amount_received: 0,
      next_action: { type: "use_stripe_sdk" },
      last_payment_error: null,
    });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
  });

  it("refuses pending_if_incomplete together with a parameter pending updates cannot carry", async () => {
    const h = createHarness();
    const sub = await h.stripe.subscriptions.retrieve(S.sca);
    await expect(
      h.stripe.subscriptions.update(S.sca, {
        items: [{ id: sub.items.data[0]!.id, price: PR.proMonthly }],
        proration_behavior: "always_invoice",
        payment_behavior: "pending_if_incomplete",
        discounts: [{ promotion_code: DEMO.promotionCodes.welcome }],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "discounts" });
    expect((await h.stripe.subscriptions.retrieve(S.sca)).items.data[0]?.price.id).toBe(PR.basicMonthly);
  });

  it("confirm with return_url → the stand-in page → complete: invoice paid, pending update applied", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    const piId = await intentOf(h, String(updated.latest_invoice));
    const confirmed = await h.stripe.paymentIntents.confirm(
      piId,
      { return_url: `${RETURN}?ref=abc` },
      { idempotencyKey: "confirm-1" },
    );
    expect(confirmed.status).toBe("requires_action");
    expect(confirmed.next_action?.type).toBe("redirect_to_url");
    const url = confirmed.next_action?.redirect_to_url?.url ?? "";
    expect(url.startsWith(`${ORIGIN}/hosted/authenticate/${piId}?`)).toBe(true);
    expect(confirmed.next_action?.redirect_to_url?.return_url).toBe(`${RETURN}?ref=abc`);

    const done = await answer(h, url, "complete");
    expect(done.status).toBe(303);
    const back = new URL(done.headers.get("Location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(RETURN);
    expect(back.searchParams.get("ref")).toBe("abc");
    expect(back.searchParams.get("payment_intent")).toBe(piId);
    expect(back.searchParams.get("payment_intent_client_secret")).toBe(confirmed.client_secret);
    expect(back.searchParams.get("redirect_status")).toBe("succeeded");

    const pi = await h.stripe.paymentIntents.retrieve(piId);
    expect(pi).toMatchObject({ status: "succeeded", amount_received: pi.amount, next_action: null });
    expect((await h.stripe.invoices.retrieve(String(updated.latest_invoice))).status).toBe("paid");
    const applied = await h.stripe.subscriptions.retrieve(S.sca);
    expect(applied.pending_update).toBeNull();
    expect(applied.items.data[0]?.price.id).toBe(PR.proMonthly);
    // The page answered once: the same challenge cannot be answered again.
    expect((await h.emulator.fetch(url)).status).toBe(410);
  });

  it("fail authentication: requires_payment_method with Stripe's authentication failure, nothing applied", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    const invoiceId = String(updated.latest_invoice);
    const piId = await intentOf(h, invoiceId);
    const confirmed = await h.stripe.paymentIntents.confirm(piId, { return_url: RETURN });
    const done = await answer(h, confirmed.next_action?.redirect_to_url?.url ?? "", "fail");
    const back = new URL(done.headers.get("Location") ?? "");
    expect(back.searchParams.get("redirect_status")).toBe("failed");
    const pi = await h.stripe.paymentIntents.retrieve(piId);
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error).toMatchObject({
      type: "card_error",
      code: "payment_intent_authentication_failure",
    });
    expect((await h.stripe.invoices.retrieve(invoiceId)).status).toBe("open");
    expect((await h.stripe.subscriptions.retrieve(S.sca)).items.data[0]?.price.id).toBe(PR.basicMonthly);

    // Voiding the invoice discards the pending update and cancels the intent.
    await h.stripe.invoices.voidInvoice(invoiceId);
    expect((await h.stripe.subscriptions.retrieve(S.sca)).pending_update).toBeNull();
    expect(await h.stripe.paymentIntents.retrieve(piId)).toMatchObject({
      status: "canceled",
      cancellation_reason: "void_invoice",
    });
    await expect(h.stripe.paymentIntents.confirm(piId, { return_url: RETURN })).rejects.toMatchObject({
      statusCode: 400,
      code: "payment_intent_unexpected_state",
    });
  });

  it("a newer confirm replaces the challenge: the older page can no longer answer", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    const piId = await intentOf(h, String(updated.latest_invoice));
    const first = await h.stripe.paymentIntents.confirm(piId, { return_url: RETURN });
    const second = await h.stripe.paymentIntents.confirm(piId, { return_url: RETURN });
    const stale = first.next_action?.redirect_to_url?.url ?? "";
    expect(stale).not.toBe(second.next_action?.redirect_to_url?.url);
    expect((await h.emulator.fetch(stale)).status).toBe(410);
    const attempt = new URL(stale).searchParams.get("attempt") ?? "";
    const post = await h.emulator.fetch(`${ORIGIN}/hosted/authenticate/${piId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ attempt, result: "complete" }).toString(),
    });
    expect(post.status).toBe(410);
    expect((await h.stripe.paymentIntents.retrieve(piId)).status).toBe("requires_action");
  });

  it("invoices.pay on the 3-D Secure card: 402 invoice_payment_intent_requires_action, invoice open", async () => {
    const h = createHarness();
    await upgrade(h, "pending_if_incomplete");
    const [open] = (await h.stripe.invoices.list({ customer: C.sca, status: "open" })).data;
    const err = await h.stripe.invoices.pay(open!.id).catch((e: unknown) => e);
    expect(err).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "invoice_payment_intent_requires_action",
    });
    expect((await h.stripe.invoices.retrieve(open!.id)).status).toBe("open");
    expect((await h.stripe.paymentIntents.retrieve(await intentOf(h, open!.id))).status).toBe(
      "requires_action",
    );
  });

  it("renewals on the 3-D Secure card stay open: the subscription goes past_due, the intent asks for action", async () => {
    const h = createHarness();
    const sub = await h.stripe.subscriptions.retrieve(S.sca);
    h.clock.set((sub.items.data[0]!.current_period_end + 60) * 1000);
    const renewed = await h.stripe.subscriptions.retrieve(S.sca);
    expect(renewed.status).toBe("past_due");
    const invoice = await h.stripe.invoices.retrieve(String(renewed.latest_invoice));
    expect(invoice).toMatchObject({ status: "open", billing_reason: "subscription_cycle" });
    expect((await h.stripe.paymentIntents.retrieve(await intentOf(h, invoice.id))).status).toBe(
      "requires_action",
    );
  });

  it("confirm with a good card pays the invoice and recovers a past_due subscription", async () => {
    const h = createHarness();
    const good = await h.stripe.paymentMethods.attach("pm_card_visa", { customer: C.pastDue });
    const [open] = (await h.stripe.invoices.list({ customer: C.pastDue, status: "open" })).data;
    const piId = await intentOf(h, open!.id);
    expect((await h.stripe.paymentIntents.retrieve(piId)).status).toBe("requires_payment_method");
    const pi = await h.stripe.paymentIntents.confirm(piId, { payment_method: good.id, return_url: RETURN });
    expect(pi).toMatchObject({
      status: "succeeded",
      payment_method: good.id,
      amount_received: open!.amount_due,
    });
    expect((await h.stripe.invoices.retrieve(open!.id)).status).toBe("paid");
    expect((await h.stripe.subscriptions.retrieve(S.pastDue)).status).toBe("active");
  });

  it("confirm with a declining card: 402 card_error with the intent back in requires_payment_method", async () => {
    const h = createHarness();
    const [open] = (await h.stripe.invoices.list({ customer: C.pastDue, status: "open" })).data;
    const piId = await intentOf(h, open!.id);
    const err = (await h.stripe.paymentIntents
      .confirm(piId, { return_url: RETURN })
      .catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(err).toMatchObject({ statusCode: 402, type: "StripeCardError", code: "card_declined" });
    expect(err.payment_intent).toMatchObject({
      id: piId,
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined" },
    });
    expect((await h.stripe.invoices.retrieve(open!.id)).status).toBe("open");
  });

  it("off_session confirm on the 3-D Secure card fails with authentication_required", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    const piId = await intentOf(h, String(updated.latest_invoice));
    await expect(h.stripe.paymentIntents.confirm(piId, { off_session: true })).rejects.toMatchObject({
      statusCode: 402,
      code: "authentication_required",
    });
    expect((await h.stripe.paymentIntents.retrieve(piId)).last_payment_error?.code).toBe(
      "authentication_required",
    );
  });

  it("a paid invoice's intent has succeeded; ids are scoped to their account; bad input is refused", async () => {
    const h = createHarness();
    const [paid] = (await h.stripe.invoices.list({ customer: C.sca, status: "paid", limit: 1 })).data;
    const piId = await intentOf(h, paid!.id);
    expect(await h.stripe.paymentIntents.retrieve(piId)).toMatchObject({
      status: "succeeded",
      amount_received: paid!.amount_paid,
    });
    await expect(
      h.stripe.paymentIntents.retrieve(piId, {}, { stripeAccount: DEMO_ACCOUNT }),
    ).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    await expect(h.stripe.paymentIntents.retrieve("pi_nope")).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      h.stripe.paymentIntents.confirm(piId, { return_url: RETURN, receipt_email: "x@example.com" }),
    ).rejects.toMatchObject({ statusCode: 400, code: "parameter_unknown" });
    await expect(h.stripe.paymentIntents.confirm(piId, { return_url: RETURN })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
    const [open] = (await h.stripe.invoices.list({ customer: C.pastDue, status: "open" })).data;
    await expect(
      h.stripe.paymentIntents.confirm(await intentOf(h, open!.id), { return_url: "javascript:alert(1)" }),
    ).rejects.toMatchObject({ statusCode: 400, param: "return_url" });
  });

  it("the hosted invoice page's Pay goes through the stand-in and comes back paid", async () => {
    const h = createHarness();
    await upgrade(h, "pending_if_incomplete");
    const [open] = (await h.stripe.invoices.list({ customer: C.sca, status: "open" })).data;
    const pay = await h.emulator.fetch(`${ORIGIN}/invoices/${open!.id}/pay`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "method=default",
    });
    expect(pay.status).toBe(303);
    const challenge = pay.headers.get("Location") ?? "";
    expect(challenge.startsWith(`${ORIGIN}/hosted/authenticate/`)).toBe(true);
    const done = await answer(h, challenge, "complete");
    const back = new URL(done.headers.get("Location") ?? "");
    expect(back.pathname).toBe(`/invoices/${open!.id}`);
    expect((await h.stripe.invoices.retrieve(open!.id)).status).toBe("paid");
    expect((await h.stripe.subscriptions.retrieve(S.sca)).items.data[0]?.price.id).toBe(PR.proMonthly);
  });

  it("an expired pending update is discarded and its invoice voided", async () => {
    const h = createHarness();
    const updated = await upgrade(h, "pending_if_incomplete");
    expect(updated.pending_update?.expires_at).toBe(DEFAULT_START / 1000 + 23 * 3600);
    h.clock.advance(24 * 3600 * 1000);
    const later = await h.stripe.subscriptions.retrieve(S.sca);
    expect(later.pending_update).toBeNull();
    expect(later.items.data[0]?.price.id).toBe(PR.basicMonthly);
    expect((await h.stripe.invoices.retrieve(String(updated.latest_invoice))).status).toBe("void");
  });
});
