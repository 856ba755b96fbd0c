/**
 * The page for an action that cannot go ahead: the rules refuse it, the payment failed, or
 * Stripe could not be reached. It says that nothing was changed (unless Stripe's answer to a
 * write was lost, when nobody can know) and offers a way on.
 */
import type { Context } from "hono";
import Stripe from "stripe";
import { ActionProblemPage } from "../../../views/pages/subscriptions/action-problem-page";
import type { Eligibility, IneligibleReason } from "../../billing/eligibility";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { PORTAL_HOME } from "../paths";
import type { StripeFailure } from "../payment-methods/stripe-errors";
import { inFlow, renderPortalPage } from "../render";

/** What went wrong: a refused action (with its eligibility) or a failure. */
export type ProblemKind =
  | "update"
  | "cancel"
  | "pause"
  | "resume"
  | "renew"
  | "retention_unavailable"
  | "preset_invalid"
  | "preview_failed"
  | "preview_stale"
  | "payment_failed"
  | "authentication_failed"
  | "authentication_required"
  | "authentication_unavailable"
  | "change_refused"
  | "unavailable"
  | "unconfirmed";

const TITLES: Record<ProblemKind, MessageKey> = {
  update: "problem.update_title",
  cancel: "problem.cancel_title",
  pause: "problem.pause_title",
  resume: "problem.resume_title",
  renew: "problem.renew_title",
  retention_unavailable: "problem.retention_title",
  preset_invalid: "problem.preset_invalid_title",
  preview_failed: "problem.preview_failed_title",
  preview_stale: "problem.preview_stale_title",
  payment_failed: "problem.payment_failed_title",
  authentication_failed: "payments.authentication_failed_title",
  authentication_required: "payments.authentication_required_title",
  authentication_unavailable: "payments.authentication_required_title",
  change_refused: "problem.change_refused_title",
  unavailable: "problem.unavailable_title",
  unconfirmed: "problem.unconfirmed_title",
};

const BODIES: Partial<Record<ProblemKind, MessageKey>> = {
  retention_unavailable: "problem.retention_body",
  preset_invalid: "problem.preset_invalid_body",
  preview_failed: "problem.preview_failed_body",
  preview_stale: "problem.preview_stale_body",
  payment_failed: "problem.payment_failed_body",
  authentication_failed: "payments.authentication_failed_body",
  authentication_required: "payments.authentication_required_body",
  authentication_unavailable: "payments.authentication_unavailable_body",
  change_refused: "problem.change_refused_body",
  unavailable: "problem.unavailable_body",
  unconfirmed: "problem.unconfirmed_body",
};

const REASONS: Record<IneligibleReason, MessageKey> = {
  feature_disabled: "problem.reasons.feature_disabled",
  ended: "problem.reasons.ended",
  incomplete: "subscription.reasons.incomplete",
  multiple_items: "subscription.reasons.multiple_items",
  metered: "subscription.reasons.metered",
  send_invoice: "subscription.reasons.send_invoice",
  scheduled_change: "subscription.reasons.scheduled_change",
  tax_behavior_unspecified: "subscription.reasons.not_changeable",
  product_not_offered: "subscription.reasons.not_changeable",
  already_canceling: "problem.reasons.already_canceling",
  paused: "problem.reasons.paused",
  trialing: "problem.reasons.trialing",
  not_paused: "problem.reasons.not_paused",
  not_canceling: "problem.reasons.not_canceling",
};

const STATUS: Record<ProblemKind, 409 | 422 | 502> = {
  update: 409,
  cancel: 409,
  pause: 409,
  resume: 409,
  renew: 409,
  retention_unavailable: 409,
  preset_invalid: 409,
  preview_failed: 409,
  preview_stale: 409,
  payment_failed: 422,
  authentication_failed: 422,
  authentication_required: 422,
  authentication_unavailable: 409,
  change_refused: 409,
  unavailable: 502,
  unconfirmed: 502,
};

/**
 * The page for a subscription write that failed. When Stripe's answer was lost (a timeout or
 * a dropped connection, after the SDK's retries), the change may have been made all the same:
 * "nothing was changed" could be untrue, so that case gets a page that says we cannot tell.
 */
export function failedWriteKind(err: unknown, failure: { kind: StripeFailure }): ProblemKind {
  if (failure.kind !== "unavailable") return "change_refused";
  return err instanceof Stripe.errors.StripeConnectionError ? "unconfirmed" : "unavailable";
}

/** Renders the problem page. `retryHref` adds a "try again" link (e.g. back to the preview). */
export function renderProblem(
  c: Context<AppEnv>,
  kind: ProblemKind,
  eligibility: Eligibility | null,
  retryHref?: string,
): Response {
  const reason = eligibility && !eligibility.allowed ? REASONS[eligibility.reason] : undefined;
  const body = reason ?? BODIES[kind] ?? "problem.change_refused_body";
  const backHref = inFlow(c) ? c.var.session.record.returnUrl : PORTAL_HOME;
  return renderPortalPage(
    c,
    <ActionProblemPage
      title={TITLES[kind]}
      body={body}
      retryHref={kind === "unconfirmed" ? null : (retryHref ?? null)}
      backHref={backHref}
      outcomeKnown={kind !== "unconfirmed"}
    />,
    { title: c.var.t(TITLES[kind]), status: STATUS[kind] },
  );
}
