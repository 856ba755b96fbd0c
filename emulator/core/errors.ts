/** Stripe's error `type` values the emulator produces. */
export type StripeErrorType =
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "invalid_request_error"
  | "rate_limit_error"
  | "authentication_error"
  | "permission_error";

/** Extra fields of an error envelope besides type and message. */
export interface StripeErrorFields {
  code?: string;
  param?: string;
  decline_code?: string;
  /** Object attached to card errors (e.g. the invoice's payment intent); omitted when absent. */
  payment_method?: unknown;
  /** The PaymentIntent a failed confirm leaves behind (Stripe attaches it to the error). */
  payment_intent?: unknown;
}

/**
 * A Stripe API error. Handlers throw it; the router turns it into Stripe's envelope
 * `{"error":{type, code, message, param, doc_url}}` with the given HTTP status.
 */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly fields: StripeErrorFields = {},
  ) {
    super(message);
  }

  /** The JSON body Stripe sends for this error. Absent fields are left out, as Stripe does. */
  toBody(): { error: Record<string, unknown> } {
    const { code, param, decline_code, payment_method, payment_intent } = this.fields;
    const error: Record<string, unknown> = { type: this.type, message: this.message };
    if (code) {
      error.code = code;
      error.doc_url = `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
    }
    if (param) error.param = param;
    if (decline_code) error.decline_code = decline_code;
    if (payment_method) error.payment_method = payment_method;
    if (payment_intent) error.payment_intent = payment_intent;
    return { error };
  }
}

/** Human name of an object type in "No such …" messages (Stripe's wording). */
const missingNames: Record<string, string> = {
  "checkout.session": "checkout.session",
  payment_method: "PaymentMethod",
  payment_method_configuration: "payment method configuration",
  setup_intent: "setupintent",
  subscription_schedule: "subscription schedule",
  promotion_code: "promotion code",
  tax_id: "tax id",
};

/**
 * `resource_missing` for an id that does not exist (in this account): 404 for the id in the
 * URL (param "id"), 400 for an id passed in a parameter, as Stripe answers.
 */
export function resourceMissing(type: string, id: string, param?: string): StripeError {
  const name = missingNames[type] ?? type;
  return new StripeError(param ? 400 : 404, "invalid_request_error", `No such ${name}: '${id}'`, {
    code: "resource_missing",
    param: param ?? "id",
  });
}

/** 400 `parameter_missing`. */
export function parameterMissing(param: string): StripeError {
  return new StripeError(400, "invalid_request_error", `Missing required param: ${param}.`, {
    code: "parameter_missing",
    param,
  });
}

/** 400 `parameter_unknown`. */
export function parameterUnknown(param: string): StripeError {
  return new StripeError(400, "invalid_request_error", `Received unknown parameter: ${param}`, {
    code: "parameter_unknown",
    param,
  });
}

/** 400 invalid_request_error for a value of the wrong form. */
export function invalidParam(param: string, message: string, code?: string): StripeError {
  return new StripeError(400, "invalid_request_error", message, { param, ...(code ? { code } : {}) });
}

/** 400 invalid_request_error about the object's state rather than one parameter. */
export function invalidRequest(message: string, fields: StripeErrorFields = {}): StripeError {
  return new StripeError(400, "invalid_request_error", message, fields);
}
