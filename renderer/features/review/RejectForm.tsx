import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECTION_REASONS } from '../../../shared/domain/draft';
import type { DraftDetail, RejectionReason } from '../../../shared/domain/draft';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useReviewText } from './useReviewText';

interface Props {
  draft: DraftDetail;
  version: number | undefined;
  disabled: boolean;
  onDecided: (draft: DraftDetail) => void;
  onStale: () => void;
}

const NOTE_MAX = 2000;

/** Sends the draft back: a reason from the fixed list (counted in the metrics) and a note in the reviewer's words. */
export function RejectForm({ draft, version, disabled, onDecided, onStale }: Props) {
  const { t } = useTranslation();
  const text = useReviewText();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (disabled || !reason || version === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await call('drafts:reject', { id: draft.id, version, reason, note: note.trim() }));
      setOpen(false);
      setReason('');
      setNote('');
    } catch (err) {
      const e = toAppError(err);
      setError(e);
      if (e.code === 'draft_conflict' || e.code === 'invalid_state') onStale();
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="reject">
        <button type="button" className="button" disabled={disabled} onClick={() => setOpen(true)}>
          {t('review.reject')}
        </button>
      </div>
    );
  }
  return (
    <form className="reject reject--open" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('review.rejectTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('review.rejectReason')}</label>
        <select
          id={`${id}-reason`}
          value={reason}
          required
          onChange={(e) => setReason(e.target.value as RejectionReason | '')}
        >
          <option value="">{t('review.rejectChoose')}</option>
          {REJECTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {text.reasonName(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--wide">
        <label htmlFor={`${id}-note`}>{t('review.rejectNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          placeholder={t('review.rejectNotePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error && <ErrorNotice title={t('review.rejectFailed')} error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={disabled || !reason || busy}>
          {busy ? t('review.rejecting') : t('review.rejectSubmit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}
