import type Stripe from "stripe";
import { addInterval } from "../billing/periods";
import { buildSchedule } from "../billing/schedule-model";
import { currentPeriod } from "../billing/subscription-model";
import type { Ctx } from "../core/context";
import type { State } from "../core/store";
import type { WPrice } from "../core/wire";
import { newPrice, newProduct } from "../resources/catalog";
import { buildCard, buildSepaDebit, buildUsBankAccount } from "../resources/payment-method-builders";
import { buildTaxId } from "../resources/tax-ids";
import { seedPlatformCatalog } from "./catalog";
import { DAY, seedCtx } from "./context";
import { seedCustomer, seedPaymentMethod } from "./customers";
import { DEMO } from "./ids";
import { seedManualInvoice, seedSubscription } from "./subscriptions";

const C = DEMO.customers;

const CUSTOMERS = [
  {
    id: C.monthly,
    name: "Mia Monthly",
    email: "mia@example.com",
    demoCase: "Monthly plan, can switch plans (3 products, monthly/yearly)",
    ageDays: 400,
  },
  {
    id: C.trialing,
    name: "Tom Trial",
    email: "tom@example.com",
    demoCase: "Trialing, trial ends in 10 days",
    ageDays: 4,
  },
  {
    id: C.pastDue,
    name: "Paula Pastdue",
    email: "paula@example.com",
    demoCase: "Past due: open invoice, default card declines (ends 0341)",
    ageDays: 90,
  },
  {
    id: C.cancelScheduled,
    name: "Carl Cancel",
    email: "carl@example.com",
    demoCase: "Cancels at period end (can renew)",
    ageDays: 120,
  },
  {
    id: C.multiItem,
    name: "Mona Multi",
    email: "mona@example.com",
    demoCase: "Two subscription items (cancel only)",
    ageDays: 200,
  },
  {
    id: C.metered,
    name: "Max Metered",
    email: "max@example.com",
    demoCase: "Metered usage subscription (cancel only)",
    ageDays: 150,
  },
  {
    id: C.sendInvoice,
    name: "Sara Sendinvoice",
    email: "sara@example.com",
    demoCase: "Pays by invoice (send_invoice, cancel only)",
    ageDays: 180,
  },
  {
    id: C.scheduled,
    name: "Sam Schedule",
    email: "sam@example.com",
    demoCase: "Subscription schedule with a future phase (no changes)",
    ageDays: 60,
  },
  {
    id: C.taxUnspecified,
    name: "Tina Taxless",
    email: "tina@example.com",
    demoCase: "Price with tax_behavior unspecified (cancel only)",
    ageDays: 100,
  },
  {
    id: C.invoicesOnly,
    name: "Ivan Invoices",
    email: "ivan@example.com",
    demoCase: "No subscription, only invoices (one open)",
    ageDays: 300,
  },
  {
    id: C.manyMethods,
    name: "Manu Methods",
    email: "manu@example.com",
    demoCase: "Card, SEPA debit and US bank account; flexible billing mode",
    ageDays: 250,
  },
  {
    id: C.taxIds,
    name: "Tara Taxids",
    email: "tara@example.com",
    demoCase: "Tax IDs, full billing and shipping address; 24+ invoices",
    ageDays: 800,
  },
];

/** The platform's demo data: one customer per case the portal treats differently. */
export function seedPlatform(state: State, now: () => number, publicOrigin: string): void {
  const ctx = seedCtx(state, state.platform, now, publicOrigin);
  seedPlatformCatalog(ctx);
  for (const customer of CUSTOMERS) seedCustomer(ctx, customer);

  const visa = { last4: "4242", brand: "visa" };
  for (const id of [
    C.monthly,
    C.cancelScheduled,
    C.multiItem,
    C.scheduled,
    C.taxUnspecified,
    C.invoicesOnly,
  ]) {
    seedPaymentMethod(ctx, id, buildCard(ctx, visa, null), true);
  }
  seedPaymentMethod(ctx, C.trialing, buildCard(ctx, { last4: "4444", brand: "mastercard" }, null), true);
  seedPaymentMethod(ctx, C.metered, buildCard(ctx, { last4: "4444", brand: "mastercard" }, null), true);
  // The declining card: attaches fine, every charge fails (Stripe's 4000 0000 0000 0341).
  seedPaymentMethod(ctx, C.pastDue, buildCard(ctx, { last4: "0341", brand: "visa" }, null), true);

  const manu = { name: "Manu Methods", email: "manu@example.com" };
  seedPaymentMethod(ctx, C.manyMethods, buildCard(ctx, visa, null, manu), true, 200);
  seedPaymentMethod(
    ctx,
    C.manyMethods,
    buildSepaDebit(ctx, "DE89370400440532013000", null, manu),
    false,
    100,
  );
  seedPaymentMethod(
    ctx,
    C.manyMethods,
    buildUsBankAccount(ctx, { routing_number: "110000000", account_number: "000123456789" }, null, manu),
    false,
    50,
  );

  const address = {
    line1: "Friedrichstraße 68",
    line2: "3. OG",
    city: "Berlin",
    postal_code: "10117",
    state: null,
    country: "DE",
  };
  const tara = ctx.account.require<Stripe.Customer>("customer", C.taxIds);
  tara.address = address;
  tara.phone = "+49 30 1234567";
  tara.shipping = {
    name: "Tara Taxids (Warehouse)",
    phone: "+49 30 7654321",
    address: {
      line1: "Am Lagerplatz 5",
      line2: null,
      city: "Hamburg",
      postal_code: "20095",
      state: null,
      country: "DE",
    },
    carrier: null,
    tracking_number: null,
  };
  tara.preferred_locales = ["de", "en"];
  seedPaymentMethod(
    ctx,
    C.taxIds,
    buildCard(ctx, { last4: "0005", brand: "amex" }, null, { name: "Tara Taxids", address }),
    true,
  );
  ctx.account.put(buildTaxId(ctx, C.taxIds, "eu_vat", "DE123456789", "verified"));
  ctx.account.put(buildTaxId(ctx, C.taxIds, "gb_vat", "GB123456789", "verified"));
  seedPlatformSubscriptions(ctx);
}

