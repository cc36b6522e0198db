import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail } from '../../../shared/domain/draft';
import { useFormat } from '../../components/useFormat';
import { shortHash, useReviewText } from './useReviewText';

/** Who approved or sent back which version, when, and (for approvals) the hash of the text approved. */
export function DecisionLog({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  const text = useReviewText();
  const format = useFormat();
  const id = useId();
  const entries = [
    ...draft.approvals.map((a) => ({ at: a.at, kind: 'approval' as const, approval: a })),
    ...draft.rejections.map((r) => ({ at: r.at, kind: 'rejection' as const, rejection: r })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section className="panel decision-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.decisionsTitle')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('review.decisionsNone')}</p>
      ) : (
        <ul className="decisions">
          {entries.map((e) =>
            e.kind === 'approval' ? (
              <li key={`a${e.at}`} className="decision decision--approved">
                <p className="decision__head">
                  <span className="tag draft-state draft-state--approved">{t('review.approvedEntry')}</span>
                  <span>{t('review.versionN', { version: e.approval.version })}</span>
                </p>
                <p>
                  {text.person(e.approval.reviewer)} ·{' '}
                  <time dateTime={e.approval.at}>{format.dateTime(e.approval.at)}</time>
                </p>
                <p className="decision__hash">
                  {t('review.hash')} <code title={e.approval.contentHash}>{shortHash(e.approval.contentHash)}</code>
                </p>
                {e.approval.acknowledged.length > 0 && (
                  <p className="field__hint">{t('review.acknowledgedN', { n: e.approval.acknowledged.length })}</p>
                )}
              </li>
            ) : (
              <li key={`r${e.at}`} className="decision decision--rejected">
                <p className="decision__head">
                  <span className="tag draft-state draft-state--rejected">{t('review.rejectedEntry')}</span>
                  <span>{t('review.versionN', { version: e.rejection.version })}</span>
                </p>
                <p>
                  {t('review.reasonIs', { reason: text.reasonName(e.rejection.reason) })}
                  {e.rejection.note && <> · {e.rejection.note}</>}
                </p>
                <p>
                  {text.person(e.rejection.reviewer)} ·{' '}
                  <time dateTime={e.rejection.at}>{format.dateTime(e.rejection.at)}</time>
                </p>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
