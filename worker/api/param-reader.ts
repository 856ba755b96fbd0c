import { invalidEnum, invalidParam, parameterInvalidEmpty, parameterMissing } from "./errors";
import type { RawParams } from "./request-params";

/**
 * Typed access to one level of decoded parameters. Every error names the parameter with its
 * full bracket path (`flow_data[subscription_update_confirm][items][0][price]`), as Stripe does.
 * Values come as strings from form bodies and as native JSON values from JSON bodies; both are
 * accepted. `""` means "unset" and is only allowed where the reader is told it is emptyable.
 */
export class ParamReader {
  readonly raw: RawParams;
  readonly prefix: string;

  constructor(raw: RawParams, prefix = "") {
    this.raw = raw;
    this.prefix = prefix;
  }

  /** The full bracket name of a key at this level. */
  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  /** Whether the key was sent at all (an empty string counts). */
  has(key: string): boolean {
    return Object.hasOwn(this.raw, key) && this.raw[key] !== undefined;
  }

  /** Whether the key was sent as `""` (an attempt to unset it). */
  isEmpty(key: string): boolean {
    return this.raw[key] === "";
  }

  /** A non-empty string, or undefined when absent. */
  string(key: string, options: { maxLength?: number } = {}): string | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === "") throw parameterInvalidEmpty(this.name(key));
    if (typeof value !== "string") throw invalidParam(this.name(key), `Invalid string: ${describe(value)}`);
    const max = options.maxLength ?? 5000;
    if (value.length > max) {
      throw invalidParam(
        this.name(key),
        `Invalid string: ${value.slice(0, 20)}...; must be at most ${max} characters`,
      );
    }
    return value;
  }

  /** Like `string`, but `""` returns null (unset). */
  emptyableString(key: string, options: { maxLength?: number } = {}): string | null | undefined {
    return this.isEmpty(key) ? null : this.string(key, options);
  }

  /** A required non-empty string. */
  requiredString(key: string, options: { maxLength?: number } = {}): string {
    if (!this.has(key)) throw parameterMissing(this.name(key));
    return this.string(key, options) as string;
  }

  /** An absolute http(s) URL. */
  url(key: string): string | undefined {
    const value = this.string(key, { maxLength: 5000 });
    if (value !== undefined && !isHttpUrl(value)) {
      throw invalidParam(this.name(key), "Not a valid URL", "url_invalid");
    }
    return value;
  }

  /** An absolute http(s) URL, or null for `""`. */
  emptyableUrl(key: string): string | null | undefined {
    return this.isEmpty(key) ? null : this.url(key);
  }

  /** `true`/`false` (strings from forms, booleans from JSON). */
  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    if (value === "") throw parameterInvalidEmpty(this.name(key));
    throw invalidParam(this.name(key), `Invalid boolean: ${describe(value)}`);
  }

  /** A required boolean. */
  requiredBoolean(key: string): boolean {
    if (!this.has(key)) throw parameterMissing(this.name(key));
    return this.boolean(key) as boolean;
  }

  /** A decimal integer within optional bounds. */
  integer(key: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === "") throw parameterInvalidEmpty(this.name(key));
    const parsed =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^-?\d+$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isSafeInteger(parsed)) {
      throw invalidParam(this.name(key), `Invalid integer: ${describe(value)}`, "parameter_invalid_integer");
    }
    if (bounds.min !== undefined && parsed < bounds.min) {
      throw invalidParam(this.name(key), `This value must be greater than or equal to ${bounds.min}.`);
    }
    if (bounds.max !== undefined && parsed > bounds.max) {
      throw invalidParam(this.name(key), `This value must be less than or equal to ${bounds.max}.`);
    }
    return parsed;
  }

  /** One of a fixed set of strings. */
  enumOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw invalidEnum(this.name(key), allowed);
    return value as T;
  }

  /** A nested hash; `""` is refused. */
  object(key: string): ParamReader | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === "") throw parameterInvalidEmpty(this.name(key));
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw invalidParam(this.name(key), `Invalid object`);
    }
    return new ParamReader(value as RawParams, this.name(key));
  }

  /** A required nested hash. */
  requiredObject(key: string): ParamReader {
    if (!this.has(key)) throw parameterMissing(this.name(key));
    return this.object(key) as ParamReader;
  }

  /**
   * An array, accepting both `a[]=x&a[]=y` / `a[0]=x` (qs gives an array) and a hash with
   * numeric keys (qs does that past its array limit). `""` returns null (unset) only when
   * `emptyable`.
   */
  array(key: string, options: { emptyable?: boolean; maxItems?: number } = {}): unknown[] | null | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw[key];
    if (value === "") {
      if (options.emptyable) return null;
      throw parameterInvalidEmpty(this.name(key));
    }
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (
      value !== null &&
      typeof value === "object" &&
      Object.keys(value).every((k) => /^\d+$/.test(k))
    ) {
      items = Object.entries(value as RawParams)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, item]) => item);
    } else throw invalidParam(this.name(key), `Invalid array`);
    if (options.maxItems !== undefined && items.length > options.maxItems) {
      throw invalidParam(
        this.name(key),
        `Invalid array: ${this.name(key)} must have at most ${options.maxItems} items.`,
      );
    }
    return items;
  }

  /** An array of nested hashes, each read with its index in the name. */
  objectArray(
    key: string,
    options: { emptyable?: boolean; maxItems?: number } = {},
  ): ParamReader[] | null | undefined {
    const items = this.array(key, options);
    if (!items) return items;
    const holder = new ParamReader(
      Object.fromEntries(items.map((item, i) => [String(i), item])),
      this.name(key),
    );
    return items.map((_, i) => holder.requiredObject(String(i)));
  }

  /** An array of strings from a fixed set (duplicates dropped). */
  enumArray<T extends string>(
    key: string,
    allowed: readonly T[],
    options: { emptyable?: boolean } = {},
  ): T[] | undefined {
    const items = this.array(key, options);
    if (items === undefined) return undefined;
    if (items === null) return [];
    const out: T[] = [];
    items.forEach((item, i) => {
      const name = `${this.name(key)}[${i}]`;
      if (typeof item !== "string" || !(allowed as readonly string[]).includes(item)) {
        throw invalidEnum(name, allowed);
      }
      if (!out.includes(item as T)) out.push(item as T);
    });
    return out;
  }

  /** An array of non-empty strings. */
  stringArray(
    key: string,
    options: { emptyable?: boolean; maxItems?: number } = {},
  ): string[] | null | undefined {
    const items = this.array(key, options);
    if (!items) return items;
    return items.map((item, i) => {
      const name = `${this.name(key)}[${i}]`;
      if (item === "") throw parameterInvalidEmpty(name);
      if (typeof item !== "string") throw invalidParam(name, `Invalid string: ${describe(item)}`);
      return item;
    });
  }
}

/** True for an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return value.slice(0, 40);
  try {
    return JSON.stringify(value)?.slice(0, 40) ?? String(value);
  } catch {
    return String(value);
  }
}
