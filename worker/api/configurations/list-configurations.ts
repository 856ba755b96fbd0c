import { getConfiguration, getConfigurationIndex } from "../../store/configuration-store";
import type { PortalConfiguration } from "../../store/configuration-types";
import { invalidParam, resourceMissing } from "../errors";
import { ParamReader } from "../param-reader";
import { type RawParams, rejectUnknownParams } from "../request-params";
import {
  type ApiConfiguration,
  checkExpansions,
  PRODUCTS_EXPANSION,
  toApiConfiguration,
} from "./configuration-object";

/** Stripe's list object. */
export interface ConfigurationList {
  object: "list";
  data: ApiConfiguration[];
  has_more: boolean;
  url: "/v1/billing_portal/configurations";
}

/** Picks one page from a newest-first list, Stripe style (cursors are object ids). */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  options: { limit: number; startingAfter?: string; endingBefore?: string },
): { page: T[]; hasMore: boolean } | { missingCursor: string } {
  if (options.startingAfter !== undefined) {
    const at = items.findIndex((i) => i.id === options.startingAfter);
    if (at < 0) return { missingCursor: options.startingAfter };
    const rest = items.slice(at + 1);
    return { page: rest.slice(0, options.limit), hasMore: rest.length > options.limit };
  }
  if (options.endingBefore !== undefined) {
    const at = items.findIndex((i) => i.id === options.endingBefore);
    if (at < 0) return { missingCursor: options.endingBefore };
    const before = items.slice(0, at);
    return { page: before.slice(-options.limit), hasMore: before.length > options.limit };
  }
  return { page: items.slice(0, options.limit), hasMore: items.length > options.limit };
}

/** `GET /v1/billing_portal/configurations` for one account: filters, pagination, expand. */
export async function listConfigurations(
  kv: KVNamespace,
  account: string | null,
  raw: RawParams,
): Promise<ConfigurationList> {
  rejectUnknownParams(raw, {
    active: true,
    is_default: true,
    limit: true,
    starting_after: true,
    ending_before: true,
    expand: [true],
  });
  const p = new ParamReader(raw);
  const active = p.boolean("active");
  const isDefault = p.boolean("is_default");
  const limit = p.integer("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = p.string("starting_after");
  const endingBefore = p.string("ending_before");
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalidParam(
      "ending_before",
      "You may only specify one of these parameters: starting_after, ending_before.",
      "parameters_exclusive",
    );
  }
  const expand = checkExpansions(p.stringArray("expand") ?? [], [`data.${PRODUCTS_EXPANSION}`]);

  const index = await getConfigurationIndex(kv, account);
  // The index is oldest first; lists are newest first. One parallel wave of reads.
  const stored = await Promise.all([...index.ids].reverse().map((id) => getConfiguration(kv, account, id)));
  const all = stored.filter((c): c is PortalConfiguration => c !== null);
  const cursor = startingAfter ?? endingBefore;
  if (cursor !== undefined && !all.some((c) => c.id === cursor)) {
    throw resourceMissing(
      "billing_portal.configuration",
      cursor,
      startingAfter ? "starting_after" : "ending_before",
    );
  }
  // The cursor stays in the list even when the filters exclude it, so the page starts at its
  // position; the page itself never contains the cursor.
  const matching = all.filter(
    (c) =>
      c.id === cursor ||
      ((active === undefined || c.active === active) &&
        (isDefault === undefined || c.is_default === isDefault)),
  );
  const result = paginate(matching, { limit, startingAfter, endingBefore });
  if ("missingCursor" in result) throw resourceMissing("billing_portal.configuration", result.missingCursor);
  return {
    object: "list",
    data: result.page.map((c) => toApiConfiguration(c, expand.has(`data.${PRODUCTS_EXPANSION}`))),
    has_more: result.hasMore,
    url: "/v1/billing_portal/configurations",
  };
}
