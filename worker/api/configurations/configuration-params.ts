/**
 * Parameters of `POST /v1/billing_portal/configurations[/{id}]`, merged into a configuration
 * (Stripe's API defaults on create, the stored one on update). Pure: prices are checked
 * against Stripe separately (`product-prices.ts`).
 */
import type { Branding } from "../../store/configuration-types";
import type { ConfigurationFields } from "../../store/default-configuration";
import { invalidParam, parameterMissing } from "../errors";
import { ParamReader } from "../param-reader";
import { type ParamSpec, type RawParams, rejectUnknownParams } from "../request-params";
import { applyFeatures, type WriteMode } from "./features-params";

const FEATURES_SPEC: ParamSpec = {
  customer_update: { enabled: true, allowed_updates: [true] },
  invoice_history: { enabled: true },
  payment_method_update: { enabled: true, payment_method_configuration: true },
  subscription_cancel: {
    enabled: true,
    mode: true,
    proration_behavior: true,
    cancellation_reason: { enabled: true, options: [true], feedback_options: [true] },
  },
  subscription_pause: {
    enabled: true,
    duration: { type: true, interval_options: [{ interval: true, interval_count: true }] },
  },
  subscription_update: {
    enabled: true,
    default_allowed_updates: [true],
    products: [
      { product: true, prices: [true], adjustable_quantity: { enabled: true, minimum: true, maximum: true } },
    ],
    proration_behavior: true,
    billing_cycle_anchor: true,
    schedule_at_period_end: { conditions: [{ type: true }] },
    trial_update_behavior: true,
  },
};

const BRANDING_SPEC: ParamSpec = {
  logo_url: true,
  icon_url: true,
  primary_color: true,
  background_color: true,
  font_family: true,
  corner_radius: true,
};

/** Create parameters (no `active`, no `is_default`: Stripe rejects both on create). */
export const CREATE_PARAMS: { readonly [key: string]: ParamSpec } = {
  features: FEATURES_SPEC,
  business_profile: { headline: true, privacy_policy_url: true, terms_of_service_url: true },
  default_return_url: true,
  login_page: { enabled: true },
  metadata: "map",
  name: true,
  branding: BRANDING_SPEC,
  expand: [true],
};

/** Update parameters: the create ones plus `active`. */
export const UPDATE_PARAMS: { readonly [key: string]: ParamSpec } = { ...CREATE_PARAMS, active: true };

const FONT_FAMILIES = ["system", "serif", "rounded", "monospace"] as const;
const CORNER_RADII = ["none", "small", "medium", "large"] as const;
const MAX_METADATA_KEYS = 50;

function keep<T>(value: T | undefined, current: T): T {
  return value === undefined ? current : value;
}

/**
 * Merges the request into `current`. Returns the new fields and whether
 * `features[subscription_update][products]` was sent (its prices then need checking).
 */
export function applyConfigurationParams(
  current: ConfigurationFields,
  raw: RawParams,
  mode: WriteMode,
): { fields: ConfigurationFields; productsSent: boolean } {
  rejectUnknownParams(raw, mode === "create" ? CREATE_PARAMS : UPDATE_PARAMS);
  const p = new ParamReader(raw);
  if (mode === "create" && !p.has("features")) throw parameterMissing("features");
  const next = structuredClone(current);

  const bp = p.object("business_profile");
  if (bp) {
    const url = (key: string) => (mode === "create" ? bp.url(key) : bp.emptyableUrl(key));
    next.business_profile = {
      headline: keep(bp.emptyableString("headline", { maxLength: 60 }), current.business_profile.headline),
      privacy_policy_url: keep(url("privacy_policy_url"), current.business_profile.privacy_policy_url),
      terms_of_service_url: keep(url("terms_of_service_url"), current.business_profile.terms_of_service_url),
    };
  }
  next.default_return_url = keep(p.emptyableUrl("default_return_url"), current.default_return_url);
  next.name = keep(p.emptyableString("name", { maxLength: 256 }), current.name);

  const login = p.object("login_page");
  // Only the switch is written here; the route mints or withdraws the page's URL (login-page.ts).
  if (login) next.login_page = { enabled: login.requiredBoolean("enabled"), url: current.login_page.url };
  if (mode === "update") next.active = keep(p.boolean("active"), current.active);
  next.metadata = applyMetadata(current.metadata ?? {}, p);

  const branding = p.object("branding");
  if (branding) next.branding = applyBranding(current.branding, branding);

  const features = p.object("features");
  let productsSent = false;
  if (features) {
    const applied = applyFeatures(current.features, features, mode);
    next.features = applied.features;
    productsSent = applied.productsSent;
  }
  return { fields: next, productsSent };
}

function applyMetadata(current: Record<string, string>, p: ParamReader): Record<string, string> {
  if (!p.has("metadata")) return current;
  if (p.isEmpty("metadata")) return {};
  const value = p.raw.metadata;
  // qs turns all-numeric keys (`metadata[0]=x`) into an array; treat indexes as keys.
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(p.object("metadata")?.raw ?? {});
  const next = { ...current };
  for (const [key, v] of entries) {
    const name = `metadata[${key}]`;
    if (key.length > 40 || /[[\]]/.test(key)) {
      throw invalidParam(
        name,
        "Metadata keys must be at most 40 characters long and cannot contain '[' or ']'.",
      );
    }
    if (v === "" || v === null) {
      delete next[key];
      continue;
    }
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      throw invalidParam(name, "Metadata values must be strings.");
    }
    const text = String(v);
    if (text.length > 500) throw invalidParam(name, "Metadata values must be at most 500 characters long.");
    next[key] = text;
  }
  if (Object.keys(next).length > MAX_METADATA_KEYS) {
    throw invalidParam("metadata", `You can have at most ${MAX_METADATA_KEYS} metadata keys.`);
  }
  return next;
}

function httpsUrl(b: ParamReader, key: string): string | null | undefined {
  const value = b.emptyableUrl(key);
  if (value && new URL(value).protocol !== "https:") {
    throw invalidParam(b.name(key), "Branding URLs must use https.", "url_invalid");
  }
  return value;
}

function color(b: ParamReader, key: string): string | null | undefined {
  const value = b.emptyableString(key);
  if (value && !/^#[0-9a-fA-F]{6}$/.test(value)) {
    throw invalidParam(b.name(key), `Invalid ${b.name(key)}: must be a hex colour like #1a2b3c.`);
  }
  return value ? value.toLowerCase() : value;
}

function enumOrNull<T extends string>(
  b: ParamReader,
  key: string,
  allowed: readonly T[],
): T | null | undefined {
  return b.isEmpty(key) ? null : b.enumOf(key, allowed);
}

/** The `branding` extension (not part of Stripe's object): https URLs, `#rrggbb`, fixed enums. */
function applyBranding(current: Branding, b: ParamReader): Branding {
  return {
    logo_url: keep(httpsUrl(b, "logo_url"), current.logo_url),
    icon_url: keep(httpsUrl(b, "icon_url"), current.icon_url),
    primary_color: keep(color(b, "primary_color"), current.primary_color),
    background_color: keep(color(b, "background_color"), current.background_color),
    font_family: keep(enumOrNull(b, "font_family", FONT_FAMILIES), current.font_family),
    corner_radius: keep(enumOrNull(b, "corner_radius", CORNER_RADII), current.corner_radius),
  };
}
