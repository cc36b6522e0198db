import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportFormat } from '../../../shared/domain/draft';
import type { DraftDetail } from '../../../shared/domain/draft';
import type { FormKind } from '../../../shared/domain/form';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';

type Action = ExportFormat | 'copy' | 'print';
type Outcome = { action: Action; ok: boolean; path?: string | null };

interface Props {
  draft: DraftDetail;
  /** The current content is exactly what a reviewer approved, and nothing unsaved is on screen. */
  allowed: boolean;
  /** A filled form: its own format makes the filled file, the others a list of its fields. */
  formKind?: FormKind;
}

/**
 * The only ways out: export, copy, print, each done by main, which checks the approval again
 * (the buttons are off until then; a `not_approved` answer is shown if it happens anyway).
 */
export function EgressActions({ draft, allowed, formKind }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState<Action>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<AppError>();
  const [flatten, setFlatten] = useState(false);

  const run = async (action: Action) => {
    setBusy(action);
    setOutcome(undefined);
    setError(undefined);
    try {
      if (action === 'copy') {
        setOutcome({ action, ok: (await call('drafts:copy', { id: draft.id })).copied });
      } else if (action === 'print') {
        setOutcome({ action, ok: (await call('drafts:print', { id: draft.id })).printed });
      } else {
        // Flattening applies to the filled PDF form only.
        const flat = formKind === 'pdf' && action === 'pdf' && flatten;
        const result = await call('drafts:export', { id: draft.id, format: action, ...(flat && { flatten: true }) });
        setOutcome({ action, ok: result.saved, path: result.path });
      }
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setBusy(undefined);
    }
  };

  let message = '';
  if (outcome?.action === 'copy') message = outcome.ok ? t('review.copied') : t('review.copyCancelled');
  else if (outcome?.action === 'print') message = outcome.ok ? t('review.printed') : t('review.printCancelled');
  else if (outcome)
    message = outcome.ok ? t('review.exported', { path: outcome.path ?? '' }) : t('review.exportCancelled');

  const button = (action: Action, label: string, primary = false) => (
    <button
      key={action}
      type="button"
      className={primary ? 'button button--small button--primary' : 'button button--small'}
      disabled={!allowed || busy !== undefined}
      aria-describedby={!allowed ? `${id}-why` : undefined}
      onClick={() => run(action)}
    >
      {busy === action ? t('review.working') : label}
    </button>
  );

  return (
    <section className="panel egress" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.egressTitle')}</h2>
      <p id={`${id}-why`} className="field__hint">
        {allowed ? t('review.egressReady') : t('review.egressLocked')}
      </p>
      <div className="egress__group" role="group" aria-label={t('review.exportLabel')}>
        {formKind
          ? [
              button(formKind, t(`review.exportFilled.${formKind}`), true),
              ...ExportFormat.options
                .filter((format) => format !== formKind)
                .map((format) => button(format, t(`review.exportFieldList.${format}`))),
            ]
          : ExportFormat.options.map((format) => button(format, t(`review.exportAs.${format}`)))}
      </div>
      {formKind === 'pdf' && (
        <div className="check">
          <input
            id={`${id}-flatten`}
            type="checkbox"
            checked={flatten}
            onChange={(e) => setFlatten(e.target.checked)}
          />
          <label htmlFor={`${id}-flatten`}>{t('review.exportFlatten')}</label>
        </div>
      )}
      {formKind && <p className="field__hint">{t('review.exportFormHint')}</p>}
      <div className="egress__group">
        {button('copy', t('review.copy'))}
        {button('print', t('review.print'))}
      </div>
      <p className="egress__outcome" role="status">
        {message}
      </p>
      {error && <ErrorNotice title={t('review.egressFailed')} error={error} />}
    </section>
  );
}
