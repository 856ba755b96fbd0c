import { describe, expect, it } from "vitest";
import { parseQuantity, quantityProblem, quantityRule } from "../../../worker/billing/quantity";
import { intervalKeys, planOptions, targetPriceProblem } from "../../../worker/billing/target-prices";
import { changeEndsTrial } from "../../../worker/billing/trial";
import { config, configProduct, price, product, recurring } from "./fixtures";

const basic = product("prod_basic");
const pro = product("prod_pro");
const current = price({ id: "price_basic_month", product: basic });
const basicYear = price({
  id: "price_basic_year",
  product: basic,
  unit_amount: 10000,
  recurring: recurring("year"),
});
const proMonth = price({ id: "price_pro_month", product: pro, unit_amount: 3000 });
const proYear = price({
  id: "price_pro_year",
  product: pro,
  unit_amount: 30000,
  recurring: recurring("year"),
});
const cfg = config({
  update: {
    products: [
      configProduct("prod_basic", ["price_basic_month", "price_basic_year"]),
      configProduct("prod_pro", ["price_pro_month", "price_pro_year", "price_pro_eur", "price_pro_incl"]),
    ],
  },
});

describe("targetPriceProblem", () => {
  it("accepts configured prices in the same currency and tax behaviour", () => {
    expect(targetPriceProblem(current, proYear, cfg)).toBeNull();
    expect(targetPriceProblem(current, current, cfg)).toBeNull();
  });

  it("refuses prices not listed, other currencies, other tax behaviour, inactive, metered, one-time", () => {
    expect(targetPriceProblem(current, price({ id: "price_x", product: pro }), cfg)).toBe(
      "price_not_offered",
    );
    expect(
      targetPriceProblem(current, price({ id: "price_pro_eur", product: pro, currency: "eur" }), cfg),
    ).toBe("currency_mismatch");
    expect(
      targetPriceProblem(
        current,
        price({ id: "price_pro_incl", product: pro, tax_behavior: "inclusive" }),
        cfg,
      ),
    ).toBe("tax_behavior_mismatch");
    expect(targetPriceProblem(current, { ...proMonth, active: false }, cfg)).toBe("inactive");
    expect(
      targetPriceProblem(current, { ...proMonth, recurring: recurring("month", 1, "metered") }, cfg),
    ).toBe("metered");
    expect(targetPriceProblem(current, { ...proMonth, type: "one_time", recurring: null }, cfg)).toBe(
      "not_recurring",
    );
  });

  it("refuses any other price when only quantity may change", () => {
    const quantityOnly = config({
      update: { ...cfg.features.subscription_update, default_allowed_updates: ["quantity"] },
    });
    expect(targetPriceProblem(current, proMonth, quantityOnly)).toBe("price_change_not_allowed");
    expect(targetPriceProblem(current, current, quantityOnly)).toBeNull();
  });
});

describe("planOptions and intervals", () => {
  it("groups valid prices by product in configuration order, dropping invalid ones", () => {
    const eur = price({ id: "price_pro_eur", product: pro, currency: "eur" });
    const options = planOptions(current, cfg, [proYear, eur, basicYear, current, proMonth]);
    expect(options.map((o) => [o.product.id, o.prices.map((p) => p.id)])).toEqual([
      ["prod_basic", ["price_basic_month", "price_basic_year"]],
      ["prod_pro", ["price_pro_month", "price_pro_year"]],
    ]);
    expect(intervalKeys(options)).toEqual(["1-month", "1-year"]);
  });

  it("leaves out archived products", () => {
    const archived = { ...proMonth, product: product("prod_pro", { active: false }) };
    expect(planOptions(current, cfg, [current, archived]).map((o) => o.product.id)).toEqual(["prod_basic"]);
  });
});

describe("quantity", () => {
  const adjustable = config({
    update: {
      products: [
        configProduct("prod_basic", ["price_basic_month"], { enabled: true, minimum: 2, maximum: 10 }),
      ],
    },
  });

  it("is adjustable only when allowed and enabled for the product, with its bounds", () => {
    expect(quantityRule(adjustable, "prod_basic")).toEqual({ adjustable: true, minimum: 2, maximum: 10 });
    expect(quantityRule(cfg, "prod_basic").adjustable).toBe(false);
    const noQuantity = config({
      update: { ...adjustable.features.subscription_update, default_allowed_updates: ["price"] },
    });
    expect(quantityRule(noQuantity, "prod_basic").adjustable).toBe(false);
  });

  it("checks bounds, keeps the current quantity always acceptable", () => {
    const rule = quantityRule(adjustable, "prod_basic");
    expect(quantityProblem(5, 3, rule)).toBeNull();
    expect(quantityProblem(1, 3, rule)).toBe("below_minimum");
    expect(quantityProblem(11, 3, rule)).toBe("above_maximum");
    expect(quantityProblem(12, 12, rule)).toBeNull();
    expect(quantityProblem(2, 1, quantityRule(cfg, "prod_basic"))).toBe("not_adjustable");
    expect(quantityProblem(null, 1, rule)).toBe("invalid");
  });

  it("parses only plain integers", () => {
    expect(parseQuantity("4")).toBe(4);
    expect(parseQuantity(" 12 ")).toBe(12);
    for (const bad of ["", "1.5", "-1", "1e3", "abc", undefined]) expect(parseQuantity(bad)).toBeNull();
  });
});

describe("trial behaviour", () => {
  it("ends the trial on change unless continue_trial", () => {
    expect(changeEndsTrial({ status: "trialing" }, cfg)).toBe(true);
    expect(
      changeEndsTrial(
        { status: "trialing" },
        config({ update: { trial_update_behavior: "continue_trial" } }),
      ),
    ).toBe(false);
    expect(changeEndsTrial({ status: "active" }, cfg)).toBe(false);
  });
});
