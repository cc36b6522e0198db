import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../router/route';
import { DraftView } from '../review/DraftView';
import type { SummaryRun } from './useSummarize';

/**
 * A finished summary: said to be a draft awaiting review (and a cached one said not to have called
 * the model), then the draft itself under review right here: its checked summary, the editor and
 * the approval, so the one path from summary to approval is to scroll down.
 */
export function SummaryResult({ result }: { result: SummaryRun }) {
  const { t } = useTranslation();
  const note = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the result, not back at the top of the form.
  useEffect(() => {
    note.current?.focus({ preventScroll: true });
    note.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section className="summary-result" aria-label={t('summarize.resultTitle')}>
      <div className="summary-result__note" ref={note} tabIndex={-1} role="status">
        <p className="summary-result__title">{t('summarize.resultReady')}</p>
        {result.cached && <p>{t('summarize.cached')}</p>}
        <p>
          {t('summarize.resultNote')}{' '}
          <a href={hrefFor({ screen: 'review', draftId: result.draft.id })}>{t('summarize.openInReview')}</a>
        </p>
      </div>
      <DraftView id={result.draft.id} embedded />
    </section>
  );
}
