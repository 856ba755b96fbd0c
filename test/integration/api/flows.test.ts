import type Stripe from "stripe";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_ACCOUNT } from "../../../emulator/seed/ids";
import { platformDemoConfiguration } from "../../../worker/api/demo-configuration";
import { createHarness, type Harness } from "../../helpers/harness";
import { expectApiError } from "./helpers";

type FlowData = Stripe.BillingPortal.SessionCreateParams.FlowData;
const RETURN = "https://example.com/account";
const S = DEMO.subscriptions;

describe("session flows", () => {
  let h: Harness;
  let config: string;
  beforeAll(async () => {
    config = (await createHarness().portal.billingPortal.configurations.create(platformDemoConfiguration()))
      .id;
  });
  beforeEach(() => {
    h = createHarness();
  });

  const create = (flow_data: FlowData, customer: string = DEMO.customers.monthly) =>
    h.portal.billingPortal.sessions.create({
      customer,
      return_url: RETURN,
      configuration: config,
      flow_data,
    });

  async function monthlyItem(): Promise<Stripe.SubscriptionItem> {
    const sub = await h.stripe.subscriptions.retrieve(S.monthly);
    return sub.items.data[0] as Stripe.SubscriptionItem;
  }

  describe("valid flows", () => {
    it("payment_method_update and customer_update need no sub-object", async () => {
      const pm = await create({ type: "payment_method_update" });
      expect(pm.flow).toEqual({
        type: "payment_method_update",
        after_completion: {
          type: "hosted_confirmation",
          hosted_confirmation: { custom_message: null },
          redirect: null,
        },
        customer_update: null,
        subscription_cancel: null,
        subscription_pause: null,
        subscription_update: null,
        subscription_update_confirm: null,
      });
      const cu = await create({ type: "customer_update", after_completion: { type: "portal_homepage" } });
      expect(cu.flow?.customer_update).toEqual({});
      expect(cu.flow?.after_completion).toEqual({
        type: "portal_homepage",
        hosted_confirmation: null,
        redirect: null,
      });
    });

    it("subscription_cancel with a retention coupon and a redirect afterwards", async () => {
      const session = await create({
        type: "subscription_cancel",
        subscription_cancel: {
          subscription: S.monthly,
          retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
        },
        after_completion: { type: "redirect", redirect: { return_url: "https://example.com/canceled" } },
      });
      expect(session.flow?.subscription_cancel).toEqual({
        subscription: S.monthly,
        retention: { type: "coupon_offer", coupon_offer: { coupon: DEMO.coupons.retention } },
      });
      expect(session.flow?.after_completion).toEqual({
        type: "redirect",
        hosted_confirmation: null,
        redirect: { return_url: "https://example.com/canceled" },
      });
      expect(session.flow?.subscription_update).toBeNull();
    });

    it("subscription_update and subscription_pause on a running subscription", async () => {
      const update = await create({
        type: "subscription_update",
        subscription_update: { subscription: S.monthly },
      });
      expect(update.flow?.subscription_update).toEqual({ subscription: S.monthly });
      const pause = await create({
        type: "subscription_pause",
        subscription_pause: { subscription: S.monthly },
      });
      expect(pause.flow?.subscription_pause).toEqual({ subscription: S.monthly });
    });

    it("subscription_update_confirm to another offered price with a quantity and a promotion code", async () => {
      const item = await monthlyItem();
      const target =
        item.price.id === DEMO.prices.proMonthly ? DEMO.prices.basicMonthly : DEMO.prices.proMonthly;
      const session = await create({
        type: "subscription_update_confirm",
        subscription_update_confirm: {
          subscription: S.monthly,
          items: [{ id: item.id, price: target, quantity: 3 }],
          discounts: [{ promotion_code: DEMO.promotionCodes.welcome }],
        },
        after_completion: {
          type: "hosted_confirmation",
          hosted_confirmation: { custom_message: "Welcome to Pro!" },
        },
      });
      expect(session.flow?.subscription_update_confirm).toEqual({
        subscription: S.monthly,
        items: [{ id: item.id, price: target, quantity: 3 }],
        discounts: [{ coupon: null, promotion_code: DEMO.promotionCodes.welcome }],
      });
      expect(session.flow?.after_completion.hosted_confirmation).toEqual({
        custom_message: "Welcome to Pro!",
      });
      expect(h.emulator.writes()).toEqual([]);
    });
  });

  describe("invalid flows", () => {
    const sub = (type: string) => `flow_data[${type}][subscription]`;

    it("refuses subscriptions that are missing or belong to someone else", async () => {
      await expectApiError(
        create({ type: "subscription_cancel", subscription_cancel: { subscription: "sub_doesNotExist" } }),
        { status: 400, code: "resource_missing", param: sub("subscription_cancel") },
      );
      await expectApiError(
        create({ type: "subscription_update", subscription_update: { subscription: S.trialing } }),
        { status: 400, code: "resource_missing", param: sub("subscription_update") },
      );
      await expectApiError(
        h.portal.billingPortal.sessions.create({
          customer: DEMO.customers.monthly,
          return_url: RETURN,
          configuration: config,
          // Mia's subscription is the platform's own, not made on behalf of the account.
          on_behalf_of: DEMO_ACCOUNT,
          flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: S.monthly } },
        }),
        { status: 400, code: "resource_missing", param: sub("subscription_cancel") },
      );
    });

    it("refuses a cancel flow for a subscription already set to cancel, or with an unknown coupon", async () => {
      await expectApiError(
        create(
          { type: "subscription_cancel", subscription_cancel: { subscription: S.cancelScheduled } },
          DEMO.customers.cancelScheduled,
        ),
        {
          status: 400,
          param: sub("subscription_cancel"),
          message: "This subscription is already set to be canceled",
        },
      );
      await expectApiError(
        create({
          type: "subscription_cancel",
          subscription_cancel: {
            subscription: S.monthly,
            retention: { type: "coupon_offer", coupon_offer: { coupon: "coupon_doesNotExist" } },
          },
        }),
        {
          status: 400,
          code: "resource_missing",
          param: "flow_data[subscription_cancel][retention][coupon_offer][coupon]",
        },
      );
    });

    it("refuses update flows for subscriptions the portal cannot update", async () => {
      const cases: [string, string][] = [
        [DEMO.customers.multiItem, S.multiItem],
        [DEMO.customers.metered, S.metered],
        [DEMO.customers.sendInvoice, S.sendInvoice],
        [DEMO.customers.scheduled, S.scheduled],
        [DEMO.customers.taxUnspecified, S.taxUnspecified],
      ];
      for (const [customer, subscription] of cases) {
        await expectApiError(
          create({ type: "subscription_update", subscription_update: { subscription } }, customer),
          {
            status: 400,
            param: sub("subscription_update"),
          },
        );
      }
      await expectApiError(
        create(
          { type: "subscription_pause", subscription_pause: { subscription: S.trialing } },
          DEMO.customers.trialing,
        ),
        { status: 400, param: sub("subscription_pause") },
      );
    });

    it("refuses a flow whose feature the configuration switches off", async () => {
      const off = await h.portal.billingPortal.configurations.create({
        features: { invoice_history: { enabled: true }, subscription_cancel: { enabled: false } },
      });
      await expectApiError(
        h.portal.billingPortal.sessions.create({
          customer: DEMO.customers.monthly,
          return_url: RETURN,
          configuration: off.id,
          flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: S.monthly } },
        }),
        { status: 400, param: "flow_data[type]" },
      );
    });

    it("checks a confirm flow's item, price, quantity and discount", async () => {
      const item = await monthlyItem();
      const base = "flow_data[subscription_update_confirm]";
      const confirm = (
        items: Stripe.BillingPortal.SessionCreateParams.FlowData.SubscriptionUpdateConfirm.Item[],
        discounts?: Stripe.BillingPortal.SessionCreateParams.FlowData.SubscriptionUpdateConfirm.Discount[],
      ) =>
        create({
          type: "subscription_update_confirm",
          subscription_update_confirm: {
            subscription: S.monthly,
            items,
            ...(discounts ? { discounts } : {}),
          },
        });
      const otherItem = (await h.stripe.subscriptions.retrieve(S.trialing)).items.data[0]?.id as string;
      // Thunks, so each request starts only when its turn comes (no unhandled rejections).
      const cases: [() => Promise<unknown>, string, string?][] = [
        [
          () => confirm([{ id: otherItem, price: DEMO.prices.proMonthly }]),
          `${base}[items][0][id]`,
          "resource_missing",
        ],
        [() => confirm([{ id: item.id, price: DEMO.prices.addonMonthly }]), `${base}[items][0][price]`],
        [() => confirm([{ id: item.id, price: DEMO.prices.proYearly }]), `${base}[items][0][price]`],
        [
          () => confirm([{ id: item.id, price: "price_doesNotExist" }]),
          `${base}[items][0][price]`,
          "resource_missing",
        ],
        [() => confirm([{ id: item.id, quantity: 51 }]), `${base}[items][0][quantity]`],
        [
          () =>
            confirm([
              { id: item.id, price: DEMO.prices.proMonthly },
              { id: item.id, quantity: 2 },
            ]),
          `${base}[items]`,
        ],
        [
          () =>
            confirm(
              [{ id: item.id, price: DEMO.prices.proMonthly }],
              [{ promotion_code: "promo_doesNotExist" }],
            ),
          `${base}[discounts][0][promotion_code]`,
          "resource_missing",
        ],
        [
          () =>
            confirm(
              [{ id: item.id, price: DEMO.prices.proMonthly }],
              [{ promotion_code: DEMO.promotionCodes.expired }],
            ),
          `${base}[discounts][0][promotion_code]`,
        ],
        [
          () =>
            confirm([{ id: item.id, price: DEMO.prices.proMonthly }], [{ coupon: "coupon_doesNotExist" }]),
          `${base}[discounts][0][coupon]`,
          "resource_missing",
        ],
      ];
      for (const [call, param, code] of cases) {
        await expectApiError(call(), { status: 400, param, ...(code ? { code } : {}) });
      }
      await expectApiError(confirm([{ id: item.id, price: DEMO.prices.addonMonthly }]), {
        status: 400,
        message: /does not include the price in its `features\[subscription_update\]\[products\]`/,
      });
      await expectApiError(confirm([{ id: item.id, price: DEMO.prices.proYearly }]), {
        status: 400,
        message:
          "The customer portal cannot update this subscription to a price with a different billing interval.",
      });
      await expectApiError(confirm([{ id: item.id, price: DEMO.prices.basicMonthlyEur }]), {
        status: 400,
        param: `${base}[items][0][price]`,
      });
    });

    it("checks after_completion", async () => {
      await expectApiError(
        create({
          type: "payment_method_update",
          after_completion: { type: "redirect", redirect: { return_url: "ftp://example.com" } },
        }),
        { status: 400, param: "flow_data[after_completion][redirect][return_url]", code: "url_invalid" },
      );
      await expectApiError(
        create({
          type: "payment_method_update",
          after_completion: {
            type: "hosted_confirmation",
            hosted_confirmation: { custom_message: "x".repeat(501) },
          },
        }),
        { status: 400, param: "flow_data[after_completion][hosted_confirmation][custom_message]" },
      );
      await expectApiError(
        create({ type: "payment_method_update", after_completion: { type: "redirect" } }),
        {
          status: 400,
          param: "flow_data[after_completion][redirect]",
          code: "parameter_missing",
        },
      );
      await expectApiError(create({ type: "subscription_cancel" }), {
        status: 400,
        param: "flow_data[subscription_cancel]",
        code: "parameter_missing",
      });
    });
  });
});
