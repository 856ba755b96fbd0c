/**
 * Pause (`GET/POST …/pause`, also the `subscription_pause` flow's page) and resume
 * (`POST …/resume`). Pausing stops collection for a configured duration, or until resumed.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { PausePage } from "../../../views/pages/subscriptions/pause-page";
import { pauseEligibility, resumeEligibility } from "../../billing/eligibility";
import {
  findPauseOption,
  pauseOptions,
  pauseParams,
  pauseResumesAt,
  resumeParams,
} from "../../billing/pause";
import type { AppEnv } from "../../env";
import { completeFlow } from "../flow-completion";
import { flowRedirect } from "../flow-guard";
import { runOnce } from "../idempotency";
import { loadOwnedSubscription } from "../load-subscription";
import { homeWithNotice, PORTAL_HOME, subscriptionPaths } from "../paths";
import { badForm, readPortalForm } from "../payment-methods/form-request";
import { classifyStripeError } from "../payment-methods/stripe-errors";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { failedWriteKind, renderProblem } from "./problem";

function nowSeconds(c: Context<AppEnv>): number {
  return Math.floor(c.var.deps.now() / 1000);
}

function renderPause(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  selected: string,
  invalid: boolean,
): Response {
  const now = nowSeconds(c);
  const options = pauseOptions(c.var.configuration).map((option) => ({
    option,
    resumesAt: pauseResumesAt(option, now),
  }));
  return renderPortalPage(
    c,
    <PausePage
      subscription={sub}
      options={options}
      selected={selected || (options[0]?.option.key ?? "")}
      error={invalid ? "pause.errors.choose_duration" : null}
      action={subscriptionPaths(sub.id).pause}
      backHref={inFlow(c) ? c.var.session.record.returnUrl : PORTAL_HOME}
      csrfToken={c.var.session.record.csrfToken}
    />,
    { title: c.var.t("pause.title"), status: invalid ? 422 : 200 },
  );
}

/** `GET /p/subscriptions/:id/pause`: the duration choice with each resume date. */
export async function pausePage(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_pause", subscription: id });
  if (redirect) return redirect;
  const sub = await loadOwnedSubscription(c, id);
  if (!sub) return c.notFound();
  const eligibility = pauseEligibility(sub, c.var.configuration);
  if (!eligibility.allowed) return renderProblem(c, "pause", eligibility);
  return renderPause(c, sub, "", false);
}

/** `POST /p/subscriptions/:id/pause`: pauses collection. */
export async function pauseSubscription(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_pause", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `pause:${id}`, form.submission, async (keys) => {
    const sub = await loadOwnedSubscription(c, id);
    if (!sub) return c.notFound();
    const eligibility = pauseEligibility(sub, c.var.configuration);
    if (!eligibility.allowed) return renderProblem(c, "pause", eligibility);
    const option = findPauseOption(c.var.configuration, form.body.duration);
    if (!option) return renderPause(c, sub, "", true);
    const { stripe, write } = portalStripe(c);
    try {
      await stripe.subscriptions.update(id, pauseParams(option, nowSeconds(c)), write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      return renderProblem(c, failedWriteKind(err, failure), null);
    }
    return completeFlow(c, "paused");
  });
}

/** `POST /p/subscriptions/:id/resume`: resumes collection now. */
export async function resumeSubscription(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_resume", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `resume:${id}`, form.submission, async (keys) => {
    const sub = await loadOwnedSubscription(c, id);
    if (!sub) return c.notFound();
    const eligibility = resumeEligibility(sub);
    if (!eligibility.allowed) return renderProblem(c, "resume", eligibility);
    const { stripe, write } = portalStripe(c);
    try {
      await stripe.subscriptions.update(id, resumeParams(), write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      return renderProblem(c, failedWriteKind(err, failure), null);
    }
    return c.redirect(homeWithNotice("resumed"), 303);
  });
}
