import { useTranslation } from 'react-i18next';
import { InlineDraftResult } from '../review/InlineDraftResult';
import type { SummaryRun } from './useSummarize';

/** A finished summary under review right here; a cached one is said not to have called the model. */
export function SummaryResult({ result }: { result: SummaryRun }) {
  const { t } = useTranslation();
  return (
    <InlineDraftResult
      draftId={result.draft.id}
      label={t('summarize.resultTitle')}
      ready={t('summarize.resultReady')}
      note={t('summarize.resultNote')}
      openInReview={t('summarize.openInReview')}
      extra={result.cached && <p>{t('summarize.cached')}</p>}
    />
  );
}
