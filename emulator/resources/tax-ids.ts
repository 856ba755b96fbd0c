import type Stripe from "stripe";
import type { Api } from "../core/app";
import type { Ctx } from "../core/context";
import { invalidParam, resourceMissing } from "../core/errors";
import { paginate } from "../core/list";
import { checkParams, requireStr } from "../core/params";

/** Every tax ID type Stripe accepts on customers (stripe-node v23). */
export const TAX_ID_TYPES: readonly string[] = [
  "ad_nrt",
  "ae_trn",
  "al_tin",
  "am_tin",
  "ao_tin",
  "ar_cuit",
  "au_abn",
  "au_acn",
  "au_arn",
  "au_wpn",
  "aw_tin",
  "az_tin",
  "ba_tin",
  "bb_tin",
  "bd_bin",
  "bf_ifu",
  "bg_uic",
  "bh_vat",
  "bj_ifu",
  "bo_tin",
  "br_cnpj",
  "br_cpf",
  "bs_tin",
  "bw_vat",
  "by_tin",
  "ca_bn",
  "ca_gst_hst",
  "ca_pst_bc",
  "ca_pst_mb",
  "ca_pst_sk",
  "ca_qst",
  "cd_nif",
  "ch_uid",
  "ch_vat",
  "ci_vat",
  "cl_tin",
  "cm_niu",
  "cn_tin",
  "co_nit",
  "cr_tin",
  "cv_nif",
  "cz_dic",
  "de_stn",
  "do_rcn",
  "ec_ruc",
  "eg_tin",
  "es_cif",
  "et_tin",
  "eu_oss_vat",
  "eu_vat",
  "fo_vat",
  "fr_siren",
  "fr_siret",
  "fr_spi",
  "gb_vat",
  "ge_vat",
  "gh_tin",
  "gi_tin",
  "gn_nif",
  "hk_br",
  "hr_oib",
  "hu_tin",
  "ic_nif",
  "id_npwp",
  "il_vat",
  "in_gst",
  "is_kt",
  "is_vat",
  "it_cf",
  "jp_cn",
  "jp_rn",
  "jp_trn",
  "ke_pin",
  "kg_tin",
  "kh_tin",
  "kr_brn",
  "kz_bin",
  "la_tin",
  "li_uid",
  "li_vat",
  "lk_vat",
  "ma_vat",
  "md_cf",
  "md_vat",
  "me_pib",
  "mk_vat",
  "mr_nif",
  "mu_vat",
  "mx_rfc",
  "my_frp",
  "my_itn",
  "my_sst",
  "mz_nuit",
  "ng_tin",
  "no_vat",
  "no_voec",
  "np_pan",
  "nz_bn",
  "nz_gst",
  "om_vat",
  "pe_ruc",
  "ph_tin",
  "pl_nip",
  "pt_nif",
  "py_ruc",
  "ro_tin",
  "rs_pib",
  "ru_inn",
  "ru_kpp",
  "sa_vat",
  "sg_gst",
  "sg_uen",
  "si_tin",
  "sm_coe",
  "sn_ninea",
  "sr_fin",
  "sv_nit",
  "th_vat",
  "tj_tin",
  "tr_tin",
  "tt_bir",
  "tt_vat",
  "tw_vat",
  "tz_vat",
  "ua_vat",
  "ug_tin",
  "us_ein",
  "uy_ruc",
  "uz_tin",
  "uz_vat",
  "ve_rif",
  "vn_tin",
  "za_vat",
  "zm_tin",
  "zw_tin",
];

const EU_VAT =
  /^(ATU\d{8}|BE[01]\d{9}|BG\d{9,10}|CY\d{8}[A-Z]|CZ\d{8,10}|DE\d{9}|DK\d{8}|EE\d{9}|EL\d{9}|ES[A-Z0-9]\d{7}[A-Z0-9]|FI\d{8}|FR[A-Z0-9]{2}\d{9}|HR\d{11}|HU\d{8}|IE\d{7}[A-Z]{1,2}|IE\d[A-Z+*]\d{5}[A-Z]|IT\d{11}|LT(\d{9}|\d{12})|LU\d{8}|LV\d{11}|MT\d{8}|NL\d{9}B\d{2}|PL\d{10}|PT\d{9}|RO\d{2,10}|SE\d{12}|SI\d{8}|SK\d{10}|XI\d{9})$/;

/**
 * Value formats of the common types, checked against the value without whitespace and the
 * separators Stripe's examples show (`-` `.` `/`), upper-cased. Other types only need a
 * plausible identifier.
 */
