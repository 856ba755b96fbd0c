/**
 * Published login pages. A configuration with `login_page.enabled` gets a random slug; its
 * shareable URL is `<origin>/p/login/<slug>`. The slug is the only thing a visitor brings, so
 * KV maps it back to the account and configuration it opens:
 * `login-page:v1:<slug>` → LoginPageTarget (no TTL; deleted when the page is disabled).
 */
import { randomToken } from "../lib/crypto";

const KEY_PREFIX = "login-page:v1:";
const SLUG_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** What a login page opens. */
export interface LoginPageTarget {
  /** The `Stripe-Account` of the configuration; null for the platform. */
  account: string | null;
  /** `bpc_…` */
  configuration: string;
}

/** A new unguessable slug (128 bits). */
export function newLoginSlug(): string {
  return randomToken(16);
}

/** The slug inside a login page URL made by this portal, or null. */
export function slugFromLoginUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const match = /^\/p\/login\/([^/]+)$/.exec(new URL(url).pathname);
    return match?.[1] && SLUG_PATTERN.test(match[1]) ? match[1] : null;
  } catch {
    return null;
  }
}

/** Makes a slug open the given configuration. */
export async function publishLoginPage(
  kv: KVNamespace,
  slug: string,
  target: LoginPageTarget,
): Promise<void> {
  await kv.put(KEY_PREFIX + slug, JSON.stringify(target));
}

/** Stops a slug from opening anything (its link is dead from now on). */
export async function withdrawLoginPage(kv: KVNamespace, slug: string): Promise<void> {
  await kv.delete(KEY_PREFIX + slug);
}

/** The configuration a slug opens, or null for an unknown or malformed slug. */
export async function findLoginPage(kv: KVNamespace, slug: string): Promise<LoginPageTarget | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  return kv.get<LoginPageTarget>(KEY_PREFIX + slug, "json");
}
