import { describe, expect, it } from "vitest";
import { decodeForm } from "../../../worker/api/request-params";
import { parseSessionParams } from "../../../worker/api/sessions/session-params";
import { apiErrorOf } from "./helpers";

const parse = (form: string) => parseSessionParams(decodeForm(form));
const paramOf = (form: string) => apiErrorOf(() => parse(form)).body.param;

describe("session parameters", () => {
  it("defaults after_completion to a hosted confirmation and nulls the other flow objects", () => {
    const { flow } = parse(
      "customer=cus_1&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=sub_1",
    );
    expect(flow).toEqual({
      type: "subscription_cancel",
      after_completion: {
        type: "hosted_confirmation",
        hosted_confirmation: { custom_message: null },
        redirect: null,
      },
      customer_update: null,
      subscription_cancel: { subscription: "sub_1", retention: null },
      subscription_pause: null,
      subscription_update: null,
      subscription_update_confirm: null,
    });
  });

  it("accepts Stripe's locales, auto, ar and he, and nothing else", () => {
    for (const locale of ["auto", "en-GB", "zh-TW", "ar", "he"]) {
      expect(parse(`customer=cus_1&locale=${locale}`).locale).toBe(locale);
    }
    expect(paramOf("customer=cus_1&locale=klingon")).toBe("locale");
    expect(paramOf("customer=cus_1&locale=EN")).toBe("locale");
  });

  it("names the missing or invalid part of a flow", () => {
    expect(paramOf("return_url=https://x.test")).toBe("customer");
    expect(paramOf("customer=c&flow_data[subscription_update][subscription]=s")).toBe("flow_data[type]");
    expect(paramOf("customer=c&flow_data[type]=subscription_update")).toBe("flow_data[subscription_update]");
    expect(paramOf("customer=c&flow_data[type]=subscription_pause&flow_data[subscription_pause][x]=1")).toBe(
      "flow_data[subscription_pause][x]",
    );
    expect(
      paramOf(
        "customer=c&flow_data[type]=subscription_update&flow_data[subscription_update][subscription]=s&flow_data[subscription_cancel][subscription]=s",
      ),
    ).toBe("flow_data[subscription_cancel]");
    expect(
      paramOf(
        "customer=c&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=s&flow_data[subscription_cancel][retention][type]=coupon_offer",
      ),
    ).toBe("flow_data[subscription_cancel][retention][coupon_offer]");
    expect(
      paramOf("customer=c&flow_data[type]=payment_method_update&flow_data[after_completion][type]=redirect"),
    ).toBe("flow_data[after_completion][redirect]");
    expect(
      paramOf(
        "customer=c&flow_data[type]=payment_method_update&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]=javascript:alert(1)",
      ),
    ).toBe("flow_data[after_completion][redirect][return_url]");
    expect(
      paramOf(
        `customer=c&flow_data[type]=payment_method_update&flow_data[after_completion][type]=hosted_confirmation&flow_data[after_completion][hosted_confirmation][custom_message]=${"m".repeat(501)}`,
      ),
    ).toBe("flow_data[after_completion][hosted_confirmation][custom_message]");
  });

  it("limits a confirm flow to one item and one discount", () => {
    const base =
      "customer=c&flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]=s";
    expect(paramOf(base)).toBe("flow_data[subscription_update_confirm][items]");
    expect(
      paramOf(
        `${base}&flow_data[subscription_update_confirm][items][0][id]=si_1&flow_data[subscription_update_confirm][items][0][price]=p&flow_data[subscription_update_confirm][items][1][id]=si_2`,
      ),
    ).toBe("flow_data[subscription_update_confirm][items]");
    const item =
      "&flow_data[subscription_update_confirm][items][0][id]=si_1&flow_data[subscription_update_confirm][items][0][price]=p";
    expect(
      paramOf(
        `${base}${item}&flow_data[subscription_update_confirm][discounts][0][coupon]=c&flow_data[subscription_update_confirm][discounts][0][promotion_code]=p`,
      ),
    ).toBe("flow_data[subscription_update_confirm][discounts][0][promotion_code]");
    const ok = parse(`${base}${item}&flow_data[subscription_update_confirm][items][0][quantity]=3`);
    expect(ok.flow?.subscription_update_confirm).toEqual({
      subscription: "s",
      items: [{ id: "si_1", price: "p", quantity: 3 }],
      discounts: null,
    });
  });

  it("rejects what this portal does not implement with a clear message", () => {
    expect(paramOf("customer_account=acct_1")).toBe("customer_account");
    expect(paramOf("customer=c&after_expiration[type]=customer_login")).toBe("after_expiration");
    expect(paramOf("customer=c&flow_data[type]=customer_update&flow_data[customer_update][x]=1")).toBe(
      "flow_data[customer_update]",
    );
  });
});
