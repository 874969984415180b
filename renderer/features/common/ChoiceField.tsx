// A labelled <select> over a fixed list of values, each shown with its translated label.
export function ChoiceField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel(value: T): string;
  onChange(value: T): void;
  disabled?: boolean;
  name?: string;
  inline?: boolean;
}) {
  return (
    <label className={props.inline ? 'field inline' : 'field'}>
      <span>{props.label}</span>
      <select name={props.name} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
