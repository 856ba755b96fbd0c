import type { Ctx } from "./context";
import { invalidParam, resourceMissing } from "./errors";
import { int, str } from "./params";
import type { StoredObject } from "./store";

/** Stripe's list object. */
export interface ListObject<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Cursor pagination over `items` (already filtered and newest first) with Stripe's
 * `limit` (1–100, default 10), `starting_after` and `ending_before`.
 */
export function paginate<T extends StoredObject>(
  ctx: Ctx,
  items: T[],
  url: string,
  type: string,
): ListObject<T> {
  const limit = int(ctx.params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam(
      "limit",
      "This value must be greater than or equal to 1 and less than or equal to 100.",
    );
  }
  const after = str(ctx.params, "starting_after");
  const before = str(ctx.params, "ending_before");
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index < 0) throw resourceMissing(type, after, "starting_after");
    const rest = items.slice(index + 1);
    return { object: "list", data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (before) {
    const index = items.findIndex((item) => item.id === before);
    if (index < 0) throw resourceMissing(type, before, "ending_before");
    const newer = items.slice(0, index);
    const start = Math.max(0, newer.length - limit);
    return { object: "list", data: newer.slice(start), has_more: start > 0, url };
  }
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url };
}

/** A complete (unpaginated) list, for embedded lists such as `items` and `lines`. */
export function fullList<T>(data: T[], url: string): ListObject<T> {
  return { object: "list", data, has_more: false, url };
}
