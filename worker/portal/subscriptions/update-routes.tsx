/**
 * Plan change: the picker (`GET …/update`), the confirmation with the invoice preview
 * (`GET …/update/confirm`, also the `subscription_update_confirm` flow's page) and the apply
 * (`POST …/update/confirm`). The picker submits with GET, so choosing is free of side effects
 * and works without JavaScript; only the confirm form writes.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { ConfirmChangePage } from "../../../views/pages/subscriptions/confirm-change-page";
import {
  UpdatePlanPage,
  type UpdatePlanPageProps,
} from "../../../views/pages/subscriptions/update-plan-page";
import { updateEligibility } from "../../billing/eligibility";
import { periodDays } from "../../billing/price-amount";
import { quantityRule } from "../../billing/quantity";
import {
  intervalKey,
  intervalKeys,
  type PlanOption,
  planOptions,
  priceChangeAllowed,
} from "../../billing/target-prices";
import { changeEndsTrial } from "../../billing/trial";
import type { AppEnv } from "../../env";
import { completeFlow } from "../flow-completion";
import { flowRedirect } from "../flow-guard";
import { runOnce } from "../idempotency";
import { loadOwnedSubscription, singleItem } from "../load-subscription";
import { PORTAL_HOME, subscriptionPaths } from "../paths";
import { badForm, readPortalForm } from "../payment-methods/form-request";
import { classifyStripeError } from "../payment-methods/stripe-errors";
import { inFlow, renderPortalPage } from "../render";
import { portalStripe } from "../stripe-call";
import { applyChangeNow, scheduleChange } from "./apply-change";
import {
  type AddedDiscount,
  type ChangeError,
  type ChangeInput,
  checkChange,
  discountId,
  lookupPromotionCode,
  type PlannedChange,
} from "./change-request";
import { signChange, verifyChange } from "./change-token";
import { guessFromFlow, guessFromPicker, pickerHintFields, startGuessedPreviews } from "./early-preview";
import { settlePendingChange } from "./pending-change";
import { loadConfiguredPrices } from "./plan-catalog";
import { previewChange } from "./preview";
import { failedWriteKind, renderProblem } from "./problem";

/** How long a previewed proration date stays usable (the session's own idle limit). */
const PREVIEW_MAX_AGE_S = 60 * 60;

function nowSeconds(c: Context<AppEnv>): number {
  return Math.floor(c.var.deps.now() / 1000);
}

/** The change a `subscription_update_confirm` flow presets, if this is one. */
function presetOf(c: Context<AppEnv>, subId: string) {
  const flow = c.var.session.record.flow;
  if (flow?.type !== "subscription_update_confirm") return null;
  const preset = flow.subscription_update_confirm;
  if (!preset || preset.subscription !== subId) return null;
  return preset;
}

/** Loads what the preset discount refers to (for display and checks). */
async function presetDiscount(
  c: Context<AppEnv>,
  discount: Stripe.BillingPortal.Session.Flow.SubscriptionUpdateConfirm.Discount | undefined,
): Promise<{ discount: AddedDiscount; coupon: Stripe.Coupon | null; code: string | null } | null> {
  if (!discount) return null;
  const { stripe, read } = portalStripe(c);
  if (discount.promotion_code) {
    const promo = await stripe.promotionCodes.retrieve(
      discount.promotion_code,
      { expand: ["promotion.coupon"] },
      read,
    );
    const coupon = promo.promotion.coupon;
    return {
      discount: { promotion_code: promo.id },
      coupon: coupon && typeof coupon !== "string" ? coupon : null,
      code: promo.code,
    };
  }
  if (discount.coupon) {
    const coupon = await stripe.coupons.retrieve(discount.coupon, {}, read);
    return { discount: { coupon: coupon.id }, coupon, code: null };
  }
  return null;
}

/** Everything the picker and the confirm page need, in one wave. */
async function loadChangeContext(c: Context<AppEnv>, subId: string, input: ChangeInput) {
  const preset = presetOf(c, subId);
  const [subscription, catalog, promotion, presetLookup] = await Promise.all([
    loadOwnedSubscription(c, subId),
    loadConfiguredPrices(c),
    preset ? Promise.resolve(null) : lookupPromotionCode(c, input.promotionCode),
    preset ? presetDiscount(c, preset.discounts?.[0]) : Promise.resolve(null),
  ]);
  return { subscription, catalog, promotion, preset, presetLookup };
}

function inputFrom(source: (name: string) => unknown): ChangeInput {
  const str = (name: string) => {
    const v = source(name);
    return typeof v === "string" ? v : "";
  };
  return { price: str("price"), quantity: str("quantity"), promotionCode: str("promotion_code") };
}

