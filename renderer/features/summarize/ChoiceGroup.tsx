import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  /** A line under an option's label, if it needs one. */
  hint?: (option: T) => string;
  disabled: boolean;
}

/** One choice among a few, as radio buttons (arrow keys move between them). */
export function ChoiceGroup<T extends string>({ legend, options, value, onChange, label, hint, disabled }: Props<T>) {
  const id = useId();
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="choice-group__options">
        {options.map((option) => (
          <span key={option} className="choice-group__option">
            <input
              id={`${id}-${option}`}
              type="radio"
              name={id}
              value={option}
              checked={value === option}
              aria-describedby={hint ? `${id}-${option}-hint` : undefined}
              onChange={() => onChange(option)}
            />
            <label htmlFor={`${id}-${option}`}>{label(option)}</label>
            {hint && (
              <span id={`${id}-${option}-hint`} className="choice-group__hint">
                {hint(option)}
              </span>
            )}
          </span>
        ))}
      </div>
    </fieldset>
  );
}
