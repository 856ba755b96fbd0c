import qs from "qs";
import { ApiError, invalidParam, parameterUnknown } from "./errors";

/** Decoded request parameters: strings, booleans, numbers, nested objects and arrays. */
export type RawParams = Record<string, unknown>;

/** Largest request body the API reads; Stripe's own requests are far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

// depth/arrayLimit cover the deepest portal parameter (products[9][prices][n]) with room to
// spare; parameterLimit bounds the work a hostile body can cause.
const QS_OPTIONS = { depth: 8, arrayLimit: 100, parameterLimit: 2000, allowPrototypes: false } as const;

function tooLarge(): ApiError {
  return new ApiError(413, {
    type: "invalid_request_error",
    message: `Request body too large: the limit is ${MAX_BODY_BYTES} bytes.`,
  });
}

/** Decodes a bracket-notation query string or form body (`a[b][0]=x`). */
export function decodeForm(text: string): RawParams {
  return qs.parse(text, QS_OPTIONS) as RawParams;
}

/**
 * Reads the request's parameters: the query string for GET, the body for POST (form-encoded
 * as Stripe's SDKs send it, or JSON). Bodies over MAX_BODY_BYTES are refused with 413 before
 * they are parsed.
 */
export async function readRequestParams(request: Request): Promise<RawParams> {
  if (request.method === "GET" || request.method === "HEAD") {
    const search = new URL(request.url).search;
    return decodeForm(search.startsWith("?") ? search.slice(1) : search);
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCappedText(request);
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    if (text.trim() === "") return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidParam(undefined, "Invalid JSON body: the request body could not be parsed as JSON.");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw invalidParam(undefined, "Invalid JSON body: the request body must be a JSON object.");
    }
    return parsed as RawParams;
  }
  return decodeForm(text);
}

/** Reads the body as text, stopping as soon as it passes the limit (no Content-Length needed). */
async function readCappedText(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Shape of the parameters an endpoint accepts: `true` is a leaf, an object a nested hash,
 * `[spec]` an array of `spec`, and `"map"` a hash with free keys (metadata).
 */
export type ParamSpec = true | "map" | { readonly [key: string]: ParamSpec } | readonly [ParamSpec];

/** Rejects the first parameter `spec` does not know, naming it as Stripe does. */
export function rejectUnknownParams(params: RawParams, spec: { readonly [key: string]: ParamSpec }): void {
  walk(params, spec, "");
}

function walk(value: unknown, spec: ParamSpec, path: string): void {
  if (spec === true || spec === "map" || value === null || typeof value !== "object") return;
  if (Array.isArray(spec)) {
    const inner = spec[0] as ParamSpec;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : Object.entries(value as object);
    for (const [index, item] of entries) walk(item, inner, `${path}[${index}]`);
    return;
  }
  const fields = spec as { readonly [key: string]: ParamSpec };
  for (const [key, item] of Object.entries(value as object)) {
    const name = path ? `${path}[${key}]` : key;
    const inner = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (inner === undefined) throw parameterUnknown(name);
    walk(item, inner, name);
  }
}
