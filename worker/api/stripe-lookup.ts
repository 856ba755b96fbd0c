import Stripe from "stripe";
import { ApiError } from "./errors";

/**
 * Per-request options for a Stripe call made for `account`. Passed as the LAST argument of
 * every SDK call; stripe-node drops the header when the account is the platform (undefined).
 */
export function accountOptions(account: string | null): Stripe.RequestOptions {
  return { stripeAccount: account ?? undefined };
}

/**
 * Runs a Stripe read and translates its failures into the merchant API's errors: a missing
 * object becomes `onMissing()` (the caller knows which parameter named it), an inaccessible
 * connected account a 403, anything else a retryable 500 `api_error`.
 */
export async function lookup<T>(
  call: Promise<T>,
  onMissing: () => ApiError,
  account: string | null,
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw translateStripeError(error, onMissing, account);
  }
}

/** The merchant-API error for a failed Stripe call (see `lookup`). */
export function translateStripeError(
  error: unknown,
  onMissing: () => ApiError,
  account: string | null,
): ApiError {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return upstreamError("The portal could not reach Stripe. Please retry.");
  }
  if (error.code === "resource_missing" || error.statusCode === 404) return onMissing();
  if (account && (error.statusCode === 403 || error.statusCode === 401)) {
    return new ApiError(403, {
      type: "invalid_request_error",
      message: `The portal's Stripe key does not have access to account '${account}' (or that account does not exist).`,
    });
  }
  return upstreamError(`Stripe returned an error the portal could not handle: ${error.message}`);
}

function upstreamError(message: string): ApiError {
  return new ApiError(500, { type: "api_error", message });
}

/** True when a Stripe object read back is a deleted stub (`{ id, deleted: true }`). */
export function isDeleted(object: unknown): boolean {
  return typeof object === "object" && object !== null && (object as { deleted?: unknown }).deleted === true;
}
