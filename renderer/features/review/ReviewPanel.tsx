import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail, DraftVersion, DraftWarning } from '../../../shared/domain/draft';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../components/useFormat';
import { hrefFor } from '../../router/route';
import { RejectForm } from './RejectForm';
import { useReviewText, warningSpan } from './useReviewText';

interface Props {
  draft: DraftDetail;
  /** The version whose text the editor shows. */
  shown: DraftVersion | undefined;
  /** Unsaved or saving edits: what is on screen is not a stored version yet. */
  pending: boolean;
  onLocate: (warning: DraftWarning) => void;
  /** A decision was recorded: main's draft after it. */
  onDecided: (draft: DraftDetail) => void;
  /** The draft changed under the reviewer: load it again. */
  onStale: () => void;
  /** What a person calls a field (a form's label), for warnings that name one. */
  fieldLabel?: (name: string) => string;
}

/** Errors that mean the reviewer did not see what is stored now. */
const STALE = new Set(['content_changed', 'draft_conflict', 'invalid_state', 'warnings_unacknowledged']);

/**
 * Approval is a person's act: each warning checked off, the statement of responsibility ticked,
 * then the approval names the version and the content hash the reviewer saw (main recomputes it).
 * Or the draft goes back with a reason.
 */
export function ReviewPanel({ draft, shown, pending, onLocate, onDecided, onStale, fieldLabel }: Props) {
  const { t } = useTranslation();
  const text = useReviewText();
  const format = useFormat();
  const id = useId();
  const settings = useQuery('settings:get', {});
  // Acknowledgements and the confirmation belong to one version: a new version asks again.
  const [checks, setChecks] = useState<{ version: number; acknowledged: string[]; confirmed: boolean }>({
    version: shown?.version ?? 0,
    acknowledged: [],
    confirmed: false,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const version = shown?.version ?? 0;
  const current = checks.version === version ? checks : { version, acknowledged: [], confirmed: false };
  const setCurrent = (patch: Partial<typeof current>) => setChecks({ ...current, ...patch });

  const warnings = shown?.warnings ?? [];
  const open = warnings.filter((w) => !current.acknowledged.includes(w.id));
  const isCurrent = shown !== undefined && shown.version === draft.version;
  const reviewable = draft.state === 'draft' && isCurrent;
  // An approval can be withdrawn by sending the text back.
  const rejectable = (draft.state === 'draft' || draft.state === 'approved') && isCurrent;

  const blockers: string[] = [];
  if (draft.state === 'generating') blockers.push(t('review.blockGenerating'));
  else if (draft.state === 'approved') blockers.push(t('review.blockApproved'));
  else if (draft.state === 'rejected') blockers.push(t('review.blockRejected'));
  if (pending) blockers.push(t('review.blockUnsaved'));
  if (reviewable && open.length > 0) blockers.push(t('review.blockWarnings', { n: open.length }));
  if (reviewable && !current.confirmed) blockers.push(t('review.blockConfirm'));
  const canApprove = reviewable && !pending && !busy && open.length === 0 && current.confirmed;

  const approve = async () => {
    if (!canApprove || !shown) return;
    setBusy(true);
    setError(undefined);
    try {
      onDecided(
        await call('drafts:approve', {
          id: draft.id,
          version: shown.version,
          contentHash: shown.contentHash,
          acknowledged: warnings.filter((w) => current.acknowledged.includes(w.id)).map((w) => w.id),
          confirmed: true,
        }),
      );
    } catch (err) {
      const e = toAppError(err);
      setError(e);
      if (STALE.has(e.code)) onStale();
    } finally {
      setBusy(false);
    }
  };

  const reviewer = settings.data?.reviewerName ?? '';
  // An approved text shows its approval: who, when, and the warnings they checked.
  const approval =
    draft.state === 'approved' && shown
      ? draft.approvals.filter((a) => a.version === shown.version && a.contentHash === shown.contentHash).at(-1)
      : undefined;
  const isChecked = (w: DraftWarning) =>
    approval ? approval.acknowledged.includes(w.id) : current.acknowledged.includes(w.id);
  const body = shown?.content.text ?? '';

  return (
    <section className="panel review-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.panelTitle')}</h2>

      <h3 id={`${id}-warnings`}>{t('review.warningsTitle', { n: warnings.length })}</h3>
      {warnings.length === 0 ? (
        <p className="muted">{t('review.warningsNone')}</p>
      ) : (
        <ul className="warning-list" aria-labelledby={`${id}-warnings`}>
          {warnings.map((w) => {
            const span = warningSpan(w, body);
            const checkId = `${id}-ack-${w.id}`;
            return (
              <li key={w.id} className={`warning warning--${w.severity}`}>
                <p className="warning__head">
                  <span className="warning__kind">
                    <span aria-hidden="true">{w.severity === 'error' ? '✕ ' : '! '}</span>
                    {text.warningKind(w.kind)}
                  </span>
                  {w.field && (
                    <span className="warning__field">
                      {t('review.warningField', { field: fieldLabel?.(w.field) ?? w.field })}
                    </span>
                  )}
                </p>
                <p className="warning__text">{text.warningText(w)}</p>
                {span !== null && <q className="warning__span">{span}</q>}
                <div className="warning__actions">
                  {(span !== null || w.field) && (
                    <button type="button" className="button button--small" onClick={() => onLocate(w)}>
                      {t(span !== null ? 'review.locate' : 'review.locateField')}
                    </button>
                  )}
                  <span className="check">
                    <input
                      id={checkId}
                      type="checkbox"
                      checked={isChecked(w)}
                      disabled={!reviewable}
                      onChange={(e) =>
                        setCurrent({
                          acknowledged: e.target.checked
                            ? [...current.acknowledged, w.id]
                            : current.acknowledged.filter((a) => a !== w.id),
                        })
                      }
                    />
                    <label htmlFor={checkId}>{t('review.acknowledge')}</label>
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {approval ? (
        <p className="notice notice--ok review-panel__approved">
          {t('review.approvedBy', { person: text.person(approval.reviewer), time: format.dateTime(approval.at) })}
        </p>
      ) : (
        <>
          <div className="review-panel__confirm check">
            <input
              id={`${id}-confirm`}
              type="checkbox"
              checked={current.confirmed}
              disabled={!reviewable}
              onChange={(e) => setCurrent({ confirmed: e.target.checked })}
            />
            <label htmlFor={`${id}-confirm`}>{t('review.confirm')}</label>
          </div>

          <p className="field__hint">
            {reviewer ? t('review.reviewerAs', { name: reviewer }) : t('review.reviewerUnset')}{' '}
            {!reviewer && <a href={hrefFor({ screen: 'settings' })}>{t('review.reviewerSet')}</a>}
          </p>

          <button
            type="button"
            className="button button--primary review-panel__approve"
            disabled={!canApprove}
            aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
            onClick={approve}
          >
            {busy ? t('review.approving') : t('review.approve')}
          </button>
          {blockers.length > 0 && (
            <ul id={`${id}-blockers`} className="review-panel__blockers">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <ErrorNotice title={t('review.approveFailed')} error={error} />}

      <RejectForm
        draft={draft}
        version={shown?.version}
        disabled={!rejectable || pending}
        onDecided={onDecided}
        onStale={onStale}
      />
    </section>
  );
}
