/**
 * Cancel (`GET/POST …/cancel`, also the `subscription_cancel` flow's page), the retention offer
 * a cancel flow may carry (`POST …/retention`), and renew, which undoes a scheduled cancel
 * (`POST …/renew`). The reason survey is part of the cancel form, so the answer lands on the
 * subscription (`cancellation_details`) in the same write as the cancel itself.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { CancelPage, type CancelPageProps } from "../../../views/pages/subscriptions/cancel-page";
import { RetentionOfferPage } from "../../../views/pages/subscriptions/retention-offer-page";
import { cancelAction, parseCancellationFeedback, renewParams } from "../../billing/cancel-mode";
import { cancelEligibility, renewEligibility } from "../../billing/eligibility";
import { retentionCoupon, retentionOfferable } from "../../billing/retention";
import type { AppEnv } from "../../env";
import type { MessageKey } from "../../lib/i18n";
import { completeFlow } from "../flow-completion";
import { flowRedirect } from "../flow-guard";
import { runOnce } from "../idempotency";
import { loadOwnedSubscription } from "../load-subscription";
import { homeWithNotice, PORTAL_HOME, subscriptionPaths } from "../paths";
import { badForm, readPortalForm } from "../payment-methods/form-request";
import { classifyStripeError, isNotFound } from "../payment-methods/stripe-errors";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { failedWriteKind, renderProblem } from "./problem";

function nowSeconds(c: Context<AppEnv>): number {
  return Math.floor(c.var.deps.now() / 1000);
}

/** The offered coupon, or null when there is none or it no longer exists. */
async function offeredCoupon(c: Context<AppEnv>, id: string | null): Promise<Stripe.Coupon | null> {
  if (!id) return null;
  const { stripe, read } = portalStripe(c);
  try {
    return await stripe.coupons.retrieve(id, {}, read);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** The subscription and the flow's coupon (if any), in one wave. */
async function loadCancelContext(c: Context<AppEnv>, id: string) {
  const couponId = retentionCoupon(c.var.session.record.flow, id);
  const [subscription, coupon] = await Promise.all([
    loadOwnedSubscription(c, id),
    offeredCoupon(c, couponId),
  ]);
  const offer =
    subscription && coupon && retentionOfferable(subscription, coupon, nowSeconds(c)) ? coupon : null;
  return { subscription, offer, couponId };
}

function renderCancel(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  values: { feedback: string; comment: string },
  error: MessageKey | null,
): Response {
  const config = c.var.configuration;
  const action = cancelAction(sub, config, null);
  const reason = config.features.subscription_cancel.cancellation_reason;
  const props: CancelPageProps = {
    subscription: sub,
    endsAt: action.kind === "at_period_end" ? action.endsAt : null,
    reasons: reason.enabled ? reason.options : [],
    values,
    error,
    action: subscriptionPaths(sub.id).cancel,
    keepHref: inFlow(c) ? c.var.session.record.returnUrl : PORTAL_HOME,
    csrfToken: c.var.session.record.csrfToken,
  };
  return renderPortalPage(c, <CancelPage {...props} />, {
    title: c.var.t("cancel.title"),
    status: error ? 422 : 200,
  });
}

/** `GET /p/subscriptions/:id/cancel`: the retention offer first (flows only), then the survey. */
export async function cancelPage(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_cancel", subscription: id });
  if (redirect) return redirect;
  const { subscription: sub, offer } = await loadCancelContext(c, id);
  if (!sub) return c.notFound();
  const eligibility = cancelEligibility(sub, c.var.configuration);
  if (!eligibility.allowed) return renderProblem(c, "cancel", eligibility);
  if (offer && c.req.query("step") !== "reasons") {
    return renderPortalPage(
      c,
      <RetentionOfferPage
        subscription={sub}
        coupon={offer}
        acceptAction={subscriptionPaths(id).retention}
        declineHref={`${subscriptionPaths(id).cancel}?step=reasons`}
        csrfToken={c.var.session.record.csrfToken}
      />,
      { title: c.var.t("retention.title") },
    );
  }
  return renderCancel(c, sub, { feedback: "", comment: "" }, null);
}

/** `POST /p/subscriptions/:id/cancel`: cancels now or at period end, with the survey answer. */
export async function cancelSubscription(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_cancel", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `cancel:${id}`, form.submission, async (keys) => {
    const sub = await loadOwnedSubscription(c, id);
    if (!sub) return c.notFound();
    const config = c.var.configuration;
    const eligibility = cancelEligibility(sub, config);
    if (!eligibility.allowed) return renderProblem(c, "cancel", eligibility);
    const values = {
      feedback: typeof form.body.feedback === "string" ? form.body.feedback : "",
      comment: typeof form.body.comment === "string" ? form.body.comment : "",
    };
    const feedback = parseCancellationFeedback(config, values.feedback, values.comment);
    if (!feedback.ok) {
      const key: MessageKey =
        feedback.problem === "comment_too_long"
          ? "cancel.errors.comment_too_long"
          : "cancel.errors.unknown_reason";
      return renderCancel(c, sub, values, key);
    }
    const action = cancelAction(sub, config, feedback.value);
    const { stripe, write } = portalStripe(c);
    try {
      if (action.kind === "immediately")
        await stripe.subscriptions.cancel(id, action.params, write(await keys.key()));
      else await stripe.subscriptions.update(id, action.params, write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      if (failure.kind === "not_found") return c.notFound();
      return renderProblem(c, failedWriteKind(err, failure), null);
    }
    return completeFlow(c, action.kind === "immediately" ? "canceled" : "cancel_scheduled");
  });
}

/** `POST /p/subscriptions/:id/retention`: accepts the offer; nothing is canceled. */
export async function acceptRetention(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_cancel", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `retention:${id}`, form.submission, async (keys) => {
    const { subscription: sub, offer, couponId } = await loadCancelContext(c, id);
    if (!sub || !couponId) return c.notFound();
    const eligibility = cancelEligibility(sub, c.var.configuration);
    if (!eligibility.allowed) return renderProblem(c, "cancel", eligibility);
    if (!offer)
      return renderProblem(c, "retention_unavailable", null, `${subscriptionPaths(id).cancel}?step=reasons`);
    const { stripe, write } = portalStripe(c);
    try {
      await stripe.subscriptions.update(id, { discounts: [{ coupon: offer.id }] }, write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      return renderProblem(c, failedWriteKind(err, failure), null);
    }
    return completeFlow(c, "retention_accepted");
  });
}

/** `POST /p/subscriptions/:id/renew`: undoes a scheduled cancel. */
export async function renewSubscription(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_renew", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `renew:${id}`, form.submission, async (keys) => {
    const sub = await loadOwnedSubscription(c, id);
    if (!sub) return c.notFound();
    const eligibility = renewEligibility(sub);
    if (!eligibility.allowed) return renderProblem(c, "renew", eligibility);
    const { stripe, write } = portalStripe(c);
    try {
      await stripe.subscriptions.update(id, renewParams(sub), write(await keys.key()));
    } catch (err) {
      const failure = classifyStripeError(err);
      return renderProblem(c, failedWriteKind(err, failure), null);
    }
    return c.redirect(homeWithNotice("renewed"), 303);
  });
}
