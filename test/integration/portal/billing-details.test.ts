import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { createHarness, type Harness } from "../../helpers/harness";
import { fullConfiguration, openFullPortal, openPortal, pageText } from "../../helpers/portal-session";

/** The full configuration for a connected account (its own catalog is not offered). */
const CONNECT_CONFIGURATION = fullConfiguration({ subscription_update: { enabled: false } });

const TARA = DEMO.customers.taxIds;

async function customer(h: Harness, id: string): Promise<Stripe.Customer> {
  return (await h.stripe.customers.retrieve(id)) as Stripe.Customer;
}

async function taxIds(h: Harness, id: string): Promise<Stripe.TaxId[]> {
  return (await h.stripe.customers.listTaxIds(id)).data;
}

/** The billing form's fields as Tara has them, so a test changes only what it names. */
const TARA_FORM = {
  name: "Tara Taxids",
  email: "tara@example.com",
  phone: "+49 30 1234567",
  address_line1: "Friedrichstraße 68",
  address_line2: "3. OG",
  address_city: "Berlin",
  address_state: "",
  address_postal_code: "10117",
  address_country: "DE",
};

describe("billing details page", () => {
  it("shows the customer's details, addresses and tax IDs with translated type names", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: TARA, locale: "en" });
    const res = await browser.get("/p/billing");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain("Billing information");
    expect(html).toContain('value="tara@example.com"');
    expect(html).toContain('value="Friedrichstraße 68"');
    expect(text).toContain("European Union – VAT number DE123456789");
    expect(text).toContain("United Kingdom – VAT number GB123456789");
    expect(text).toContain("Verified");
    // Shipping is not in allowed_updates: shown as text, not as inputs.
    expect(text).toContain("Am Lagerplatz 5");
    expect(html).not.toContain('name="shipping_line1"');
    // Country names come from Intl, and the select marks the customer's.
    expect(html).toContain('<option value="DE" selected>Germany</option>');
  });

  it("saves the allowed fields and says so", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: TARA, locale: "en" });
    h.emulator.clearLog();
    const res = await browser.submit("/p/billing", "/p/billing", {
      ...TARA_FORM,
      name: "Tara T. Taxids",
      email: "billing@tara.example",
      address_line1: "Unter den Linden 1",
      address_line2: "",
      address_postal_code: "10117",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/billing?notice=saved");
    const writes = h.emulator.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.idempotencyKey).toMatch(/^portal-/);
    const after = await customer(h, TARA);
    expect(after.name).toBe("Tara T. Taxids");
    expect(after.email).toBe("billing@tara.example");
    expect(after.address?.line1).toBe("Unter den Linden 1");
    expect(after.address?.line2 ?? "").toBe("");
    // Shipping was not editable, so it was not sent and is unchanged.
    expect(after.shipping?.address?.line1).toBe("Am Lagerplatz 5");
    const page = pageText(await (await browser.get("/p/billing?notice=saved")).text());
    expect(page).toContain("Your billing information was saved.");
  });

  it("keeps the input and marks each bad field, changing nothing", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: TARA, locale: "en" });
    h.emulator.clearLog();
    const res = await browser.submit("/p/billing", "/p/billing", {
      ...TARA_FORM,
      name: "Changed name",
      email: "not-an-email",
      address_line1: "",
      address_city: "Berlin",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(h.emulator.writes()).toEqual([]);
    // The summary links to each field; each field points at its message.
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#email">Enter an email address like name@example.com.</a>');
    expect(html).toMatch(
      /<input id="email"[^>]*aria-invalid="true"[^>]*aria-describedby="email-hint email-error"/,
    );
    expect(html).toContain('id="email-error"');
    expect(html).toContain('id="address_line1-error"');
    // What the customer typed is still there.
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('value="Changed name"');
    expect((await customer(h, TARA)).name).toBe("Tara Taxids");
  });

  it("shows fields outside allowed_updates read-only and never sends them", async () => {
    const h = createHarness();
    const browser = await openFullPortal(
      h,
      { customer: TARA, locale: "en" },
      { customer_update: { enabled: true, allowed_updates: ["email"] } },
    );
    const html = await (await browser.get("/p/billing")).text();
    expect(html).toContain('name="email"');
    expect(html).not.toContain('name="name"');
    expect(html).not.toContain('name="address_line1"');
    expect(pageText(html)).toContain("Friedrichstraße 68");
    // No tax ID form without tax_id in allowed_updates, but the existing IDs are listed.
    expect(html).not.toContain('action="/p/billing/tax-ids"');
    expect(pageText(html)).toContain("DE123456789");

    h.emulator.clearLog();
    const res = await browser.submit("/p/billing", "/p/billing", {
      email: "new@tara.example",
      name: "Hacked",
      address_line1: "Elsewhere 1",
      address_country: "FR",
    });
    expect(res.status).toBe(303);
    const sent = h.emulator.writes()[0]?.params ?? {};
    expect(Object.keys(sent)).toEqual(["email"]);
    const after = await customer(h, TARA);
    expect(after.email).toBe("new@tara.example");
    expect(after.name).toBe("Tara Taxids");
    expect(after.address?.line1).toBe("Friedrichstraße 68");
  });

  it("edits and clears the shipping address when shipping is allowed", async () => {
    const h = createHarness();
    const browser = await openFullPortal(
      h,
      { customer: TARA, locale: "en" },
      { customer_update: { enabled: true, allowed_updates: ["shipping"] } },
    );
    const form = await browser.form("/p/billing", "/p/billing");
    const edited = await browser.post("/p/billing", {
      ...form.fields,
      shipping_name: "Tara Warehouse",
      shipping_phone: "",
      shipping_line1: "Kai 7",
      shipping_line2: "",
      shipping_city: "Hamburg",
      shipping_state: "",
      shipping_postal_code: "20457",
      shipping_country: "DE",
    });
    expect(edited.status).toBe(303);
    expect((await customer(h, TARA)).shipping).toMatchObject({
      name: "Tara Warehouse",
      address: { line1: "Kai 7", city: "Hamburg", postal_code: "20457", country: "DE" },
    });

    const form2 = await browser.form("/p/billing", "/p/billing");
    const cleared = await browser.post("/p/billing", { ...form2.fields });
    expect(cleared.status).toBe(303);
    expect((await customer(h, TARA)).shipping).toBeNull();
  });

  it("is not there when customer updates are disabled", async () => {
    const h = createHarness();
    const browser = await openFullPortal(
      h,
      { customer: TARA, locale: "en" },
      { customer_update: { enabled: false, allowed_updates: [] } },
    );
    expect((await browser.get("/p/billing")).status).toBe(404);
    h.emulator.clearLog();
    const res = await browser.post("/p/billing", { _csrf: "x", email: "x@example.com" });
    expect([403, 404]).toContain(res.status);
    expect(h.emulator.writes()).toEqual([]);
  });
});

