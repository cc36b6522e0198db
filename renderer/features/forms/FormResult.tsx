import { useTranslation } from 'react-i18next';
import { InlineDraftResult } from '../review/InlineDraftResult';
import type { FormFillRun } from './useFormFill';

/** A filled form under review right here: field by field with its evidence, then approval and export. */
export function FormResult({ result }: { result: FormFillRun }) {
  const { t } = useTranslation();
  return (
    <InlineDraftResult
      draftId={result.draft.id}
      label={t('forms.result.title')}
      ready={t('forms.result.ready')}
      note={t('forms.result.note')}
      openInReview={t('forms.result.openInReview')}
    />
  );
}
