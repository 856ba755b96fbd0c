/**
 * Exactly-once form actions. Every portal form carries a random `_submission` nonce (rendered
 * by `<CsrfField />`). From it and the session id and action we derive:
 * - the Stripe `Idempotency-Key` for each write, so a retry after a timeout or two concurrent
 *   submits reach Stripe as one request;
 * - a KV record of a finished submission, so a second submit of the same form (double click,
 *   browser resend) redirects to where the first one went instead of acting on the state the
 *   first one already changed.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { sha256Hex } from "../lib/crypto";

/** Name of the hidden form field carrying the per-form nonce. */
export const SUBMISSION_FIELD = "_submission";

const SUBMISSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const RECORD_PREFIX = "submission:v1:";
/** Finished submissions are remembered a little longer than a session can live. */
const RECORD_TTL_S = 2 * 60 * 60;

/** A fresh nonce for one rendered form. */
export function newSubmissionNonce(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** The form's nonce if it is well-formed, else null (the caller answers 400). */
export function readSubmission(form: Record<string, unknown>): string | null {
  const value = form[SUBMISSION_FIELD];
  return typeof value === "string" && SUBMISSION_PATTERN.test(value) ? value : null;
}

/**
 * The Stripe idempotency key for one write of one submission. `step` tells apart the several
 * writes one action may make (e.g. create a schedule, then update it). Hashed so the key is
 * short and reveals nothing about the session.
 */
export async function idempotencyKeyFor(
  sessionId: string,
  action: string,
  submission: string,
  step = "main",
): Promise<string> {
  return `portal-${await sha256Hex(`${sessionId}|${action}|${submission}|${step}`)}`;
}

/** What `runOnce` hands the action: a key builder bound to this submission. */
export interface SubmissionKeys {
  /** Idempotency key for one Stripe write of this submission. */
  key(step?: string): Promise<string>;
}

/**
 * Runs a form action at most once per submission. When the same submission already finished
 * with a redirect, that redirect is repeated and `run` is not called. A redirect from `run`
 * marks the submission finished; any other response (a validation error page) does not, so
 * the customer can fix the input and send again from the re-rendered form.
 *
 * @param action identifies what the form does and to which object, e.g. `cancel:sub_123`.
 */
export async function runOnce(
  c: Context<AppEnv>,
  action: string,
  submission: string,
  run: (keys: SubmissionKeys) => Promise<Response>,
): Promise<Response> {
  const sessionId = c.var.session.record.id;
  const recordKey = RECORD_PREFIX + (await idempotencyKeyFor(sessionId, action, submission, "record"));
  const done = await c.env.SESSIONS.get<{ location: string }>(recordKey, "json");
  if (done) return c.redirect(done.location, 303);
  const response = await run({ key: (step) => idempotencyKeyFor(sessionId, action, submission, step) });
  const location = response.headers.get("Location");
  if (response.status >= 300 && response.status < 400 && location) {
    await c.env.SESSIONS.put(recordKey, JSON.stringify({ location }), { expirationTtl: RECORD_TTL_S });
  }
  return response;
}
