import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../router/route';
import { DraftView } from '../review/DraftView';
import type { FormFillRun } from './useFormFill';

/**
 * A filled form: said to be a draft awaiting review, then the draft itself right here, field by
 * field with its evidence, the approval and the export, so the one path from filling to the
 * filled file is to scroll down.
 */
export function FormResult({ result }: { result: FormFillRun }) {
  const { t } = useTranslation();
  const note = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the result, not back at the top of the screen.
  useEffect(() => {
    note.current?.focus({ preventScroll: true });
    note.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section className="summary-result" aria-label={t('forms.result.title')}>
      <div className="summary-result__note" ref={note} tabIndex={-1} role="status">
        <p className="summary-result__title">{t('forms.result.ready')}</p>
        <p>
          {t('forms.result.note')}{' '}
          <a href={hrefFor({ screen: 'review', draftId: result.draft.id })}>{t('forms.result.openInReview')}</a>
        </p>
      </div>
      <DraftView id={result.draft.id} embedded />
    </section>
  );
}
