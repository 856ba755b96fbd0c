import type { Ctx } from "./context";
import { invalidRequest } from "./errors";
import type { StoredObject } from "./store";

type Includer = (obj: StoredObject, ctx: Ctx) => unknown;

/**
 * Fields that exist only when expanded ("includable"), e.g. `customer.tax_ids`, keyed by
 * object type then field. Resources register theirs at import time.
 */
const includables = new Map<string, Map<string, Includer>>();

/** Registers a field that Stripe returns only when it is named in `expand[]`. */
export function registerIncludable(type: string, field: string, include: Includer): void {
  let fields = includables.get(type);
  if (!fields) {
    fields = new Map();
    includables.set(type, fields);
  }
  fields.set(field, include);
}

/**
 * Applies `expand[]` paths (e.g. `customer`, `data.items.data.price.product`) to a response
 * that is already a private copy. Ids are replaced by copies of the objects they name, in the
 * request's account.
 */
export function applyExpand(ctx: Ctx, root: unknown, paths: string[]): unknown {
  for (const path of paths) {
    if (path.split(".").length > 5) {
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, {
        param: "expand",
      });
    }
    root = expandAt(ctx, root, path.split("."), path);
  }
  return root;
}

function expandAt(ctx: Ctx, node: unknown, segments: string[], path: string): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map((item) => expandAt(ctx, item, segments, path));
  const [head, ...rest] = segments;
  if (head === undefined) return node;
  const record = node as Record<string, unknown>;
  const type = typeof record.object === "string" ? record.object : "";
  const include = includables.get(type)?.get(head);
  let value: unknown;
  if (head in record) value = record[head];
  else if (include) value = include(node as StoredObject, ctx);
  else throw cannotExpand(path, head);
  value = resolve(ctx, value, rest.length === 0, path, head);
  record[head] = rest.length ? expandAt(ctx, value, rest, path) : value;
  return record;
}

const ID_PATTERN = /^[a-z]+(_[a-z]+)*_[A-Za-z0-9]+$/;

/** Replaces an id (or a list of ids) by the objects; at the last segment anything else is an error. */
function resolve(ctx: Ctx, value: unknown, last: boolean, path: string, field: string): unknown {
  if (typeof value === "string") {
    const found = ctx.account.getAny(value);
    if (found) return structuredClone(found);
    // An id of an object this account does not hold stays an id; any other string is a
    // plain field, which cannot be expanded.
    if (last && !ID_PATTERN.test(value)) throw cannotExpand(path, field);
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.map((id) => {
      const found = ctx.account.getAny(id);
      return found ? structuredClone(found) : id;
    });
  }
  if (value === null || !last) return value;
  if (typeof value === "object") return value; // already expanded (or includable result)
  throw cannotExpand(path, field);
}

function cannotExpand(path: string, field: string): Error {
  return invalidRequest(`This property cannot be expanded (${field}).`, { param: `expand[${path}]` });
}
