import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain/document';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useErrorText } from '../../components/useErrorText';
import { hrefFor } from '../../router/route';
import type { ImportRow, ImportState } from './useImport';

/** Progress while an import runs (across all its calls), then one line per file; the status line is a live region. */
interface Props {
  state: ImportState;
  onCancel: () => void;
  onDismiss: () => void;
  onUnlock: (row: number, password: string) => Promise<ImportOutcome | undefined>;
}

export function ImportStatus({ state, onCancel, onDismiss, onUnlock }: Props) {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;

  let line: string;
  if (state.phase === 'running') {
    if (state.total === 0) line = t('import.scanning');
    else if (state.file) line = t('import.progress', { done: state.done, total: state.total, file: state.file });
    else line = t('import.reading', { total: state.total });
  } else if (state.emptyFolder) {
    line = t('import.emptyFolder');
  } else {
    const count = (status: ImportOutcome['status']) => state.rows.filter((r) => r.outcome.status === status).length;
    line = t('import.summary', {
      imported: count('imported'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
    });
  }

  return (
    <section className="panel import-status" aria-label={t('import.resultsTitle')}>
      <p role="status" className="import-status__line">
        {line}
      </p>
      {state.phase === 'running' ? (
        <div className="import-status__progress">
          {state.total === 0 ? (
            <progress aria-label={t('import.progressLabel')} />
          ) : (
            <progress max={state.total} value={state.done} aria-label={t('import.progressLabel')} />
          )}
          <button type="button" className="button" onClick={onCancel} disabled={state.cancelling}>
            {t(state.cancelling ? 'import.cancelling' : 'import.cancel')}
          </button>
        </div>
      ) : (
        <>
          {state.error && <ErrorNotice title={t('import.failed')} error={state.error} />}
          {state.rows.some((r) => r.locked) && <p className="import-status__hint">{t('import.passwordHint')}</p>}
          {state.rows.length > 0 && (
            <ul className="import-results">
              {state.rows.map((row, i) => (
                <ImportResult key={i} row={row} onUnlock={(password) => onUnlock(i, password)} />
              ))}
            </ul>
          )}
          <button type="button" className="button" onClick={onDismiss}>
            {t('import.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}

/** One file's outcome; `onUnlock` retries an encrypted file with a password. */
interface RowProps {
  row: ImportRow;
  onUnlock: (password: string) => Promise<ImportOutcome | undefined>;
}

function ImportResult({ row, onUnlock }: RowProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { outcome } = row;
  const link = useRef<HTMLAnchorElement>(null);
  const wasLocked = useRef(row.locked);

  // Opened with its password: the field is gone, so keyboard focus moves on to the document's link.
  useEffect(() => {
    if (wasLocked.current && !row.locked) link.current?.focus();
    wasLocked.current = row.locked;
  }, [row.locked]);

  return (
    <li className="import-result">
      <span className={`tag tag--${outcome.status}`}>{t(`import.${outcome.status}`)}</span>
      <span className="import-result__file">{outcome.file}</span>
      {outcome.status === 'rejected' ? (
        <span className="import-result__reason" aria-live={row.locked ? 'polite' : undefined}>
          {errorText(outcome.reason)}
        </span>
      ) : (
        <a ref={link} href={hrefFor({ screen: 'library', docId: outcome.id })}>
          {outcome.title}
        </a>
      )}
      {row.locked && <PasswordPrompt row={row} onUnlock={onUnlock} />}
    </li>
  );
}

/** The password of one encrypted file; a wrong one leaves the field (selected) for another try. */
function PasswordPrompt({ row, onUnlock }: RowProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password === '' || row.unlocking) return;
    const outcome = await onUnlock(password);
    if (!outcome || needsAnotherTry(outcome)) {
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <form className="password-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('import.passwordFor', { file: row.outcome.file })}
      </label>
      <input
        ref={field}
        id={id}
        type="password"
        autoComplete="off"
        placeholder={t('import.passwordPlaceholder')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        readOnly={row.unlocking}
      />
      <button type="submit" className="button button--primary" disabled={password === '' || row.unlocking}>
        {t(row.unlocking ? 'import.opening' : 'import.open')}
      </button>
      {row.unlockError && (
        <p className="password-form__error" role="alert">
          {errorText(row.unlockError)}
        </p>
      )}
    </form>
  );
}

const needsAnotherTry = (outcome: ImportOutcome) => outcome.status === 'rejected';
