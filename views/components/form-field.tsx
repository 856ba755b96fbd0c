import type { JSX } from "preact";

/** Ids of the hint and error elements a control points to with `aria-describedby`. */
export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** The label, hint and error around one control; the control itself comes as children. */
export function FieldShell(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: JSX.Element;
}) {
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

/** A labelled text input whose error is announced with the field (WCAG 3.3.1). */
export function FormField(props: {
  id: string;
  name: string;
  label: string;
  value?: string | null | undefined;
  type?: "text" | "email" | "tel";
  autocomplete?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  /** The on-screen keyboard to offer (e.g. `numeric` for a one-time code). */
  inputMode?: "numeric" | "email" | "tel" | "text";
  /** Extra class on the input (its width or lettering). */
  inputClass?: string;
}) {
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        class={props.inputClass}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      />
    </FieldShell>
  );
}
