import { CSRF_FIELD } from "../../worker/portal/csrf";
import { newSubmissionNonce, SUBMISSION_FIELD } from "../../worker/portal/idempotency";

/**
 * The hidden fields every portal POST form carries: the session's CSRF token and a fresh
 * per-render `_submission` nonce (which makes a double submit of this form apply once).
 * Put it inside every `<form method="post">`.
 */
export function CsrfField(props: { token: string }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      <input type="hidden" name={SUBMISSION_FIELD} value={newSubmissionNonce()} />
    </>
  );
}
