/**
 * Stable ids of the seeded demo data. Tests, the dev landing page and the benchmarks refer to
 * these, so they never change between runs.
 */
export const DEMO_ACCOUNT = "acct_1DemoConnected01";

/** The platform's own account id (what `GET /v1/account` returns without a Stripe-Account header). */
export const PLATFORM_ACCOUNT = "acct_1DemoPlatform001";

export const DEMO = {
  customers: {
    /** One monthly licensed subscription, updatable between 3 products × monthly/yearly. */
    monthly: "cus_DemoMonthly0001",
    /** A trialing subscription. */
    trialing: "cus_DemoTrialing001",
    /** A past_due subscription with an open invoice. */
    pastDue: "cus_DemoPastDue0001",
    /** A subscription scheduled to cancel at period end. */
    cancelScheduled: "cus_DemoCancelSch01",
    /** A subscription with two items (multi-product): cancel only. */
    multiItem: "cus_DemoMultiItem01",
    /** A metered (usage-based) subscription: cancel only. */
    metered: "cus_DemoMetered0001",
    /** collection_method=send_invoice: cancel only. */
    sendInvoice: "cus_DemoSendInvoic1",
    /** A subscription with an attached schedule that has a future phase: no update or cancel. */
    scheduled: "cus_DemoScheduled01",
    /** A subscription on prices with tax_behavior=unspecified: cancel only. */
    taxUnspecified: "cus_DemoTaxUnspec01",
    /** No subscription, only invoices (invoice-only use). */
    invoicesOnly: "cus_DemoInvoiceOnly",
    /** Several payment method types: card, sepa_debit, us_bank_account. */
    manyMethods: "cus_DemoManyMethod1",
    /** Full billing and shipping addresses and tax IDs. */
    taxIds: "cus_DemoTaxIds00001",
    /**
     * Two subscriptions, one charged `on_behalf_of` the connected account (`DEMO_ACCOUNT`) and
     * one for the platform itself, each with its invoices (Connect destination charges).
     */
    onBehalfOf: "cus_DemoOnBehalf001",
    /**
     * Monthly Basic plan, updatable, paid with a card that needs 3-D Secure on every charge
     * (Stripe's 4000 0027 6000 3184): immediate plan changes and invoice payments ask the bank.
     */
    sca: "cus_DemoSecure3DS01",
  },
  subscriptions: {
    monthly: "sub_DemoMonthly0001",
    trialing: "sub_DemoTrialing001",
    pastDue: "sub_DemoPastDue0001",
    cancelScheduled: "sub_DemoCancelSch01",
    multiItem: "sub_DemoMultiItem01",
    metered: "sub_DemoMetered0001",
    sendInvoice: "sub_DemoSendInvoic1",
    scheduled: "sub_DemoScheduled01",
    taxUnspecified: "sub_DemoTaxUnspec01",
    manyMethods: "sub_DemoManyMethod1",
    /** Pro monthly for 26 months (24+ invoices, for pagination), with the retention coupon. */
    taxIds: "sub_DemoTaxIds00001",
    /** The `onBehalfOf` customer's Pro monthly plan, `on_behalf_of = DEMO_ACCOUNT`. */
    onBehalfOf: "sub_DemoOnBehalf001",
    /** The `onBehalfOf` customer's Basic monthly plan, without `on_behalf_of` (the platform's). */
    onBehalfOfPlatform: "sub_DemoOnBehalfOwn",
    /** The `sca` customer's Basic monthly plan. */
    sca: "sub_DemoSecure3DS01",
  },
  /** The schedule attached to the `scheduled` subscription. */
  schedules: {
    scheduled: "sub_sched_DemoSchedule1",
  },
  products: {
    basic: "prod_DemoBasic00001",
    pro: "prod_DemoPro0000001",
    enterprise: "prod_DemoEnterprise",
    addon: "prod_DemoAddon00001",
    metered: "prod_DemoMetered001",
    legacy: "prod_DemoLegacy0001",
  },
  prices: {
    basicMonthly: "price_DemoBasicMonth",
    basicYearly: "price_DemoBasicYear1",
    proMonthly: "price_DemoProMonth01",
    proYearly: "price_DemoProYear001",
    enterpriseMonthly: "price_DemoEntMonth01",
    enterpriseYearly: "price_DemoEntYear001",
    addonMonthly: "price_DemoAddonMonth",
    meteredMonthly: "price_DemoMeteredMon",
    legacyUnspecified: "price_DemoLegacyUnsp",
    /** A EUR price of the basic product, for currency mismatch cases. */
    basicMonthlyEur: "price_DemoBasicEur01",
  },
  coupons: {
    /** Offered as a retention coupon before cancelling: 25 % off for 3 months. */
    retention: "coupon_DemoRetain25",
    /** Behind the promotion code below: 10 % off once. */
    welcome: "coupon_DemoWelcome10",
    /** Behind the expired promotion code EXPIRED5: 5 % off once. */
    expired: "coupon_DemoExpired05",
  },
  promotionCodes: {
    /** Customer-facing code "WELCOME10", active. */
    welcome: "promo_DemoWelcome10",
    /** Customer-facing code "EXPIRED5", expired. */
    expired: "promo_DemoExpired05",
  },
  /** The connected account's own demo data (Connect). */
  connect: {
    customer: "cus_DemoConnect0001",
    subscription: "sub_DemoConnect0001",
    product: "prod_DemoConnect001",
    priceMonthly: "price_DemoConnMonth1",
    priceYearly: "price_DemoConnYear01",
  },
} as const;
