import { expect } from "vitest";
import { ApiError } from "../../../worker/api/errors";

/** Runs `fn`, expecting it to throw an ApiError, and returns that error for assertions. */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected an ApiError, nothing was thrown");
}