const S = DEMO.subscriptions;
const PR = DEMO.prices;

function seedPlatformSubscriptions(ctx: Ctx): void {
  seedSubscription(ctx, {
    id: S.monthly,
    customer: C.monthly,
    items: [{ price: PR.basicMonthly }],
    startedDaysAgo: 20,
  });
  seedSubscription(ctx, {
    id: S.trialing,
    customer: C.trialing,
    items: [{ price: PR.proMonthly }],
    startedDaysAgo: 4,
    trialDaysLeft: 10,
  });
  seedSubscription(ctx, {
    id: S.pastDue,
    customer: C.pastDue,
    items: [{ price: PR.basicMonthly }],
    startedDaysAgo: 40,
    latestUnpaid: true,
  });
  const cancel = seedSubscription(ctx, {
    id: S.cancelScheduled,
    customer: C.cancelScheduled,
    items: [{ price: PR.proMonthly }],
    startedDaysAgo: 100,
  });
  cancel.cancel_at_period_end = true;
  cancel.cancel_at = currentPeriod(cancel).end;
  cancel.canceled_at = ctx.ts() - 2 * DAY;
  cancel.cancellation_details = {
    comment: "Switching to a cheaper tool",
    feedback: "too_expensive",
    feedback_option: null,
    reason: "cancellation_requested",
  };
  seedSubscription(ctx, {
    id: S.multiItem,
    customer: C.multiItem,
    items: [{ price: PR.proMonthly }, { price: PR.addonMonthly, quantity: 2 }],
    startedDaysAgo: 70,
  });
  seedSubscription(ctx, {
    id: S.metered,
    customer: C.metered,
    items: [{ price: PR.meteredMonthly }],
    startedDaysAgo: 50,
    usage: 1500,
  });
  seedSubscription(ctx, {
    id: S.sendInvoice,
    customer: C.sendInvoice,
    items: [{ price: PR.enterpriseMonthly }],
    startedDaysAgo: 45,
    collectionMethod: "send_invoice",
  });
  const scheduled = seedSubscription(ctx, {
    id: S.scheduled,
    customer: C.scheduled,
    items: [{ price: PR.basicMonthly }],
    startedDaysAgo: 10,
  });
  const period = currentPeriod(scheduled);
  const pro = ctx.account.require<WPrice>("price", PR.proMonthly);
  const basic = ctx.account.require<WPrice>("price", PR.basicMonthly);
  const schedule = buildSchedule(ctx, {
    id: DEMO.schedules.scheduled,
    customer: C.scheduled,
    subscription: scheduled.id,
    phases: [
      { items: [{ price: basic }], start: period.start, end: period.end },
      { items: [{ price: pro }], start: period.end, end: addInterval(period.end, "month", 12) },
    ],
    endBehavior: "release",
    status: "active",
    created: period.start,
  });
  ctx.account.put(schedule);
  scheduled.schedule = schedule.id;
  seedSubscription(ctx, {
    id: S.taxUnspecified,
    customer: C.taxUnspecified,
    items: [{ price: PR.legacyUnspecified }],
    startedDaysAgo: 80,
  });
  seedSubscription(ctx, {
    id: S.manyMethods,
    customer: C.manyMethods,
    items: [{ price: PR.basicMonthly }],
    startedDaysAgo: 15,
    billingMode: "flexible",
  });
  seedSubscription(ctx, {
    id: S.taxIds,
    customer: C.taxIds,
    items: [{ price: PR.proMonthly }],
    startedDaysAgo: 790,
    coupon: DEMO.coupons.retention,
  });

  const consulting = ctx.account.put(
    newProduct(ctx, { name: "Consulting hour", description: "Billed by the hour" }),
  );
  const hourly = ctx.account.put(
    newPrice(ctx, { product: consulting.id, currency: "usd", unit_amount: 15000, tax_behavior: "exclusive" }),
  );
  for (const [daysAgo, hours] of [
    [240, 4],
    [180, 2],
    [120, 6],
    [60, 3],
  ] as const) {
    seedManualInvoice(ctx, C.invoicesOnly, hourly, hours, daysAgo, true);
  }
  seedManualInvoice(ctx, C.invoicesOnly, hourly, 5, 5, false);
}
