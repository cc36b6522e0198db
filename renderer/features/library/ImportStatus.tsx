import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain/document';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useErrorText } from '../../components/useErrorText';
import { hrefFor } from '../../router/route';
import type { ImportState } from './useImport';

/** Progress while a batch runs, then one line per file; the status line is a live region. */
interface Props {
  state: ImportState;
  onCancel: () => void;
  onDismiss: () => void;
}

export function ImportStatus({ state, onCancel, onDismiss }: Props) {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;

  let line: string;
  if (state.phase === 'running') {
    line = state.file ? t('import.progress', { done: state.done, total: state.total, file: state.file }) : t('import.reading');
  } else {
    const count = (status: ImportOutcome['status']) => state.outcomes.filter((o) => o.status === status).length;
    line = t('import.summary', { imported: count('imported'), duplicate: count('duplicate'), rejected: count('rejected') });
  }

  return (
    <section className="panel import-status" aria-label={t('import.resultsTitle')}>
      <p role="status" className="import-status__line">
        {line}
      </p>
      {state.phase === 'running' ? (
        <div className="import-status__progress">
          <progress max={state.total} value={state.done} aria-label={t('import.progressLabel')} />
          <button type="button" className="button" onClick={onCancel} disabled={state.cancelling}>
            {t(state.cancelling ? 'import.cancelling' : 'import.cancel')}
          </button>
        </div>
      ) : (
        <>
          {state.error && <ErrorNotice title={t('import.failed')} error={state.error} />}
          <ImportResults outcomes={state.outcomes} />
          <button type="button" className="button" onClick={onDismiss}>
            {t('import.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}

function ImportResults({ outcomes }: { outcomes: readonly ImportOutcome[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (outcomes.length === 0) return null;
  return (
    <ul className="import-results">
      {outcomes.map((outcome, i) => (
        <li key={i} className="import-result">
          <span className={`tag tag--${outcome.status}`}>{t(`import.${outcome.status}`)}</span>
          <span className="import-result__file">{outcome.file}</span>
          {outcome.status === 'rejected' ? (
            <span className="import-result__reason">{errorText(outcome.reason)}</span>
          ) : (
            <a href={hrefFor({ screen: 'library', docId: outcome.id })}>{outcome.title}</a>
          )}
        </li>
      ))}
    </ul>
  );
}
