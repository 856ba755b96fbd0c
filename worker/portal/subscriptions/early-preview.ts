/**
 * The confirm page's invoice preview in the same wave as the subscription it previews. The
 * preview's parameters name the subscription item and depend on the subscription (trialing?)
 * and on the prices (does the period's length change?), which the page loads in that wave. So
 * the page guesses them: from hidden fields the plan picker adds to its form (the picker had the
 * subscription loaded), or, for a `subscription_update_confirm` flow, from the guess stored with
 * the session. The guessed previews start at once; once the change is checked against fresh
 * data, a guessed preview is used only if its parameters are exactly the ones the checked change
 * needs. Anything else (another item, a foreign subscription: 404 as before) is dropped unseen,
 * and a preview the guess missed is asked for then, in a second wave. Guesses are never trusted,
 * so they are not signed. A promotion code needs its lookup first: no guess then.
 */
import type { Context } from "hono";
import type Stripe from "stripe";
import { parseQuantity } from "../../billing/quantity";
import type { AppEnv } from "../../env";
import type { ChangeHint } from "../../store/session-store";
import { portalStripe } from "../stripe-call";
import { type ChangeInput, periodEffects } from "./change-request";
import { type EarlyPreviews, previewRequests } from "./preview";

/** The picker's hidden fields that carry the guess. */
const HINT_FIELDS = { item: "item", endsTrial: "ends_trial", newPeriod: "new_period" } as const;

/** The hidden fields the picker's form adds for the guess (flags only when set). */
export function pickerHintFields(hint: Omit<ChangeHint, "price" | "quantity">): Record<string, string> {
  return {
    [HINT_FIELDS.item]: hint.item,
    ...(hint.endsTrial ? { [HINT_FIELDS.endsTrial]: "1" } : {}),
    ...(hint.newPeriod ? { [HINT_FIELDS.newPeriod]: "1" } : {}),
  };
}

const SUBSCRIPTION_ID = /^sub_[A-Za-z0-9]{1,250}$/;
const ITEM_ID = /^si_[A-Za-z0-9]{1,250}$/;
const PRICE_ID = /^price_[A-Za-z0-9]{1,250}$/;

/** The guess the picker's form carries with the customer's choice; null when it cannot. */
export function guessFromPicker(
  field: (name: string) => string | undefined,
  input: ChangeInput,
): ChangeHint | null {
  const item = field(HINT_FIELDS.item) ?? "";
  const quantity = parseQuantity(input.quantity);
  if (input.promotionCode.trim() !== "" || !ITEM_ID.test(item) || !PRICE_ID.test(input.price)) return null;
  if (quantity === null) return null;
  return {
    item,
    price: input.price,
    quantity,
    endsTrial: field(HINT_FIELDS.endsTrial) === "1",
    newPeriod: field(HINT_FIELDS.newPeriod) === "1",
  };
}

/**
 * The guess stored for this session's `subscription_update_confirm` flow, when the flow is about
 * `subscription` and adds no discount (a discount's previews keep the subscription's own).
 */
export function guessFromFlow(c: Context<AppEnv>, subscription: string): ChangeHint | null {
  const { flow, prefetch } = c.var.session.record;
  const preset = flow?.type === "subscription_update_confirm" ? flow.subscription_update_confirm : null;
  if (!preset || preset.subscription !== subscription || (preset.discounts?.length ?? 0) > 0) return null;
  const hint = prefetch?.change ?? null;
  return hint && hint.item === preset.items[0]?.id ? hint : null;
}

/** JSON with object keys sorted, so equal parameters give equal keys. */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type Answer = { ok: true; invoice: Stripe.Invoice } | { ok: false; error: unknown };

/** Starts the previews `guess` implies for `subscription`; they wait to be taken or dropped. */
export function startGuessedPreviews(
  c: Context<AppEnv>,
  subscription: string,
  guess: ChangeHint | null,
  prorationDate: number,
): EarlyPreviews {
  const started = new Map<string, Promise<Answer>>();
  if (guess && SUBSCRIPTION_ID.test(subscription)) {
    const { stripe, read } = portalStripe(c);
    const { invoicesNow } = periodEffects(c.var.configuration.features.subscription_update, guess);
    const requests = previewRequests(c, { ...guess, subscription, invoicesNow }, prorationDate);
    for (const params of requests) {
      // Settled at once, so a dropped guess never surfaces as an unhandled rejection.
      const answer = stripe.invoices.createPreview(params, read).then(
        (invoice): Answer => ({ ok: true, invoice }),
        (error: unknown): Answer => ({ ok: false, error }),
      );
      started.set(keyOf(params), answer);
    }
  }
  return {
    take(params) {
      const answer = started.get(keyOf(params));
      if (!answer) return null;
      return answer.then((a) => {
        if (a.ok) return a.invoice;
        throw a.error;
      });
    },
  };
}
