import { describe, expect, it } from "vitest";
import { acceptedApiKeys, apiKeyFromHeader, isAcceptedKey } from "../../../worker/api/auth";
import { canonicalJson } from "../../../worker/api/idempotency";
import { ParamReader } from "../../../worker/api/param-reader";
import {
  decodeForm,
  MAX_BODY_BYTES,
  readRequestParams,
  rejectUnknownParams,
} from "../../../worker/api/request-params";
import { apiErrorOf } from "./helpers";

describe("form and JSON parameters", () => {
  it("decodes bracket notation, indexed and unindexed arrays", () => {
    const params = decodeForm(
      "flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][items][0][id]=si_1&expand[]=configuration&expand[]=flow",
    );
    expect(params).toEqual({
      flow_data: {
        type: "subscription_update_confirm",
        subscription_update_confirm: { items: [{ id: "si_1" }] },
      },
      expand: ["configuration", "flow"],
    });
  });

  it("reads JSON bodies and refuses bodies over the limit with 413", async () => {
    const json = new Request("http://x/v1/a", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customer: "cus_1", flow_data: { type: "payment_method_update" } }),
    });
    expect(await readRequestParams(json)).toEqual({
      customer: "cus_1",
      flow_data: { type: "payment_method_update" },
    });
    const big = new Request("http://x/v1/a", { method: "POST", body: `a=${"x".repeat(MAX_BODY_BYTES)}` });
    await expect(readRequestParams(big)).rejects.toMatchObject({ status: 413 });
    const broken = new Request("http://x/v1/a", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    await expect(readRequestParams(broken)).rejects.toMatchObject({ status: 400 });
  });

  it("names the first unknown parameter with its full bracket path", () => {
    const error = apiErrorOf(() =>
      rejectUnknownParams(decodeForm("customer=c&flow_data[type]=x&flow_data[surprise][a]=1"), {
        customer: true,
        flow_data: { type: true },
      }),
    );
    expect(error.body).toMatchObject({ code: "parameter_unknown", param: "flow_data[surprise]" });
    const inArray = apiErrorOf(() =>
      rejectUnknownParams(decodeForm("items[0][id]=si&items[0][colour]=red"), { items: [{ id: true }] }),
    );
    expect(inArray.body.param).toBe("items[0][colour]");
  });

  it("reads typed values from forms and JSON alike, refusing empties where they cannot unset", () => {
    const p = new ParamReader({ a: "true", b: false, n: "7", j: 8, e: "", u: "ftp://x" });
    expect(p.boolean("a")).toBe(true);
    expect(p.boolean("b")).toBe(false);
    expect(p.integer("n")).toBe(7);
    expect(p.integer("j")).toBe(8);
    expect(p.emptyableString("e")).toBeNull();
    expect(apiErrorOf(() => p.string("e")).body.code).toBe("parameter_invalid_empty");
    expect(apiErrorOf(() => p.url("u")).body).toMatchObject({ code: "url_invalid", param: "u" });
    expect(apiErrorOf(() => p.requiredString("missing")).body).toMatchObject({
      code: "parameter_missing",
      param: "missing",
    });
    const nested = new ParamReader({ x: { items: { "0": { q: "abc" } } } }).requiredObject("x");
    const item = nested.objectArray("items")?.[0];
    expect(apiErrorOf(() => item?.integer("q")).body).toMatchObject({ param: "x[items][0][q]" });
  });
});

describe("API keys", () => {
  const env = (vars: Partial<Env>) => ({ PORTAL_ENV: "production", PORTAL_API_KEYS: "", ...vars }) as Env;

  it("takes the key from Bearer or from Basic auth's user name", () => {
    expect(apiKeyFromHeader("Bearer sk_live_abc")).toBe("sk_live_abc");
    expect(apiKeyFromHeader(`Basic ${btoa("sk_live_abc:")}`)).toBe("sk_live_abc");
    expect(apiKeyFromHeader("Token sk_live_abc")).toBeNull();
    expect(apiKeyFromHeader(undefined)).toBeNull();
  });

  it("accepts the configured keys, the dev key only in development, and nothing in production without keys", async () => {
    expect(acceptedApiKeys(env({}))).toEqual([]);
    expect(acceptedApiKeys(env({ PORTAL_API_KEYS: " k1 ,k2,," }))).toEqual(["k1", "k2"]);
    expect(acceptedApiKeys(env({ PORTAL_ENV: "development" }))).toEqual(["sk_test_portal_dev"]);
    expect(await isAcceptedKey("k2", ["k1", "k2"])).toBe(true);
    expect(await isAcceptedKey("k3", ["k1", "k2"])).toBe(false);
    expect(await isAcceptedKey("anything", [])).toBe(false);
  });
});

describe("idempotency parameter hash", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: "s" } })).toBe(
      canonicalJson({ a: { c: "s", d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
