import type { State } from "../core/store";
import { seedCtx } from "./context";
import { seedCustomer } from "./customers";
import { DEMO } from "./ids";

const C = DEMO.customers;

/** The platform's demo data: one customer per case the portal treats differently. */
export function seedPlatform(state: State, now: () => number): void {
  const ctx = seedCtx(state, state.platform, now);
  const customers = [
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
      demoCase: "Past due: open invoice, declining card",
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
  for (const customer of customers) seedCustomer(ctx, customer);
}
