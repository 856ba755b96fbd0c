import { describe, expect, it } from "vitest";
import { applyConfigurationParams } from "../../../worker/api/configurations/configuration-params";
import { checkConfigurationRules } from "../../../worker/api/configurations/configuration-rules";
import { paginate } from "../../../worker/api/configurations/list-configurations";
import { decodeForm } from "../../../worker/api/request-params";
import { apiDefaultConfiguration } from "../../../worker/store/default-configuration";
import { apiErrorOf } from "./helpers";

const NOW = 1_793_620_800;
const create = (form: string) =>
  applyConfigurationParams(apiDefaultConfiguration(NOW), decodeForm(form), "create");

describe("configuration parameters", () => {
  it("fills Stripe's API defaults around what the request sets", () => {
    const { fields } = create(
      "features[customer_update][enabled]=true&features[customer_update][allowed_updates][]=email&features[customer_update][allowed_updates][]=tax_id&features[invoice_history][enabled]=true",
    );
    expect(fields.features.customer_update).toEqual({ enabled: true, allowed_updates: ["email", "tax_id"] });
    expect(fields.features.invoice_history.enabled).toBe(true);
    expect(fields.features.subscription_cancel.enabled).toBe(false);
    expect(fields.features.subscription_update.trial_update_behavior).toBe("end_trial");
    expect(fields.active).toBe(true);
  });

  it("requires features and the enabled flags on create, and refuses active or is_default", () => {
    expect(apiErrorOf(() => create("name=x")).body).toMatchObject({
      code: "parameter_missing",
      param: "features",
    });
    expect(apiErrorOf(() => create("features[invoice_history][x]=1")).body.param).toBe(
      "features[invoice_history][x]",
    );
    expect(apiErrorOf(() => create("features[subscription_cancel][mode]=immediately")).body.param).toBe(
      "features[subscription_cancel][enabled]",
    );
    expect(
      apiErrorOf(() => create("features[invoice_history][enabled]=true&active=false")).body,
    ).toMatchObject({
      code: "parameter_unknown",
      param: "active",
    });
    expect(
      apiErrorOf(() => create("features[invoice_history][enabled]=true&is_default=true")).body.param,
    ).toBe("is_default");
  });

  it("enforces Stripe's lengths and enums", () => {
    const base = "features[invoice_history][enabled]=true";
    expect(apiErrorOf(() => create(`${base}&business_profile[headline]=${"h".repeat(61)}`)).body.param).toBe(
      "business_profile[headline]",
    );
    expect(apiErrorOf(() => create(`${base}&name=${"n".repeat(257)}`)).body.param).toBe("name");
    expect(
      apiErrorOf(() =>
        create(
          "features[subscription_cancel][enabled]=true&features[subscription_cancel][proration_behavior]=always_invoice",
        ),
      ).body.param,
    ).toBe("features[subscription_cancel][proration_behavior]");
    expect(
      apiErrorOf(() =>
        create("features[customer_update][enabled]=true&features[customer_update][allowed_updates][]=shoe"),
      ).body.param,
    ).toBe("features[customer_update][allowed_updates][0]");
  });

  it("refuses more than 10 products before any Stripe call", () => {
    const products = Array.from(
      { length: 11 },
      (_, i) =>
        `features[subscription_update][products][${i}][product]=prod_${i}&features[subscription_update][products][${i}][prices][0]=price_${i}`,
    ).join("&");
    const error = apiErrorOf(() => create(`features[subscription_update][enabled]=true&${products}`));
    expect(error.body.param).toBe("features[subscription_update][products]");
  });

  it("defaults a product's adjustable quantity and checks its bounds", () => {
    const { fields } = create(
      "features[subscription_update][enabled]=false&features[subscription_update][products][0][product]=prod_a&features[subscription_update][products][0][prices][0]=price_a",
    );
    expect(fields.features.subscription_update.products[0]?.adjustable_quantity).toEqual({
      enabled: true,
      minimum: 1,
      maximum: null,
    });
    const error = apiErrorOf(() =>
      create(
        "features[subscription_update][enabled]=false&features[subscription_update][products][0][product]=prod_a&features[subscription_update][products][0][prices][0]=price_a&features[subscription_update][products][0][adjustable_quantity][enabled]=true&features[subscription_update][products][0][adjustable_quantity][minimum]=5&features[subscription_update][products][0][adjustable_quantity][maximum]=2",
      ),
    );
    expect(error.body.param).toBe("features[subscription_update][products][0][adjustable_quantity][maximum]");
  });

  it("merges an update into the stored configuration and unsets emptyable fields with an empty string", () => {
    const { fields: created } = create(
      "features[customer_update][enabled]=true&features[customer_update][allowed_updates][]=email&business_profile[headline]=Hi&metadata[a]=1&metadata[b]=2&default_return_url=https://example.com",
    );
    const { fields } = applyConfigurationParams(
      created,
      decodeForm(
        "features[customer_update][allowed_updates]=&business_profile[privacy_policy_url]=https://example.com/p&metadata[a]=&default_return_url=&active=false",
      ),
      "update",
    );
    expect(fields.features.customer_update).toEqual({ enabled: true, allowed_updates: [] });
    expect(fields.business_profile).toEqual({
      headline: "Hi",
      privacy_policy_url: "https://example.com/p",
      terms_of_service_url: null,
    });
    expect(fields.metadata).toEqual({ b: "2" });
    expect(fields.default_return_url).toBeNull();
    expect(fields.active).toBe(false);
    const cleared = applyConfigurationParams(fields, decodeForm("metadata="), "update").fields;
    expect(cleared.metadata).toEqual({});
  });

  it("validates the branding extension", () => {
    const base = "features[invoice_history][enabled]=true";
    const { fields } = create(
      `${base}&branding[primary_color]=%23AABBCC&branding[logo_url]=https://cdn.example.com/logo.png&branding[font_family]=serif`,
    );
    expect(fields.branding).toMatchObject({
      primary_color: "#aabbcc",
      logo_url: "https://cdn.example.com/logo.png",
      font_family: "serif",
      corner_radius: null,
    });
    expect(
      apiErrorOf(() => create(`${base}&branding[logo_url]=http://cdn.example.com/l.png`)).body.param,
    ).toBe("branding[logo_url]");
    expect(apiErrorOf(() => create(`${base}&branding[background_color]=red`)).body.param).toBe(
      "branding[background_color]",
    );
    expect(apiErrorOf(() => create(`${base}&branding[corner_radius]=huge`)).body.param).toBe(
      "branding[corner_radius]",
    );
  });

  it("refuses states Stripe refuses, whatever order the fields came in", () => {
    const noProducts = create(
      "features[payment_method_update][enabled]=true&features[subscription_update][enabled]=true",
    );
    expect(apiErrorOf(() => checkConfigurationRules(noProducts.fields)).body).toMatchObject({
      code: "parameter_missing",
      param: "features[subscription_update][products]",
    });
    const noPm = create(
      "features[subscription_update][enabled]=true&features[subscription_update][products][0][product]=prod_a&features[subscription_update][products][0][prices][0]=price_a",
    );
    expect(apiErrorOf(() => checkConfigurationRules(noPm.fields)).body.message).toBe(
      "Cannot enable subscription updates while payment method update is disabled.",
    );
    const prorateAtEnd = create(
      "features[subscription_cancel][enabled]=true&features[subscription_cancel][proration_behavior]=create_prorations",
    );
    expect(apiErrorOf(() => checkConfigurationRules(prorateAtEnd.fields)).body.param).toBe(
      "features[subscription_cancel][proration_behavior]",
    );
  });
});

describe("list pagination", () => {
  const items = ["e", "d", "c", "b", "a"].map((id) => ({ id }));

  it("pages newest first with starting_after and ending_before", () => {
    expect(paginate(items, { limit: 2 })).toEqual({ page: [{ id: "e" }, { id: "d" }], hasMore: true });
    expect(paginate(items, { limit: 2, startingAfter: "d" })).toEqual({
      page: [{ id: "c" }, { id: "b" }],
      hasMore: true,
    });
    expect(paginate(items, { limit: 2, startingAfter: "b" })).toEqual({
      page: [{ id: "a" }],
      hasMore: false,
    });
    expect(paginate(items, { limit: 2, endingBefore: "b" })).toEqual({
      page: [{ id: "d" }, { id: "c" }],
      hasMore: true,
    });
    expect(paginate(items, { limit: 2, startingAfter: "zz" })).toEqual({ missingCursor: "zz" });
  });
});
