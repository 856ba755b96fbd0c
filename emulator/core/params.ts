import { invalidParam, parameterMissing, parameterUnknown } from "./errors";

/** Decoded request parameters (qs output: strings, nested objects and arrays). */
export type Params = Record<string, unknown>;

/**
 * Shape of the parameters an endpoint accepts, for `parameter_unknown` errors:
 * `true` is a leaf (any value), an object is a nested hash, `[spec]` is an array of `spec`,
 * and `"map"` is a hash with free keys (metadata).
 */
export type Spec = true | "map" | { [key: string]: Spec } | [Spec];

/** Throws `parameter_unknown` for the first parameter that `spec` does not allow. */
export function checkParams(params: Params, spec: { [key: string]: Spec }): void {
  walk(params, { expand: true, ...spec }, "");
}

function walk(value: unknown, spec: Spec, path: string): void {
  if (spec === true || spec === "map" || value === "" || value === null || typeof value !== "object") return;
  if (Array.isArray(spec)) {
    const inner = spec[0];
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value as object);
    for (const [index, item] of entries) walk(item, inner, `${path}[${index}]`);
    return;
  }
  for (const [key, item] of Object.entries(value as object)) {
    const name = path ? `${path}[${key}]` : key;
    const inner = spec[key];
    if (inner === undefined) throw parameterUnknown(name);
    walk(item, inner, name);
  }
}

/** Common nested specs. */
export const addressSpec: Spec = {
  city: true,
  country: true,
  line1: true,
  line2: true,
  postal_code: true,
  state: true,
};

/** A string parameter, or undefined when absent. */
export function str(params: Params, key: string, name = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidParam(name, `Invalid string: ${JSON.stringify(value)}`);
  return value;
}

/** A required non-empty string parameter. */
export function requireStr(params: Params, key: string, name = key): string {
  const value = str(params, key, name);
  if (value === undefined || value === "") throw parameterMissing(name);
  return value;
}

/** An integer parameter. */
export function int(params: Params, key: string, name = key): number | undefined {
  const value = str(params, key, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) {
    throw invalidParam(name, `Invalid integer: ${value}`, "parameter_invalid_integer");
  }
  return Number(value);
}

/** A boolean parameter ("true" / "false"). */
export function bool(params: Params, key: string, name = key): boolean | undefined {
  const value = str(params, key, name);
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidParam(name, `Invalid boolean: ${value}`);
}

/** An enum parameter, with Stripe's "Invalid x: must be one of …" error. */
export function oneOf<T extends string>(
  params: Params,
  key: string,
  values: readonly T[],
  name = key,
): T | undefined {
  const value = str(params, key, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParam(name, `Invalid ${name}: must be one of ${values.join(", ")}`);
  }
  return value as T;
}

/** A nested hash parameter (undefined when absent, null when sent as "" to clear). */
export function hash(params: Params, key: string, name = key): Params | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === "") return null;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidParam(name, `Invalid object`);
  }
  return value as Params;
}

/** An array-of-hashes parameter (`items[0][price]=…`); "" gives an empty array. */
export function hashList(params: Params, key: string, name = key): Params[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === "") return [];
  if (typeof value !== "object" || value === null) throw invalidParam(name, `Invalid array`);
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.map((item) => {
    if (typeof item !== "object" || item === null) throw invalidParam(name, `Invalid array`);
    return item as Params;
  });
}

/** An array-of-strings parameter (`expand[]=a&expand[]=b`). */
export function strList(params: Params, key: string, name = key): string[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === "") return [];
  if (typeof value === "string") return [value];
  const items = Array.isArray(value) ? value : Object.values(value as object);
  return items.map((item) => {
    if (typeof item !== "string") throw invalidParam(name, `Invalid array`);
    return item;
  });
}

/**
 * Applies a `metadata` update the way Stripe does: keys set to "" are removed, and
 * `metadata=""` clears everything.
 */
export function mergeMetadata(current: Record<string, string>, params: Params): Record<string, string> {
  const update = params.metadata;
  if (update === undefined) return current;
  if (update === "") return {};
  if (typeof update !== "object" || update === null) throw invalidParam("metadata", "Invalid hash");
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete next[key];
    else next[key] = String(value);
  }
  return next;
}