/** The preset change as picker input. */
function presetInput(
  preset: NonNullable<ReturnType<typeof presetOf>>,
  item: Stripe.SubscriptionItem,
): ChangeInput {
  const first = preset.items[0];
  return {
    price: first?.price ?? item.price.id,
    quantity: first?.quantity !== undefined ? String(first.quantity) : "",
    promotionCode: "",
  };
}

/** Plan options with the current price in its product's group even if it is no longer listed. */
function optionsWithCurrent(
  c: Context<AppEnv>,
  current: Stripe.Price,
  catalog: Stripe.Price[],
): PlanOption[] {
  const options = planOptions(current, c.var.configuration, catalog);
  if (options.some((o) => o.prices.some((p) => p.id === current.id))) return options;
  const product = current.product;
  if (typeof product === "string" || product.deleted) return options;
  const own = options.find((o) => o.product.id === product.id);
  if (own) own.prices.unshift(current);
  else options.unshift({ product, prices: [current] });
  return options;
}

function renderPicker(
  c: Context<AppEnv>,
  sub: Stripe.Subscription,
  item: Stripe.SubscriptionItem,
  catalog: Stripe.Price[],
  input: ChangeInput,
  errors: ChangeError[],
): Response {
  const config = c.var.configuration;
  const allowed = config.features.subscription_update.default_allowed_updates;
  const options = priceChangeAllowed(config)
    ? optionsWithCurrent(c, item.price, catalog)
    : optionsWithCurrent(c, item.price, []);
  const intervals = intervalKeys(options);
  const queryInterval = c.req.query("interval") ?? "";
  const selectedPrice = input.price || item.price.id;
  const selected = options.flatMap((o) => o.prices).find((p) => p.id === selectedPrice);
  const interval = intervals.includes(queryInterval)
    ? queryInterval
    : selected
      ? intervalKey(selected)
      : intervalKey(item.price);
  // Every plan offered in this tab has the tab's period, so the confirm page can guess its preview.
  const inTab = options.flatMap((o) => o.prices).find((p) => intervalKey(p) === interval);
  const hint = pickerHintFields({
    item: item.id,
    endsTrial: changeEndsTrial(sub, config),
    newPeriod: inTab !== undefined && periodDays(inTab) !== periodDays(item.price),
  });
  const props: UpdatePlanPageProps = {
    subscription: sub,
    item,
    options,
    intervals,
    interval,
    values: {
      price: selectedPrice,
      quantity: input.quantity || String(item.quantity ?? 1),
      promotionCode: input.promotionCode,
    },
    quantityRules: Object.fromEntries(options.map((o) => [o.product.id, quantityRule(config, o.product.id)])),
    promotionCodesAllowed: allowed.includes("promotion_code"),
    hidden: hint,
    errors,
    paths: subscriptionPaths(sub.id),
    backHref: inFlow(c) ? c.var.session.record.returnUrl : PORTAL_HOME,
  };
  return renderPortalPage(c, <UpdatePlanPage {...props} />, {
    title: c.var.t("plan_change.title"),
    status: errors.length > 0 ? 422 : 200,
  });
}

/** `GET /p/subscriptions/:id/update`: the plan picker. */
export async function updatePlanPage(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_update", subscription: id });
  if (redirect) return redirect;
  const [sub, catalog] = await Promise.all([loadOwnedSubscription(c, id), loadConfiguredPrices(c)]);
  if (!sub) return c.notFound();
  const eligibility = updateEligibility(sub, c.var.configuration);
  const item = singleItem(sub);
  if (!eligibility.allowed || !item) return renderProblem(c, "update", eligibility);
  const input = inputFrom((name) => c.req.query(name));
  return renderPicker(c, sub, item, catalog, input, []);
}

/** Common part of the confirm GET and POST: load, check eligibility and the change. */
async function checkedChange(c: Context<AppEnv>, id: string, input: ChangeInput) {
  const ctx = await loadChangeContext(c, id, input);
  if (!ctx.subscription) return { response: c.notFound() };
  const sub = ctx.subscription;
  const eligibility = updateEligibility(sub, c.var.configuration);
  const item = singleItem(sub);
  if (!eligibility.allowed || !item) return { response: renderProblem(c, "update", eligibility) };
  const presetItem = ctx.preset?.items[0]?.id;
  if (presetItem && presetItem !== item.id) {
    return { response: renderProblem(c, "update", { allowed: false, reason: "feature_disabled" }) };
  }
  const effectiveInput = ctx.preset ? presetInput(ctx.preset, item) : input;
  const result = checkChange(c, {
    subscription: sub,
    item,
    input: effectiveInput,
    catalog: ctx.catalog,
    promotion: ctx.promotion,
    preset: ctx.presetLookup,
  });
  if (!result.ok) {
    // A merchant-preset change the rules now refuse cannot be fixed by the customer.
    if (ctx.preset) return { response: renderProblem(c, "preset_invalid", null) };
    // Like any other id that is not the customer's to use: the 404 page, nothing written.
    if (result.errors.some((e) => e.foreignId)) return { response: c.notFound() };
    return { response: renderPicker(c, sub, item, ctx.catalog, input, result.errors) };
  }
  return { change: result.change, input: effectiveInput };
}