const FORMATS: Record<string, RegExp> = {
  eu_vat: EU_VAT,
  gb_vat: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  us_ein: /^\d{9}$/,
  au_abn: /^\d{11}$/,
  au_arn: /^\d{12}$/,
  ca_bn: /^\d{9}$/,
  ca_gst_hst: /^\d{9}RT\d{4}$/,
  ca_qst: /^\d{10}TQ\d{4}$/,
  ch_vat: /^CHE\d{9}(MWST|TVA|IVA)$/,
  ch_uid: /^CHE\d{9}HR$/,
  li_uid: /^CHE\d{9}$/,
  no_vat: /^\d{9}MVA$/,
  in_gst: /^\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z]$/,
  jp_cn: /^\d{13}$/,
  jp_rn: /^\d{5}$/,
  jp_trn: /^T\d{13}$/,
  br_cnpj: /^\d{14}$/,
  br_cpf: /^\d{11}$/,
  mx_rfc: /^[A-Z&\u00d1]{3,4}\d{6}[A-Z0-9]{3}$/,
  nz_gst: /^\d{8,9}$/,
  sg_gst: /^([A-Z]\d{8}[A-Z]|\d{9}[A-Z]|[A-Z]{2}\d{7}[A-Z0-9])$/,
  za_vat: /^4\d{9}$/,
  kr_brn: /^\d{10}$/,
  eu_oss_vat: /^EU\d{9}$/,
  es_cif: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  il_vat: /^\d{9}$/,
  tw_vat: /^\d{8}$/,
  th_vat: /^\d{13}$/,
  ae_trn: /^\d{15}$/,
  sa_vat: /^\d{15}$/,
};

const FALLBACK = /^[A-Z0-9&\u00d1]{2,40}$/;

/** True when `value` has the format Stripe expects for `type`. */
export function isValidTaxId(type: string, value: string): boolean {
  const compact = value.replace(/[\s.\-/]/g, "").toUpperCase();
  return (FORMATS[type] ?? FALLBACK).test(compact);
}

/** The ISO country of a tax ID (EU VAT numbers carry it in their prefix). */
export function taxIdCountry(type: string, value: string): string {
  if (type === "eu_vat") {
    const prefix = value.slice(0, 2).toUpperCase();
    return prefix === "EL" ? "GR" : prefix === "XI" ? "GB" : prefix;
  }
  if (type === "eu_oss_vat") return "EU";
  return type.slice(0, 2).toUpperCase();
}

/** A tax ID object for a customer. */
export function buildTaxId(
  ctx: Ctx,
  customer: string,
  type: string,
  value: string,
  status: Stripe.TaxId.Verification.Status = "pending",
): Stripe.TaxId {
  const verifiable = type === "eu_vat" || type === "gb_vat" || type === "au_abn";
  return {
    id: ctx.state.ids.id("txi"),
    object: "tax_id",
    country: taxIdCountry(type, value),
    created: ctx.ts(),
    customer,
    customer_account: null,
    livemode: false,
    owner: { customer, customer_account: null, type: "customer" },
    type: type as Stripe.TaxId.Type,
    value,
    verification: {
      status: verifiable ? status : "unavailable",
      verified_address: null,
      verified_name: null,
    },
  };
}

/** Customer tax IDs: list, create (type and value validated), retrieve, delete. */
export function registerTaxIds(api: Api): void {
  api.get("/v1/customers/:id/tax_ids", (ctx, { id = "" }) => {
    checkParams(ctx.params, { limit: true, starting_after: true, ending_before: true });
    ctx.account.require("customer", id);
    const ids = ctx.account.all<Stripe.TaxId>("tax_id").filter((t) => t.customer === id);
    return paginate(ctx, ids, `/v1/customers/${id}/tax_ids`, "tax_id");
  });

  api.post("/v1/customers/:id/tax_ids", (ctx, { id = "" }) => {
    checkParams(ctx.params, { type: true, value: true });
    ctx.account.require("customer", id);
    const type = requireStr(ctx.params, "type");
    const value = requireStr(ctx.params, "value").trim();
    if (!TAX_ID_TYPES.includes(type)) {
      throw invalidParam("type", `Invalid value for type: must be one of ${TAX_ID_TYPES.join(", ")}`);
    }
    if (!isValidTaxId(type, value)) {
      throw invalidParam("value", `Invalid value for ${type}.`, "tax_id_invalid");
    }
    const existing = ctx.account.all<Stripe.TaxId>("tax_id").filter((t) => t.customer === id);
    if (existing.length >= 25) {
      throw invalidParam("value", "A customer can have at most 25 tax IDs.", "customer_max_tax_ids");
    }
    return ctx.account.put(buildTaxId(ctx, id, type, value));
  });

  api.get("/v1/customers/:id/tax_ids/:tid", (ctx, { id = "", tid = "" }) => {
    checkParams(ctx.params, {});
    ctx.account.require("customer", id);
    const taxId = ctx.account.get<Stripe.TaxId>("tax_id", tid);
    if (!taxId || taxId.customer !== id) throw resourceMissing("tax_id", tid);
    return taxId;
  });

  api.del("/v1/customers/:id/tax_ids/:tid", (ctx, { id = "", tid = "" }) => {
    checkParams(ctx.params, {});
    ctx.account.require("customer", id);
    const taxId = ctx.account.get<Stripe.TaxId>("tax_id", tid);
    if (!taxId || taxId.customer !== id) throw resourceMissing("tax_id", tid);
    ctx.account.delete(tid);
    return { id: tid, object: "tax_id", deleted: true };
  });
}
