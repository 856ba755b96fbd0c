/**
 * Which transport carries passcode emails: the merchant's webhook when both
 * `LOGIN_EMAIL_WEBHOOK_URL` and `LOGIN_EMAIL_WEBHOOK_SECRET` are set; otherwise, only in
 * development and tests, the dev outbox. In production without a webhook there is none, and
 * the API refuses to enable a login page (so no customer ever waits for a code that cannot come).
 */
import { isDevEnvironment, type WorkerEnv } from "../../env";
import { storeInOutbox } from "./dev-outbox";
import type { LoginEmail } from "./login-email";
import { sendThroughWebhook } from "./webhook-mailer";

/** Sends one passcode email. */
export type Mailer = (email: LoginEmail) => Promise<void>;

function webhookTarget(env: WorkerEnv): { url: string; secret: string } | null {
  const url = env.LOGIN_EMAIL_WEBHOOK_URL;
  const secret = env.LOGIN_EMAIL_WEBHOOK_SECRET;
  return url && secret ? { url, secret } : null;
}

/** True when passcode emails can be sent in this deployment. */
export function mailTransportAvailable(env: WorkerEnv): boolean {
  return webhookTarget(env) !== null || isDevEnvironment(env);
}

/** The transport for this deployment, or null when there is none. */
export function chooseMailer(env: WorkerEnv, fetchFn: typeof fetch, now: () => number): Mailer | null {
  const target = webhookTarget(env);
  if (target) return (email) => sendThroughWebhook(fetchFn, target, email, now());
  if (isDevEnvironment(env)) return (email) => storeInOutbox(env.SESSIONS, email, now());
  return null;
}
