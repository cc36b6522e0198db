import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem, ProfileField } from '../../../shared/domain/form';

/** Names of field types, validation types and form kinds, and field problems in words. */
export function useFormText() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      /** Why a value is doubtful, for this field (its validation type, choices and length limit). */
      problem: (problem: FieldProblem, field: ProfileField | undefined): string => {
        switch (problem) {
          case 'invalid':
            return t(`fieldProblems.invalid.${field?.validation ?? 'none'}`);
          case 'not_an_option':
            return field?.options?.length
              ? t('fieldProblems.not_an_option_listed', { options: field.options.join(t('forms.listSeparator')) })
              : t('fieldProblems.not_an_option');
          case 'too_long':
            return field?.maxLength
              ? t('fieldProblems.too_long_max', { max: field.maxLength })
              : t('fieldProblems.too_long');
          default:
            return t(`fieldProblems.${problem}`);
        }
      },
    }),
    [t],
  );
}
