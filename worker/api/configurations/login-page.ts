/**
 * `login_page` of a configuration: enabling it mints a shareable URL
 * (`<origin>/p/login/<random slug>`) and publishes the slug; disabling it withdraws the slug,
 * so the shared link stops working at once (re-enabling mints a new one). A deployment that
 * cannot send passcode emails refuses to enable it rather than strand customers.
 */

import type { WorkerEnv } from "../../env";
import {
  newLoginSlug,
  publishLoginPage,
  slugFromLoginUrl,
  withdrawLoginPage,
} from "../../login/login-page-store";
import { mailTransportAvailable } from "../../login/mail/mailer";
import type { PortalConfiguration } from "../../store/configuration-types";
import { invalidParam } from "../errors";

/**
 * Checks the requested `login_page` against what the deployment can do, and gives the URL the
 * configuration will carry (before anything is stored).
 */
export function plannedLoginPage(
  env: WorkerEnv,
  previous: PortalConfiguration["login_page"] | null,
  requested: PortalConfiguration["login_page"],
  origin: string,
): PortalConfiguration["login_page"] {
  if (!requested.enabled) return { enabled: false, url: null };
  if (previous?.enabled && previous.url) return previous;
  if (!mailTransportAvailable(env)) {
    throw invalidParam(
      "login_page[enabled]",
      "The login page emails one-time codes, and this deployment has no way to send email: set LOGIN_EMAIL_WEBHOOK_URL and the secret LOGIN_EMAIL_WEBHOOK_SECRET first.",
    );
  }
  return { enabled: true, url: `${origin}/p/login/${newLoginSlug()}` };
}

/** Publishes or withdraws the slug after the configuration itself is stored. */
export async function syncLoginPage(
  kv: KVNamespace,
  previous: PortalConfiguration["login_page"] | null,
  stored: PortalConfiguration,
): Promise<void> {
  const before = slugFromLoginUrl(previous?.url ?? null);
  const after = slugFromLoginUrl(stored.login_page.url);
  if (before && before !== after) await withdrawLoginPage(kv, before);
  if (after && after !== before) {
    await publishLoginPage(kv, after, { account: stored.account, configuration: stored.id });
  }
}
