import type Stripe from "stripe";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidParam } from "../core/errors";
import { registerIncludable } from "../core/expand";
import { fullList, paginate } from "../core/list";
import {
  addressSpec,
  checkParams,
  hash,
  mergeMetadata,
  oneOf,
  type Params,
  type Spec,
  str,
} from "../core/params";
import type { AccountData } from "../core/store";
import { readAddress, readLocales, readShipping } from "./shared";

const customerSpec: { [key: string]: Spec } = {
  address: addressSpec,
  description: true,
  email: true,
  invoice_settings: {
    default_payment_method: true,
    footer: true,
    custom_fields: [{ name: true, value: true }],
    rendering_options: { amount_tax_display: true, template: true },
  },
  metadata: "map",
  name: true,
  phone: true,
  preferred_locales: [true],
  shipping: { name: true, phone: true, address: addressSpec },
  tax_exempt: true,
  balance: true,
};

/** A new customer with Stripe's defaults. */
export function newCustomer(ctx: Ctx, fields: Partial<Stripe.Customer> = {}): Stripe.Customer {
  return {
    id: ctx.state.ids.id("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: ctx.ts(),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: ctx.state.ids.chars(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
    ...fields,
  };
}

/**
 * Checks that `pmId` is a payment method attached to the customer (Stripe refuses a default
 * payment method the customer does not own).
 */
export function requireCustomerPaymentMethod(
  account: AccountData,
  customerId: string,
  pmId: string,
  param: string,
): Stripe.PaymentMethod {
  const pm = account.require<Stripe.PaymentMethod>("payment_method", pmId, param);
  if (pm.customer !== customerId) {
    throw invalidParam(
      param,
      `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
    );
  }
  return pm;
}

function applyCustomerParams(ctx: Ctx, customer: Stripe.Customer, params: Params): void {
  const text = (key: "description" | "email" | "name" | "phone") => {
    const value = str(params, key);
    if (value !== undefined) customer[key] = value === "" ? null : value;
  };
  text("description");
  text("email");
  text("name");
  text("phone");
  if (customer.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customer.email)) {
    throw invalidParam("email", `Invalid email address: ${customer.email}`, "email_invalid");
  }
  const address = readAddress(params, "address");
  if (address !== undefined) customer.address = address;
  const shipping = readShipping(params);
  if (shipping !== undefined) customer.shipping = shipping;
  const locales = readLocales(params);
  if (locales !== undefined) customer.preferred_locales = locales;
  const taxExempt = oneOf(params, "tax_exempt", ["none", "exempt", "reverse"] as const);
  if (taxExempt) customer.tax_exempt = taxExempt;
  customer.metadata = mergeMetadata(customer.metadata, params);
  const settings = hash(params, "invoice_settings");
  if (settings) {
    const pm = str(settings, "default_payment_method", "invoice_settings[default_payment_method]");
    if (pm === "") customer.invoice_settings.default_payment_method = null;
    else if (pm !== undefined) {
      requireCustomerPaymentMethod(ctx.account, customer.id, pm, "invoice_settings[default_payment_method]");
      customer.invoice_settings.default_payment_method = pm;
    }
    const footer = str(settings, "footer", "invoice_settings[footer]");
    if (footer !== undefined) customer.invoice_settings.footer = footer || null;
  }
}

/** Customers: create, retrieve, update, delete, list; `tax_ids` and `subscriptions` includable. */
export function registerCustomers(api: Api): void {
  registerIncludable("customer", "tax_ids", (obj, ctx) =>
    fullList(
      ctx.account.all<Stripe.TaxId>("tax_id").filter((t) => t.customer === obj.id),
      `/v1/customers/${obj.id}/tax_ids`,
    ),
  );
  registerIncludable("customer", "subscriptions", (obj, ctx) =>
    fullList(
      ctx.account
        .all<Stripe.Subscription>("subscription")
        .filter((s) => s.customer === obj.id && s.status !== "canceled" && s.status !== "incomplete_expired"),
      `/v1/customers/${obj.id}/subscriptions`,
    ),
  );

  api.post("/v1/customers", (ctx) => {
    checkParams(ctx.params, { ...customerSpec, payment_method: true });
    const customer = newCustomer(ctx);
    applyCustomerParams(ctx, customer, { ...ctx.params, invoice_settings: undefined });
    ctx.account.put(customer);
    const pmId = str(ctx.params, "payment_method");
    if (pmId) {
      const pm = ctx.account.require<Stripe.PaymentMethod>("payment_method", pmId, "payment_method");
      pm.customer = customer.id;
    }
    applyCustomerParams(ctx, customer, { invoice_settings: ctx.params.invoice_settings });
    return customer;
  });

  api.get("/v1/customers", (ctx) => {
    checkParams(ctx.params, {
      limit: true,
      starting_after: true,
      ending_before: true,
      email: true,
      created: true,
    });
    const email = str(ctx.params, "email");
    const customers = ctx.account
      .all<Stripe.Customer>("customer")
      .filter((c) => email === undefined || c.email === email);
    return paginate(ctx, customers, "/v1/customers", "customer");
  });

  api.get("/v1/customers/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    return ctx.account.require<Stripe.Customer>("customer", id);
  });

  api.post("/v1/customers/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, customerSpec);
    const customer = ctx.account.require<Stripe.Customer>("customer", id);
    // Validate everything on a copy so a bad parameter changes nothing.
    const draft = structuredClone(customer);
    applyCustomerParams(ctx, draft, ctx.params);
    return ctx.account.put(draft);
  });

  api.del("/v1/customers/:id", (ctx, { id = "" }) => {
    checkParams(ctx.params, {});
    ctx.account.require<Stripe.Customer>("customer", id);
    ctx.account.delete(id);
    return { id, object: "customer", deleted: true };
  });
}
