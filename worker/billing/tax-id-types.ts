/**
 * Stripe's customer tax ID types (the `type` enum of `POST /v1/customers/{id}/tax_ids` in
 * stripe-node v23) with a format check and an example per type, so an obviously malformed
 * value gets a translated message before Stripe is called. The checks accept Stripe's
 * documented example for each type and the usual separators; they are a first filter only,
 * Stripe's own validation still runs after.
 */

const D = (n: number) => `\\d{${n}}`;

/** EU VAT numbers per member-state prefix (XI: Northern Ireland). */
const EU_VAT = [
  "ATU\\d{8}",
  "BE[01]\\d{9}",
  "BG\\d{9,10}",
  "CY\\d{8}[A-Z]",
  "CZ\\d{8,10}",
  "DE\\d{9}",
  "DK\\d{8}",
  "EE\\d{9}",
  "EL\\d{9}",
  "ES[A-Z0-9]\\d{7}[A-Z0-9]",
  "FI\\d{8}",
  "FR[A-Z0-9]{2}\\d{9}",
  "HR\\d{11}",
  "HU\\d{8}",
  "IE\\d{7}[A-W][A-I]?",
  "IE\\d[A-Z+*]\\d{5}[A-W]",
  "IT\\d{11}",
  "LT(?:\\d{9}|\\d{12})",
  "LU\\d{8}",
  "LV\\d{11}",
  "MT\\d{8}",
  "NL\\d{9}B\\d{2}",
  "PL\\d{10}",
  "PT\\d{9}",
  "RO\\d{2,10}",
  "SE\\d{12}",
  "SI\\d{8}",
  "SK\\d{10}",
  "XI(?:\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})",
].join("|");

/**
 * Per type: the pattern matched against the value with whitespace removed and upper-cased
 * (separators Stripe's examples show, `-` `.` `/`, are optional), and an example to show the
 * customer. Types Stripe added without a published example carry the national format.
 */