describe("tax IDs", () => {
  it("adds a tax ID of a chosen type", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    const html = await (await browser.get("/p/billing")).text();
    // The type list is Stripe's, with translated names.
    expect(html).toContain('<option value="au_abn">Australia – Business Number (ABN)</option>');
    expect(html).toContain('<option value="us_ein">United States – EIN</option>');
    const res = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "us_ein",
      tax_id_value: " 12-3456789 ",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/billing?notice=tax_id_added");
    const ids = await taxIds(h, DEMO.customers.monthly);
    expect(ids.map((t) => [t.type, t.value])).toEqual([["us_ein", "12-3456789"]]);
    const page = pageText(await (await browser.get("/p/billing?notice=tax_id_added")).text());
    expect(page).toContain("The tax ID was added.");
    expect(page).toContain("United States – EIN 12-3456789");
  });

  it("refuses a badly formatted number before calling Stripe, with an example", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    h.emulator.clearLog();
    const res = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "eu_vat",
      tax_id_value: "DE12345",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(h.emulator.writes()).toEqual([]);
    expect(pageText(html)).toContain(
      "This number doesn't match the format of the chosen type. For example: DE123456789",
    );
    expect(html).toMatch(/<input id="tax_id_value"[^>]*value="DE12345"[^>]*aria-invalid="true"/);
    expect(html).toContain('<option value="eu_vat" selected>');
  });

  it("refuses an unknown type", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    h.emulator.clearLog();
    const res = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "xx_vat",
      tax_id_value: "123",
    });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain("Choose the type of tax ID from the list.");
    expect(h.emulator.writes()).toEqual([]);
  });

  it("turns Stripe's refusal into a message on the number", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    // A Northern Ireland "GD" number passes the portal's format check; the emulator refuses it.
    const res = await browser.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "eu_vat",
      tax_id_value: "XIGD123",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(pageText(html)).toContain("This tax ID was not accepted.");
    expect(html).toContain('value="XIGD123"');
    expect(await taxIds(h, DEMO.customers.monthly)).toEqual([]);
  });

  it("removes one of the customer's tax IDs", async () => {
    const h = createHarness();
    const browser = await openFullPortal(h, { customer: TARA, locale: "en" });
    const [first] = await taxIds(h, TARA);
    const action = `/p/billing/tax-ids/${first?.id}/remove`;
    const res = await browser.submit("/p/billing", action);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/p/billing?notice=tax_id_removed");
    const left = await taxIds(h, TARA);
    expect(left).toHaveLength(1);
    expect(left.map((t) => t.id)).not.toContain(first?.id);
  });

  it("answers 404 and changes nothing for another customer's, a malformed, or another account's tax ID", async () => {
    const h = createHarness();
    const [taras] = await taxIds(h, TARA);
    const browser = await openFullPortal(h, { customer: DEMO.customers.monthly, locale: "en" });
    const form = await browser.form("/p/billing", "/p/billing/tax-ids");
    h.emulator.clearLog();
    for (const id of [taras?.id, "txi_DoesNotExist01", "not-a-tax-id", "txi_../../x"]) {
      const res = await browser.post(`/p/billing/tax-ids/${id}/remove`, form.fields);
      expect(res.status, String(id)).toBe(404);
    }
    expect(h.emulator.writes()).toEqual([]);
    expect(await taxIds(h, TARA)).toHaveLength(2);

    // A connected account's session cannot reach the platform's tax IDs either.
    const connect = await openPortal(
      h,
      {
        customer: DEMO.connect.customer,
        locale: "en",
        configurationParams: CONNECT_CONFIGURATION,
      },
      { stripeAccount: DEMO_ACCOUNT },
    );
    const connectForm = await connect.form("/p/billing", "/p/billing/tax-ids");
    h.emulator.clearLog();
    const res = await connect.post(`/p/billing/tax-ids/${taras?.id}/remove`, connectForm.fields);
    expect(res.status).toBe(404);
    expect(h.emulator.writes()).toEqual([]);
  });

  it("adds a tax ID on the connected account for a Connect session", async () => {
    const h = createHarness();
    const connect = await openPortal(
      h,
      { customer: DEMO.connect.customer, locale: "en", configurationParams: CONNECT_CONFIGURATION },
      { stripeAccount: DEMO_ACCOUNT },
    );
    h.emulator.clearLog();
    const res = await connect.submit("/p/billing", "/p/billing/tax-ids", {
      tax_id_type: "gb_vat",
      tax_id_value: "GB123456789",
    });
    expect(res.status).toBe(303);
    expect(h.emulator.writes().map((w) => w.account)).toEqual([DEMO_ACCOUNT]);
    const ids = await h.stripe.customers.listTaxIds(
      DEMO.connect.customer,
      {},
      { stripeAccount: DEMO_ACCOUNT },
    );
    expect(ids.data.map((t) => t.value)).toEqual(["GB123456789"]);
  });
});
