/**
 * Payment methods (add through the Checkout stand-in, make default, remove), billing details
 * and tax IDs, and paying an open invoice: each ends with what Stripe now holds.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { expectFieldError } from "../support/a11y-checks";
import { visibleText } from "../support/browser";
import { beginJourney, useBrowser } from "../support/fixtures";
import { createSession, RETURN_URL, stripe } from "../support/servers-client";

useBrowser();

const notice = (page: Page) => page.getByRole("status").first().textContent();

async function defaultMethodOf(customer: string): Promise<string | null> {
  const c = await stripe.customers.retrieve(customer);
  if (c.deleted) return null;
  const pm = c.invoice_settings.default_payment_method;
  return typeof pm === "string" ? pm : (pm?.id ?? null);
}

describe("payment methods", () => {
  test("add a card through Checkout (it becomes the default), make the old card default again, remove the new one", async () => {
    const { page, journey } = await beginJourney("payment-method-add-default-remove");
    const customer = DEMO.customers.monthly;
    const originalDefault = await defaultMethodOf(customer);
    expect(originalDefault).toMatch(/^pm_/);
    const session = await createSession({ customer, return_url: RETURN_URL });
    await page.goto(session.url);

    await page.getByRole("button", { name: "Add payment method" }).click();
    // The emulator's stand-in for Stripe Checkout in setup mode (not the portal's page).
    await page.getByLabel(/Mastercard ending 4444/).check();
    await journey.state("checkout-stand-in", { axe: false, layout: false });
    await page.getByRole("button", { name: "Save" }).click();

    await expect.poll(() => notice(page)).toBe("Your new payment method was added and is now your default.");
    const added = page.getByRole("listitem").filter({ hasText: "Mastercard ending in 4444" });
    expect(await added.textContent()).toContain("Default");
    await journey.state("methods-added");
    const newDefault = await defaultMethodOf(customer);
    expect(newDefault).not.toBe(originalDefault);
    expect((await stripe.paymentMethods.retrieve(String(newDefault))).card?.last4).toBe("4444");

    const visa = page.getByRole("listitem").filter({ hasText: "Visa ending in 4242" });
    await visa.getByRole("button", { name: "Make default" }).click();
    await expect.poll(() => notice(page)).toBe("Your default payment method was updated.");
    await journey.state("methods-default-set");
    expect(await defaultMethodOf(customer)).toBe(originalDefault);

    await page
      .getByRole("listitem")
      .filter({ hasText: "Mastercard ending in 4444" })
      .getByRole("link", { name: "Remove" })
      .click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Remove payment method");
    await journey.state("remove-confirm");
    await page.getByRole("button", { name: "Remove payment method" }).click();
    await expect.poll(() => notice(page)).toBe("The payment method was removed.");
    expect(await visibleText(page)).not.toContain("Mastercard");
    await journey.state("methods-removed");
    journey.expectNoPageErrors();

    const detached = await stripe.paymentMethods.retrieve(String(newDefault));
    expect(detached.customer).toBeNull();
    const left = await stripe.customers.listPaymentMethods(customer);
    expect(left.data.map((pm) => pm.id)).toEqual([originalDefault]);
  });
});

describe("billing details and tax IDs", () => {
  test("edit the billing address; add a tax ID (an invalid one first) and remove it", async () => {
    const { page, journey } = await beginJourney("billing-address-tax-ids");
    const customer = DEMO.customers.monthly;
    const session = await createSession({ customer, return_url: RETURN_URL });
    await page.goto(session.url);

    await page.getByRole("link", { name: "Update information" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Billing information");
    await journey.state("billing-form");

    // A malformed phone number is refused on its field, and the rest of the input is kept.
    // (A malformed email never reaches the portal: the browser's own validation stops it.)
    await page.getByLabel("Phone", { exact: true }).first().fill("call me maybe");
    await page.getByRole("group", { name: "Billing address" }).getByLabel("City").fill("Berlin");
    await page.getByRole("button", { name: "Save" }).click();
    await expectFieldError(page, "phone", "Enter a phone number using digits, spaces and + ( ) - only.");
    expect(await page.getByRole("group", { name: "Billing address" }).getByLabel("City").inputValue()).toBe(
      "Berlin",
    );
    await journey.state("billing-phone-error");
    await page.getByLabel("Phone", { exact: true }).first().fill("+49 30 1234567");

    const address = page.getByRole("group", { name: "Billing address" });
    await address.getByLabel("Address line 1").fill("Unter den Linden 1");
    await address.getByLabel("City").fill("Berlin");
    await address.getByLabel("Postal code").fill("10117");
    await address.getByLabel("Country").selectOption("DE");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => notice(page)).toBe("Your billing information was saved.");
    await journey.state("billing-saved");

    const updated = await stripe.customers.retrieve(customer);
    expect(updated.deleted).toBeFalsy();
    if (!updated.deleted) {
      expect(updated.address).toMatchObject({
        line1: "Unter den Linden 1",
        city: "Berlin",
        postal_code: "10117",
        country: "DE",
      });
      expect(updated.phone).toBe("+49 30 1234567");
    }

    await page.getByLabel("Type").selectOption("eu_vat");
    await page.getByLabel("Number").fill("12345");
    await page.getByRole("button", { name: "Add tax ID" }).click();
    await expectFieldError(page, "tax_id_value", "This number doesn't match the format of the chosen type.");
    expect(await page.getByLabel("Number").inputValue()).toBe("12345");
    await journey.state("tax-id-invalid");
    expect((await stripe.customers.listTaxIds(customer)).data).toEqual([]);

    await page.getByLabel("Number").fill("DE123456789");
    await page.getByRole("button", { name: "Add tax ID" }).click();
    await expect.poll(() => notice(page)).toBe("The tax ID was added.");
    expect(await visibleText(page)).toContain("DE123456789");
    await journey.state("tax-id-added");
    const taxIds = (await stripe.customers.listTaxIds(customer)).data;
    expect(taxIds.map((t) => [t.type, t.value])).toEqual([["eu_vat", "DE123456789"]]);

    await page.getByRole("button", { name: "Remove DE123456789" }).click();
    await expect.poll(() => notice(page)).toBe("The tax ID was removed.");
    await journey.state("tax-id-removed");
    journey.expectNoPageErrors();
    expect((await stripe.customers.listTaxIds(customer)).data).toEqual([]);
  });
});

describe("invoices", () => {
  test("a past-due customer opens the open invoice, is declined, adds a card through Checkout and pays", async () => {
    const { page, context, journey } = await beginJourney("invoice-pay");
    const customer = DEMO.customers.pastDue;
    const open = await stripe.invoices.list({ customer, status: "open" });
    const invoice = open.data[0];
    expect(invoice?.number).toBeTruthy();
    const session = await createSession({ customer, return_url: RETURN_URL });
    await page.goto(session.url);
    expect(await visibleText(page)).toContain("Your latest payment failed.");
    await journey.state("home-past-due");

    const row = () => page.getByRole("row").filter({ hasText: invoice?.number ?? "?" });
    expect(await row().textContent()).toContain("Due");
    // "View" opens Stripe's hosted invoice page (the emulator's stand-in) in a new tab.
    const [hosted] = await Promise.all([
      context.waitForEvent("page"),
      row().getByRole("link", { name: /^View/ }).click(),
    ]);
    await hosted.waitForLoadState();
    expect(hosted.url()).toBe(invoice?.hosted_invoice_url);
    expect(await visibleText(hosted, "body")).toContain(invoice?.number ?? "?");
    await hosted.close();

    // The card on file is the one that declines: the error is announced, nothing is paid.
    await row()
      .getByRole("button", { name: /^Pay \$/ })
      .click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toBe("Your payment method was declined. Try another payment method, or contact your bank.");
    await journey.state("invoice-declined");
    expect((await stripe.invoices.retrieve(String(invoice?.id))).status).toBe("open");

    await page.getByRole("link", { name: "Back to billing overview" }).click();
    await page.getByRole("button", { name: "Add payment method" }).click();
    await page.getByLabel(/Visa ending 4242/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => notice(page)).toBe("Your new payment method was added and is now your default.");
    await page.getByRole("link", { name: "Back to billing overview" }).click();

    await row()
      .getByRole("button", { name: /^Pay \$/ })
      .click();
    await expect.poll(() => notice(page)).toBe("Thank you. The invoice was paid.");
    expect(await row().textContent()).toContain("Paid");
    await journey.state("invoice-paid");
    journey.expectNoPageErrors();

    const paid = await stripe.invoices.retrieve(String(invoice?.id));
    expect(paid.status).toBe("paid");
    const sub = await stripe.subscriptions.retrieve(DEMO.subscriptions.pastDue);
    expect(sub.status).toBe("active");
  });
});
