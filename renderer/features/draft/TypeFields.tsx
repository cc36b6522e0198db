import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocTypeSpec, FieldSpec } from '../../../shared/gongwen/type-spec';
import { useLintText } from '../lint/useLint';
import type { FieldIssue } from './validate';

interface Props {
  type: DocTypeSpec;
  values: Record<string, string>;
  issues: Record<string, FieldIssue[]>;
  /** Fields whose issues are shown (touched, or all after an attempt to generate). */
  shown: (key: string) => boolean;
  onChange: (key: string, value: string) => void;
  onTouch: (key: string) => void;
  disabled: boolean;
}

/** A type's fields as a form: labels, hints, required marks, and what is wrong as you type. */
export function TypeFields({ type, values, issues, shown, onChange, onTouch, disabled }: Props) {
  const { t } = useTranslation();
  const text = useLintText();
  const id = useId();
  const name = text({ zh: type.name, en: type.nameEn });

  return (
    <fieldset className="type-fields" disabled={disabled}>
      <legend>{t('drafting.fieldsTitle', { name })}</legend>
      <p className="field__hint">{t('drafting.requiredNote')}</p>
      {type.fields.map((field) => (
        <FieldRow
          key={field.key}
          id={`${id}-${field.key}`}
          field={field}
          value={values[field.key] ?? ''}
          issues={shown(field.key) ? (issues[field.key] ?? []) : []}
          onChange={(value) => onChange(field.key, value)}
          onTouch={() => onTouch(field.key)}
        />
      ))}
    </fieldset>
  );
}

interface RowProps {
  id: string;
  field: FieldSpec;
  value: string;
  issues: FieldIssue[];
  onChange: (value: string) => void;
  onTouch: () => void;
}

function FieldRow({ id, field, value, issues, onChange, onTouch }: RowProps) {
  const { t } = useTranslation();
  const text = useLintText();
  const label = text(field.label);
  const hints = [
    field.hint ? text(field.hint) : '',
    field.kind === 'organs' ? t('drafting.organsHint') : '',
    field.kind === 'list' ? t('drafting.listHint') : '',
  ].filter(Boolean);
  const invalid = issues.length > 0;
  const describedBy = [hints.length > 0 ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    required: field.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: onTouch,
  };

  let control;
  if (field.kind === 'choice') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('drafting.choiceNone')}</option>
        {(field.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'multiline' || field.kind === 'list') {
    control = (
      <textarea {...common} rows={field.kind === 'multiline' ? 5 : 3} onChange={(e) => onChange(e.target.value)} />
    );
  } else {
    control = <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
  }

  return (
    <div className={`field type-field type-field--${field.kind}`}>
      <label htmlFor={id}>
        {label}
        {field.required && (
          <>
            <span className="type-field__required" aria-hidden="true">
              {' '}
              *
            </span>
            <span className="visually-hidden">{t('drafting.requiredMark')}</span>
          </>
        )}
      </label>
      {control}
      {hints.length > 0 && (
        <p id={`${id}-hint`} className="field__hint">
          {hints.join(' ')}
        </p>
      )}
      {invalid && (
        <div id={`${id}-error`} className="field__error type-field__errors">
          {issues.map((issue, i) => (
            <p key={i}>
              {issue.kind === 'required'
                ? t('drafting.errorRequired', { field: label })
                : issue.kind === 'date'
                  ? t('drafting.errorDate')
                  : text(issue.problem.message)}
              {issue.kind === 'lint' && issue.problem.fix && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onChange(issue.problem.fix!.text)}
                  >
                    {t('drafting.useFix', { text: issue.problem.fix.text })}
                  </button>
                </>
              )}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
