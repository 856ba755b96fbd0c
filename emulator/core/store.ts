import { resourceMissing } from "./errors";
import { IdGenerator } from "./random";

/** Anything the emulator stores: a Stripe object with an id and an `object` type. */
export interface StoredObject {
  id: string;
  object: string;
}

interface Entry {
  obj: StoredObject;
  /** Insertion order, to sort objects created in the same second. */
  seq: number;
}

/** A stored idempotent result. */
export interface IdempotencyRecord {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * All objects of one account (the platform or one connected account). Ids are unique across
 * the whole emulator, but an object is only visible through the account that owns it.
 */
export class AccountData {
  private readonly objects = new Map<string, Entry>();
  private readonly byType = new Map<string, Set<string>>();
  private seq = 0;
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Data Stripe keeps but only shows on request (e.g. a coupon's includable `applies_to`). */
  readonly hidden = new Map<string, unknown>();

  /** @param id the `acct_…` id of this account (the platform has one too). */
  constructor(
    readonly id: string,
    readonly isPlatform: boolean,
  ) {}

  /** Stores (or replaces) an object. */
  put<T extends StoredObject>(obj: T): T {
    const existing = this.objects.get(obj.id);
    this.objects.set(obj.id, { obj, seq: existing?.seq ?? this.seq++ });
    let ids = this.byType.get(obj.object);
    if (!ids) {
      ids = new Set();
      this.byType.set(obj.object, ids);
    }
    ids.add(obj.id);
    return obj;
  }

  /** The object with this id and type, or undefined. */
  get<T extends StoredObject>(type: string, id: string): T | undefined {
    const entry = this.objects.get(id);
    return entry && entry.obj.object === type ? (entry.obj as T) : undefined;
  }

  /** Any object by id, whatever its type (used by expand). */
  getAny(id: string): StoredObject | undefined {
    return this.objects.get(id)?.obj;
  }

  /** The object, or a 404 `resource_missing` naming `param`. */
  require<T extends StoredObject>(type: string, id: string, param?: string): T {
    const found = this.get<T>(type, id);
    if (!found) throw resourceMissing(type, id, param);
    return found;
  }

  delete(id: string): void {
    const entry = this.objects.get(id);
    if (!entry) return;
    this.objects.delete(id);
    this.byType.get(entry.obj.object)?.delete(id);
  }

  /** Every object of a type, newest first (by `created`, then insertion order). */
  all<T extends StoredObject>(type: string): T[] {
    const ids = this.byType.get(type);
    if (!ids) return [];
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.objects.get(id);
      if (entry) entries.push(entry);
    }
    entries.sort((a, b) => createdOf(b.obj) - createdOf(a.obj) || b.seq - a.seq);
    return entries.map((e) => e.obj as T);
  }
}

function createdOf(obj: StoredObject): number {
  const created = (obj as { created?: unknown }).created;
  return typeof created === "number" ? created : 0;
}

/** The whole emulator state: accounts and the id source. */
export class State {
  readonly accounts = new Map<string, AccountData>();
  readonly ids = new IdGenerator();
  readonly platform: AccountData;

  constructor(platformId: string) {
    this.platform = new AccountData(platformId, true);
    this.accounts.set(platformId, this.platform);
  }

  /** Adds a connected account's data space. */
  addAccount(id: string): AccountData {
    const data = new AccountData(id, false);
    this.accounts.set(id, data);
    return data;
  }

  /** Finds an object in whichever account owns it (hosted pages address objects by id only). */
  findAnywhere<T extends StoredObject>(type: string, id: string): { account: AccountData; obj: T } | null {
    for (const account of this.accounts.values()) {
      const obj = account.get<T>(type, id);
      if (obj) return { account, obj };
    }
    return null;
  }
}
