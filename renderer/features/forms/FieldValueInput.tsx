import { useTranslation } from 'react-i18next';
import type { ProfileField } from '../../../shared/domain/form';

interface Props {
  id: string;
  field: ProfileField | undefined;
  value: string;
  /** A multi-select list (one choice a line) or a multiline text field. */
  multiSelect: boolean;
  multiline: boolean;
  readOnly: boolean;
  invalid: boolean;
  describedBy: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/**
 * A field's value as the draft holds it (text): a checkbox is 'true'/'false', a choice one of its
 * options (a value that is none of them stays visible, to be flagged), a multi-select list one
 * choice a line.
 */
export function FieldValueInput(props: Props) {
  const { id, field, value, multiSelect, multiline, readOnly, invalid, describedBy, onChange, onBlur } = props;
  const { t } = useTranslation();
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    onBlur,
  };

  if (field?.type === 'checkbox') {
    return (
      <input
        {...common}
        type="checkbox"
        className="form-check__box"
        checked={value === 'true'}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked ? 'true' : 'false')}
      />
    );
  }
  const options = field?.options ?? [];
  if (options.length > 0 && !multiSelect && field?.type !== 'text') {
    return (
      <select {...common} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('formCheck.unchosen')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {value !== '' && !options.includes(value) && (
          <option value={value}>{t('formCheck.notAnOption', { value })}</option>
        )}
      </select>
    );
  }
  if (multiSelect || multiline) {
    return (
      <textarea
        {...common}
        rows={Math.min(6, Math.max(2, value.split('\n').length))}
        value={value}
        readOnly={readOnly}
        placeholder={multiSelect ? t('formCheck.onePerLine') : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return <input {...common} type="text" value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />;
}
