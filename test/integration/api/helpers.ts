import Stripe from "stripe";
import { expect } from "vitest";
import { randomId } from "../../../worker/lib/crypto";

/** What an API error must look like: status, envelope type and the parameter it names. */
export interface ExpectedError {
  status: number;
  type?: "invalid_request_error" | "idempotency_error" | "api_error";
  param?: string | undefined;
  code?: string;
  message?: string | RegExp;
}

/** Awaits a call that must fail with a Stripe-shaped error and checks status, type and param. */
export async function expectApiError(
  call: Promise<unknown>,
  expected: ExpectedError,
): Promise<Stripe.errors.StripeError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeInstanceOf(Stripe.errors.StripeError);
  const e = error as Stripe.errors.StripeError;
  expect(e.statusCode).toBe(expected.status);
  expect(e.raw && (e.raw as { type?: string }).type).toBe(expected.type ?? "invalid_request_error");
  if ("param" in expected) expect(e.param).toBe(expected.param);
  if (expected.code) expect(e.code).toBe(expected.code);
  if (typeof expected.message === "string") expect(e.message).toBe(expected.message);
  else if (expected.message) expect(e.message).toMatch(expected.message);
  return e;
}

/** A connected-account id no other test uses, for configuration tests that need a clean slate. */
export function freshAccount(): string {
  return randomId("acct");
}

/** Options for an SDK call made for a connected account. */
export function on(account: string): Stripe.RequestOptions {
  return { stripeAccount: account };
}
