import { describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import { createHarness } from "../../helpers/harness";

const C = DEMO.customers;

describe("emulator tax IDs", () => {
  it("creates, lists and deletes tax IDs", async () => {
    const { stripe } = createHarness();
    const created = await stripe.customers.createTaxId(C.monthly, { type: "us_ein", value: "12-3456789" });
    expect(created).toMatchObject({
      object: "tax_id",
      type: "us_ein",
      value: "12-3456789",
      country: "US",
      customer: C.monthly,
    });
    const list = await stripe.customers.listTaxIds(C.monthly);
    expect(list.data.map((t) => t.id)).toEqual([created.id]);
    const deleted = await stripe.customers.deleteTaxId(C.monthly, created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    expect((await stripe.customers.listTaxIds(C.monthly)).data).toEqual([]);
  });

  it("validates type and value with Stripe's errors", async () => {
    const { stripe } = createHarness();
    await expect(
      stripe.customers.createTaxId(C.monthly, { type: "xx_vat" as never, value: "1" }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "type",
    });
    await expect(
      stripe.customers.createTaxId(C.monthly, { type: "eu_vat", value: "DE12" }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "tax_id_invalid",
      param: "value",
    });
    for (const [type, value] of [
      ["eu_vat", "FR12345678901"],
      ["gb_vat", "GB123456789"],
      ["au_abn", "12345678912"],
      ["ca_bn", "123456789"],
      ["ch_vat", "CHE-123.456.789 MWST"],
      ["no_vat", "123456789MVA"],
      ["in_gst", "12ABCDE3456FGZH"],
      ["jp_cn", "1234567891234"],
    ] as const) {
      await expect(stripe.customers.createTaxId(C.monthly, { type, value })).resolves.toMatchObject({
        type,
        value,
      });
    }
  });

  it("does not show one customer's tax ID through another", async () => {
    const { stripe } = createHarness();
    const [first] = (await stripe.customers.listTaxIds(C.taxIds)).data;
    await expect(stripe.customers.deleteTaxId(C.monthly, first!.id)).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
