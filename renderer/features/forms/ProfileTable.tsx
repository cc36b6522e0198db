import { useTranslation } from 'react-i18next';
import { ValidationType } from '../../../shared/domain/form';
import type { FormProfile, ProfileField } from '../../../shared/domain/form';

interface Props {
  profile: FormProfile;
  disabled: boolean;
  onChange: (profile: FormProfile) => void;
}

/** Types that are never filled by AI (a signature is a person's, a button has no value). */
const NEVER_FILLED = new Set<ProfileField['type']>(['signature', 'button']);

/**
 * Each field as a person sees it: the label (what the model is told to look for), the type, the
 * validation type its value must pass, the file's required and read-only marks, whether AI leaves
 * it alone, and a choice field's options.
 */
export function ProfileTable({ profile, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ProfileField>) =>
    onChange({ ...profile, fields: profile.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) });

  return (
    <table className="profile-table">
      <caption>{t('forms.profile.caption', { n: profile.fields.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forms.profile.colLabel')}</th>
          <th scope="col">{t('forms.profile.colType')}</th>
          <th scope="col">{t('forms.profile.colValidation')}</th>
          <th scope="col">{t('forms.profile.colMarks')}</th>
          <th scope="col">{t('forms.profile.colSkip')}</th>
          <th scope="col">{t('forms.profile.colOptions')}</th>
        </tr>
      </thead>
      <tbody>
        {profile.fields.map((field, index) => {
          const label = field.label || field.name;
          const fixed = field.readOnly || NEVER_FILLED.has(field.type);
          return (
            <tr key={field.name} className={field.skip ? 'profile-table__row--skipped' : undefined}>
              <td>
                <input
                  type="text"
                  value={field.label}
                  maxLength={200}
                  disabled={disabled}
                  aria-label={t('forms.profile.labelOf', { name: field.name })}
                  onChange={(e) => update(index, { label: e.target.value })}
                />
                {field.label !== field.name && <span className="profile-table__name">{field.name}</span>}
              </td>
              <td>{t(`forms.profile.types.${field.type}`)}</td>
              <td>
                <select
                  value={field.validation}
                  disabled={disabled}
                  aria-label={t('forms.profile.validationOf', { label })}
                  onChange={(e) => update(index, { validation: ValidationType.parse(e.target.value) })}
                >
                  {ValidationType.options.map((v) => (
                    <option key={v} value={v}>
                      {t(`forms.profile.validations.${v}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="profile-table__marks">
                {field.required && <span className="tag tag--plain">{t('forms.profile.required')}</span>}
                {field.readOnly && <span className="tag tag--plain">{t('forms.profile.readOnly')}</span>}
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={field.skip}
                  disabled={disabled || fixed}
                  aria-label={t('forms.profile.skipOf', { label })}
                  title={fixed ? t('forms.profile.skipFixed') : undefined}
                  onChange={(e) => update(index, { skip: e.target.checked })}
                />
              </td>
              <td className="profile-table__options">
                {field.options?.length ? field.options.join(t('forms.listSeparator')) : t('forms.profile.noOptions')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