function signed(change: PlannedChange, prorationDate: number) {
  return {
    subscription: change.subscription.id,
    item: change.item.id,
    price: change.to.price.id,
    quantity: change.to.quantity,
    discount: discountId(change.discount),
    prorationDate,
    scheduled: change.scheduled,
  };
}

/** `GET /p/subscriptions/:id/update/confirm`: the preview of the chosen change. */
export async function confirmChangePage(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_update_confirm", subscription: id });
  if (redirect) return redirect;
  const input = inputFrom((name) => c.req.query(name));
  const prorationDate = nowSeconds(c);
  // The preview starts beside the loads below, from a guess checked once they answer.
  const guess = presetOf(c, id) ? guessFromFlow(c, id) : guessFromPicker((n) => c.req.query(n), input);
  const early = startGuessedPreviews(c, id, guess, prorationDate);
  const checked = await checkedChange(c, id, input);
  if (checked.response) return checked.response;
  const { change } = checked;
  let preview: Awaited<ReturnType<typeof previewChange>>;
  try {
    preview = await previewChange(c, change, prorationDate, early);
  } catch (err) {
    const failure = classifyStripeError(err);
    return renderProblem(c, failure.kind === "unavailable" ? "unavailable" : "preview_failed", null);
  }
  const signature = await signChange(c.var.session.record.csrfToken, signed(change, prorationDate));
  const paths = subscriptionPaths(id);
  const isPreset = presetOf(c, id) !== null;
  const backQuery = new URLSearchParams({
    price: checked.input.price,
    quantity: checked.input.quantity,
    promotion_code: checked.input.promotionCode,
  });
  return renderPortalPage(
    c,
    <ConfirmChangePage
      change={change}
      preview={preview}
      action={paths.confirm}
      hidden={{
        price: change.to.price.id,
        quantity: String(change.to.quantity),
        promotion_code: checked.input.promotionCode,
        proration_date: String(prorationDate),
        signature,
      }}
      backHref={isPreset ? c.var.session.record.returnUrl : `${paths.update}?${backQuery}`}
      csrfToken={c.var.session.record.csrfToken}
      error={null}
    />,
    { title: c.var.t("plan_change.confirm_title") },
  );
}

/** `POST /p/subscriptions/:id/update/confirm`: applies exactly the previewed change. */
export async function applyChange(c: Context<AppEnv>): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const redirect = flowRedirect(c, { page: "subscription_update_confirm", subscription: id });
  if (redirect) return redirect;
  const form = await readPortalForm(c);
  if (!form) return badForm(c);
  return runOnce(c, `plan-change:${id}`, form.submission, async (keys) => {
    const input = inputFrom((name) => form.body[name]);
    const checked = await checkedChange(c, id, input);
    if (checked.response) return checked.response;
    const { change } = checked;
    const prorationDate = Number(form.body.proration_date);
    const now = nowSeconds(c);
    const fresh =
      Number.isInteger(prorationDate) && prorationDate <= now && now - prorationDate <= PREVIEW_MAX_AGE_S;
    const valid =
      fresh &&
      (await verifyChange(
        c.var.session.record.csrfToken,
        signed(change, prorationDate),
        form.body.signature,
      ));
    if (!valid) return renderProblem(c, "preview_stale", null, subscriptionPaths(id).confirm);
    // "Try again" leads back to the same preview with the customer's choice kept.
    const { price, quantity, promotionCode } = checked.input;
    const choice = new URLSearchParams({ price, quantity, promotion_code: promotionCode });
    const retry = `${subscriptionPaths(id).confirm}?${choice}`;
    try {
      if (change.scheduled) await scheduleChange(c, change, keys);
      else {
        const updated = await applyChangeNow(c, change, prorationDate, keys);
        if (updated.pending_update) return await settlePendingChange(c, updated, keys, retry);
      }
    } catch (err) {
      const failure = classifyStripeError(err);
      // Only a change that adds a discount is refused this way (it cannot wait as a pending
      // update); the same choice without the promotion code can go through the bank.
      if (failure.kind === "requires_action") {
        const withoutCode = `${subscriptionPaths(id).update}?${new URLSearchParams({ price, quantity })}`;
        return renderProblem(c, "authentication_required", null, presetOf(c, id) ? undefined : withoutCode);
      }
      if (failure.kind === "declined") return renderProblem(c, "payment_failed", null);
      if (failure.kind === "not_found") return c.notFound();
      const kind = failedWriteKind(err, failure);
      return renderProblem(c, kind, null, kind === "unavailable" ? retry : undefined);
    }
    return completeFlow(c, change.scheduled ? "plan_change_scheduled" : "plan_updated");
  });
}
