/**
 * Errors of the merchant API, in Stripe's envelope `{"error":{type,code,message,param,doc_url}}`
 * and with the HTTP status Stripe would use, so the official SDK raises the same error classes
 * (400/404 → InvalidRequestError, 401 → AuthenticationError, 409 → IdempotencyError …).
 */

/** The `type` values Stripe's error envelope allows. */
export type ApiErrorType = "invalid_request_error" | "idempotency_error" | "api_error";

/** The body of Stripe's error envelope. */
export interface ApiErrorBody {
  type: ApiErrorType;
  code?: string;
  message: string;
  param?: string;
  doc_url?: string;
}

/** Thrown anywhere below the API routes; the API's error handler renders it. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body.code
      ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${docSlug(body.code)}` }
      : body;
  }
}

function docSlug(code: string): string {
  return code.replace(/_/g, "-");
}

/** A 400 invalid_request_error naming the offending parameter. */
export function invalidParam(param: string | undefined, message: string, code?: string): ApiError {
  return new ApiError(400, {
    type: "invalid_request_error",
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });
}

/** `Missing required param: X.` */
export function parameterMissing(param: string): ApiError {
  return invalidParam(param, `Missing required param: ${param}.`, "parameter_missing");
}

/** `Received unknown parameter: X` */
export function parameterUnknown(param: string): ApiError {
  return invalidParam(param, `Received unknown parameter: ${param}`, "parameter_unknown");
}

/** An empty string for a parameter that cannot be unset. */
export function parameterInvalidEmpty(param: string): ApiError {
  return invalidParam(
    param,
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    "parameter_invalid_empty",
  );
}

/** `No such <thing>: 'id'` with the status the endpoint uses (404 on retrieve, 400 in params). */
export function resourceMissing(thing: string, id: string, param?: string, status = 400): ApiError {
  return new ApiError(status, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${thing}: '${id}'`,
    ...(param ? { param } : {}),
  });
}

/** `Invalid X: must be one of a, b, or c` */
export function invalidEnum(param: string, allowed: readonly string[]): ApiError {
  const list =
    allowed.length <= 1
      ? allowed.join("")
      : `${allowed.slice(0, -1).join(", ")}${allowed.length > 2 ? "," : ""} or ${allowed.at(-1)}`;
  return invalidParam(param, `Invalid ${param}: must be one of ${list}`);
}

/** The 401 Stripe sends for a missing or wrong API key (its body type is invalid_request_error). */
export function authenticationError(message: string): ApiError {
  return new ApiError(401, { type: "invalid_request_error", message });
}

/** Renders an ApiError as Stripe's JSON envelope. */
export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: error.body }), {
    status: error.status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}
