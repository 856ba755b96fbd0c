/** A checkbox with its label after it, and an optional hint tied with aria-describedby. */
export function FormCheckbox(props: {
  id: string;
  name: string;
  label: string;
  checked?: boolean;
  value?: string;
  hint?: string | undefined;
}) {
  return (
    <div class="field field-checkbox">
      <input
        id={props.id}
        name={props.name}
        type="checkbox"
        value={props.value ?? "1"}
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
