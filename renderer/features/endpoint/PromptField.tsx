import { useId } from 'react';

interface Props {
  label: string;
  placeholder: string;
  /** Under the field: how to send (Ctrl+Enter sends, as the hint says). */
  hint: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter (⌘+Enter): what the form's submit button does. */
  onSubmit: () => void;
  disabled?: boolean;
}

/** The prompt of a model request: a labelled text area that Ctrl+Enter sends. */
export function PromptField({ label, placeholder, hint, rows, value, onChange, onSubmit, disabled }: Props) {
  const id = useId();
  return (
    <div className="field field--wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
          e.preventDefault();
          onSubmit();
        }}
      />
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
    </div>
  );
}
