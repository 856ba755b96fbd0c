import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT, PLATFORM_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const S = DEMO.subscriptions;
const C = DEMO.customers;
const PR = DEMO.prices;
const DAY = 86_400;

const idOf = (value: string | { id: string } | null) => (typeof value === "string" ? value : value?.id);

async function invoicesOf(stripe: Stripe, subscription: string): Promise<Stripe.Invoice[]> {
  return (await stripe.invoices.list({ subscription, limit: 100 })).data;
}

describe("emulator on_behalf_of (Connect)", () => {
  it("seeds a customer with one subscription on behalf of the connected account and one without", async () => {
    const { stripe } = createHarness();
    const customer = await stripe.customers.retrieve(C.onBehalfOf);
    if (customer.deleted) throw new Error("deleted");
    expect(customer.metadata.demo_case).toContain("on_behalf_of");
    const subs = await stripe.subscriptions.list({ customer: C.onBehalfOf, expand: ["data.on_behalf_of"] });
    const byId = new Map(subs.data.map((s) => [s.id, s]));
    expect(byId.get(S.onBehalfOf)?.on_behalf_of).toMatchObject({ id: DEMO_ACCOUNT, object: "account" });
    expect(byId.get(S.onBehalfOfPlatform)?.on_behalf_of).toBeNull();

    const connected = await invoicesOf(stripe, S.onBehalfOf);
    const own = await invoicesOf(stripe, S.onBehalfOfPlatform);
    expect(connected.length).toBeGreaterThanOrEqual(3);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(connected.every((inv) => inv.on_behalf_of === DEMO_ACCOUNT && inv.status === "paid")).toBe(true);
    expect(own.every((inv) => inv.on_behalf_of === null && inv.status === "paid")).toBe(true);
  });

  it("presents an on_behalf_of invoice as the connected account's on the hosted page and PDF", async () => {
    const { stripe, emulator } = createHarness();
    const [connected] = await invoicesOf(stripe, S.onBehalfOf);
    const [own] = await invoicesOf(stripe, S.onBehalfOfPlatform);
    const page = await (await emulator.fetch(connected!.hosted_invoice_url!)).text();
    expect(page).toContain("<h1>Nordlicht Studio</h1>");
    const pdf = new TextDecoder().decode(await (await emulator.fetch(connected!.invoice_pdf!)).arrayBuffer());
    expect(pdf).toContain("(Nordlicht Studio) Tj");
    expect(await (await emulator.fetch(own!.hosted_invoice_url!)).text()).toContain("<h1>Acme Cloud</h1>");
  });

  it("creates a subscription on behalf of a connected account; its invoices carry it", async () => {
    const { stripe } = createHarness();
    const sub = await stripe.subscriptions.create({
      customer: C.invoicesOnly,
      items: [{ price: PR.basicMonthly }],
      on_behalf_of: DEMO_ACCOUNT,
      expand: ["latest_invoice"],
    });
    expect(sub.on_behalf_of).toBe(DEMO_ACCOUNT);
    expect(sub.latest_invoice).toMatchObject({ on_behalf_of: DEMO_ACCOUNT, status: "paid" });
  });

  it("refuses an unknown or non-connected account and creates nothing", async () => {
    const { stripe } = createHarness();
    const before = (await stripe.subscriptions.list({ customer: C.invoicesOnly, status: "all" })).data.length;
    for (const account of ["acct_1NoSuchAccount00", PLATFORM_ACCOUNT, "not-an-account"]) {
      await expect(
        stripe.subscriptions.create({
          customer: C.invoicesOnly,
          items: [{ price: PR.basicMonthly }],
          on_behalf_of: account,
        }),
      ).rejects.toMatchObject({
        statusCode: 400,
        code: "resource_missing",
        param: "on_behalf_of",
        message: `No such account: '${account}'`,
      });
    }
    // A connected account has no connected accounts of its own.
    await expect(
      stripe.subscriptions.create(
        {
          customer: DEMO.connect.customer,
          items: [{ price: DEMO.connect.priceMonthly }],
          on_behalf_of: DEMO_ACCOUNT,
        },
        { stripeAccount: DEMO_ACCOUNT },
      ),
    ).rejects.toMatchObject({ statusCode: 400, param: "on_behalf_of" });
    expect((await stripe.subscriptions.list({ customer: C.invoicesOnly, status: "all" })).data).toHaveLength(
      before,
    );
  });

  it("updates and clears on_behalf_of; the next renewal invoice follows", async () => {
    const h = createHarness();
    const moved = await h.stripe.subscriptions.update(S.onBehalfOfPlatform, { on_behalf_of: DEMO_ACCOUNT });
    expect(moved.on_behalf_of).toBe(DEMO_ACCOUNT);
    const cleared = await h.stripe.subscriptions.update(S.onBehalfOf, { on_behalf_of: "" });
    expect(cleared.on_behalf_of).toBeNull();
    await expect(
      h.stripe.subscriptions.update(S.onBehalfOf, { on_behalf_of: "acct_1NoSuchAccount00" }),
    ).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "on_behalf_of" });
    expect((await h.stripe.subscriptions.retrieve(S.onBehalfOf)).on_behalf_of).toBeNull();

    h.clock.advance(40 * DAY * 1000);
    const renewed = await h.stripe.subscriptions.retrieve(S.onBehalfOfPlatform, {
      expand: ["latest_invoice"],
    });
    expect(renewed.latest_invoice).toMatchObject({
      billing_reason: "subscription_cycle",
      on_behalf_of: DEMO_ACCOUNT,
    });
    const other = await h.stripe.subscriptions.retrieve(S.onBehalfOf, { expand: ["latest_invoice"] });
    expect(other.latest_invoice).toMatchObject({ billing_reason: "subscription_cycle", on_behalf_of: null });
  });

  it("previews with the subscription's on_behalf_of unless the request names one", async () => {
    const { stripe } = createHarness();
    expect((await stripe.invoices.createPreview({ subscription: S.onBehalfOf })).on_behalf_of).toBe(
      DEMO_ACCOUNT,
    );
    expect(
      (await stripe.invoices.createPreview({ subscription: S.onBehalfOfPlatform })).on_behalf_of,
    ).toBeNull();
    const named = await stripe.invoices.createPreview({
      subscription: S.onBehalfOfPlatform,
      on_behalf_of: DEMO_ACCOUNT,
    });
    expect(named.on_behalf_of).toBe(DEMO_ACCOUNT);
    await expect(
      stripe.invoices.createPreview({ subscription: S.onBehalfOf, on_behalf_of: "acct_1NoSuchAccount00" }),
    ).rejects.toMatchObject({ statusCode: 400, param: "on_behalf_of" });
  });

  it("keeps on_behalf_of in a schedule made from the subscription", async () => {
    const { stripe } = createHarness();
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: S.onBehalfOf });
    expect(schedule.default_settings.on_behalf_of).toBe(DEMO_ACCOUNT);
    expect(schedule.phases[0]?.on_behalf_of).toBe(DEMO_ACCOUNT);
    expect(idOf((await stripe.subscriptions.retrieve(S.onBehalfOf)).on_behalf_of)).toBe(DEMO_ACCOUNT);
  });
});
