/** One entry of the summary: the field's id (the link target) and its message. */
export interface FormErrorItem {
  fieldId: string;
  message: string;
}

/**
 * The list of a form's errors above it, each linking to its field. `role="alert"` makes
 * screen readers announce it when the page comes back with errors.
 */
export function FormErrorSummary(props: { id: string; title: string; errors: readonly FormErrorItem[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" id={props.id} role="alert" aria-labelledby={`${props.id}-title`} tabIndex={-1}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <ul>
        {props.errors.map((e) => (
          <li key={e.fieldId}>
            <a href={`#${e.fieldId}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message for the whole page (a notice after success, or an error without a field). */
export function FormNotice(props: { kind: "success" | "error"; message: string }) {
  return (
    <p class={`notice notice-${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.message}
    </p>
  );
}