const FORMATS = {
  ad_nrt: ["[A-Z]-?\\d{6}-?[A-Z]", "A-123456-Z"],
  ae_trn: [D(15), "123456789012345"],
  al_tin: ["[A-Z]\\d{8}[A-Z]", "J12345678N"],
  am_tin: [D(8), "02538904"],
  ao_tin: [D(10), "5123456789"],
  ar_cuit: ["\\d{2}-?\\d{7,8}-?\\d{1,2}", "12-3456789-01"],
  au_abn: [D(11), "12345678912"],
  au_acn: [D(9), "123456789"],
  au_arn: [D(12), "123456789123"],
  au_wpn: ["\\d{9,11}", "123456789"],
  aw_tin: [D(8), "12345678"],
  az_tin: [D(10), "0123456789"],
  ba_tin: [D(12), "123456789012"],
  bb_tin: [D(13), "1123456789012"],
  bd_bin: ["\\d{9}-?\\d{4}", "123456789-0123"],
  bf_ifu: ["\\d{8}[A-Z]", "12345678A"],
  bg_uic: ["\\d{9}(?:\\d{4})?", "123456789"],
  bh_vat: [D(15), "123456789012345"],
  bj_ifu: [D(13), "1234567890123"],
  bo_tin: ["\\d{7,12}", "123456789"],
  br_cnpj: ["\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}", "01.234.456/5432-10"],
  br_cpf: ["\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}", "123.456.789-87"],
  bs_tin: ["\\d{3}\\.?\\d{3}\\.?\\d{3}", "123.456.789"],
  bw_vat: ["[A-Z]?\\d{9,12}", "C01234567890"],
  by_tin: [D(9), "123456789"],
  ca_bn: [D(9), "123456789"],
  ca_gst_hst: ["\\d{9}RT\\d{4}", "123456789RT0002"],
  ca_pst_bc: ["PST-?\\d{4}-?\\d{4}", "PST-1234-5678"],
  ca_pst_mb: ["\\d{6}-?\\d", "123456-7"],
  ca_pst_sk: ["\\d{7}", "1234567"],
  ca_qst: ["\\d{10}TQ\\d{4}", "1234567890TQ1234"],
  cd_nif: ["[A-Z]\\d{7}[A-Z]", "A0123456M"],
  ch_uid: ["CHE-?\\d{3}\\.?\\d{3}\\.?\\d{3}HR", "CHE-123.456.789 HR"],
  ch_vat: ["CHE-?\\d{3}\\.?\\d{3}\\.?\\d{3}(?:MWST|TVA|IVA)", "CHE-123.456.789 MWST"],
  ci_vat: ["\\d{7}[A-Z]", "1234567A"],
  cl_tin: ["\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[\\dK]", "12.345.678-K"],
  cm_niu: ["[A-Z]\\d{12}[A-Z]", "M123456789000L"],
  cn_tin: ["[0-9A-Z]{15}(?:[0-9A-Z]{3})?", "123456789012345678"],
  co_nit: ["\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d", "123.456.789-0"],
  cr_tin: ["\\d-?\\d{3}-?\\d{6}", "1-234-567890"],
  cv_nif: [D(9), "213456789"],
  cz_dic: ["(?:CZ)?\\d{8,10}", "CZ12345678"],
  de_stn: ["\\d{10,13}|\\d{2,3}/\\d{3,4}/\\d{4,5}", "1234567890"],
  do_rcn: ["\\d{3}-?\\d{7}-?\\d|\\d{9}", "123-4567890-1"],
  ec_ruc: [D(13), "1234567890001"],
  eg_tin: [D(9), "123456789"],
  es_cif: ["[A-Z0-9]\\d{7}[A-Z0-9]", "A12345678"],
  et_tin: [D(10), "1234567890"],
  eu_oss_vat: ["EU\\d{9}", "EU123456789"],
  eu_vat: [EU_VAT, "DE123456789"],
  fo_vat: [D(6), "123456"],
  fr_siren: [D(9), "123456789"],
  fr_siret: [D(14), "12345678901234"],
  fr_spi: ["[0-3]\\d{12}", "1234567890123"],
  gb_vat: ["GB(?:\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})", "GB123456789"],
  ge_vat: [D(9), "123456789"],
  gh_tin: ["[A-Z]\\d{10}", "C0123456789"],
  gi_tin: ["\\d{5,9}", "12345"],
  gn_nif: [D(9), "123456789"],
  hk_br: ["\\d{8}(?:-?\\d{3}-?\\d{2}-?\\d{2}-?\\d)?", "12345678"],
  hr_oib: [D(11), "12345678901"],
  hu_tin: ["\\d{8}-?\\d-?\\d{2}", "12345678-1-23"],
  ic_nif: ["[A-Z0-9]\\d{7}[A-Z0-9]", "A12345678"],
  id_npwp: ["\\d{3}\\.?\\d{3}\\.?\\d{3}\\.?\\d-?\\d{3}\\.?\\d{3}|\\d{16}", "012.345.678.9-012.345"],
  il_vat: [D(9), "000012345"],
  in_gst: ["\\d{2}[A-Z]{5}\\d{4}[A-Z][A-Z0-9]Z[A-Z0-9]", "12ABCDE3456FGZH"],
  is_kt: ["\\d{6}-?\\d{4}", "123456-7890"],
  is_vat: ["\\d{5,6}", "123456"],
  it_cf: ["[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]|\\d{11}", "RSSMRA85T10A562S"],
  jp_cn: [D(13), "1234567891234"],
  jp_rn: [D(5), "12345"],
  jp_trn: ["T\\d{13}", "T1234567891234"],
  ke_pin: ["P\\d{9}[A-Z]", "P000111111A"],
  kg_tin: [D(14), "12345678901234"],
  kh_tin: ["\\d{4}-?\\d{9}", "1001-123456789"],
  kr_brn: ["\\d{3}-?\\d{2}-?\\d{5}", "123-45-67890"],
  kz_bin: [D(12), "123456789012"],
  la_tin: ["\\d{9}-?\\d{3}", "123456789-000"],
  li_uid: ["CHE\\d{9}", "CHE123456789"],
  li_vat: [D(5), "12345"],
  lk_vat: ["\\d{9}-?\\d{4}", "123456789-1234"],
  ma_vat: [D(8), "12345678"],
  md_cf: [D(13), "1234567890123"],
  md_vat: [D(7), "1234567"],
  me_pib: [D(8), "12345678"],
  mk_vat: ["MK\\d{13}", "MK1234567890123"],
  mr_nif: [D(8), "12345678"],
  mu_vat: ["(?:VAT)?\\d{8}", "12345678"],
  mx_rfc: ["[A-Z&Ñ]{3,4}\\d{6}[A-Z0-9]{3}", "ABC010203AB9"],
  my_frp: [D(8), "12345678"],
  my_itn: ["[A-Z]{1,2}\\d{10}", "C 1234567890"],
  my_sst: ["[A-Z]\\d{2}-?\\d{4}-?\\d{8}", "A12-3456-78912345"],
  mz_nuit: [D(9), "123456789"],
  ng_tin: ["\\d{8}-?\\d{4}", "12345678-0001"],
  no_vat: ["\\d{9}MVA", "123456789MVA"],
  no_voec: [D(7), "1234567"],
  np_pan: [D(9), "123456789"],
  nz_bn: [D(13), "1234567890123"],
  nz_gst: ["\\d{8,9}|\\d{2,3}-\\d{3}-\\d{3}", "123456789"],
  om_vat: ["OM\\d{10}", "OM1234567890"],
  pe_ruc: [D(11), "12345678901"],
  ph_tin: ["\\d{12}|\\d{3}-\\d{3}-\\d{3}-\\d{3}", "123456789012"],
  pl_nip: [D(10), "1234567890"],
  pt_nif: [D(9), "123456789"],
  py_ruc: ["\\d{6,8}-?\\d", "12345678-9"],
  ro_tin: [D(13), "1234567890123"],
  rs_pib: [D(9), "123456789"],
  ru_inn: ["\\d{10}|\\d{12}", "1234567891"],
  ru_kpp: [D(9), "123456789"],
  sa_vat: [D(15), "123456789012345"],
  sg_gst: ["[A-Z]\\d{8}[A-Z]|\\d{9}[A-Z]|[A-Z]{2}-?\\d{7}-?[A-Z0-9]", "M12345678X"],
  sg_uen: ["\\d{8,9}[A-Z]|[ST]\\d{2}[A-Z]{2}\\d{4}[A-Z]", "123456789F"],
  si_tin: [D(8), "12345678"],
  sm_coe: ["\\d{4,6}", "12345"],
  sn_ninea: ["\\d{7}[A-Z0-9]{2,3}", "12345672A2"],
  sr_fin: [D(10), "1234567890"],
  sv_nit: ["\\d{4}-?\\d{6}-?\\d{3}-?\\d", "1234-567890-123-4"],
  th_vat: [D(13), "1234567891234"],
  tj_tin: [D(9), "123456789"],
  tr_tin: [D(10), "0123456789"],
  tt_bir: ["\\d{9,10}", "123456789"],
  tt_vat: ["\\d{6,10}", "123456789"],
  tw_vat: [D(8), "12345678"],
  tz_vat: ["\\d{8}[A-Z]", "12345678A"],
  ua_vat: ["\\d{9,12}", "123456789"],
  ug_tin: [D(10), "1014751879"],
  us_ein: ["\\d{2}-?\\d{7}", "12-3456789"],
  uy_ruc: [D(12), "123456789012"],
  uz_tin: [D(9), "123456789"],
  uz_vat: [D(12), "123456789012"],
  ve_rif: ["[A-Z]-?\\d{8}-?\\d", "A-12345678-9"],
  vn_tin: ["\\d{10}(?:-?\\d{3})?", "1234567890"],
  za_vat: ["4\\d{9}", "4123456789"],
  zm_tin: [D(10), "1004751879"],
  zw_tin: [D(10), "1234567890"],
} as const satisfies Record<string, readonly [string, string]>;

