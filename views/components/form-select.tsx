import { describedBy, FieldShell } from "./form-field";

/** One choice of a select. */
export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select with the same error wiring as FormField. */
export function FormSelect(props: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  value?: string | null | undefined;
  /** Label of an empty first option ("Choose…"); omitted when the field always has a value. */
  placeholder?: string;
  autocomplete?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <select
        id={props.id}
        name={props.name}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