/** A tax ID type the customer may add. */
export type TaxIdType = keyof typeof FORMATS;

/** Every type the customer may choose from, in Stripe's (alphabetical) order. */
export const TAX_ID_TYPES = Object.keys(FORMATS) as TaxIdType[];

const COMPILED = new Map<string, RegExp>(
  TAX_ID_TYPES.map((type) => [type, new RegExp(`^(?:${FORMATS[type][0]})$`)]),
);

/** Narrows user input (a form field) to a known tax ID type. */
export function isTaxIdType(value: string): value is TaxIdType {
  return COMPILED.has(value);
}

/** An example value of a type, shown as a hint and in the error message. */
export function taxIdExample(type: TaxIdType): string {
  return FORMATS[type][1];
}

/** The form the format check reads: no whitespace, upper case. */
export function normalizeTaxIdValue(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** Why a (type, value) pair was refused before reaching Stripe. */
export type TaxIdProblem = "type_unknown" | "value_missing" | "value_too_long" | "format_invalid";

/** Longest value accepted; no documented format comes close. */
const MAX_LENGTH = 40;

/**
 * Checks a tax ID the customer typed. Returns null when it may be sent to Stripe, else the
 * reason to show.
 */
export function checkTaxId(type: string, value: string): TaxIdProblem | null {
  const pattern = COMPILED.get(type);
  if (!pattern) return "type_unknown";
  const normalized = normalizeTaxIdValue(value);
  if (normalized === "") return "value_missing";
  if (normalized.length > MAX_LENGTH) return "value_too_long";
  return pattern.test(normalized) ? null : "format_invalid";
}
