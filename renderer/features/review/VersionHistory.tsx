import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail, DraftVersion } from '../../../shared/domain/draft';
import { useFormat } from '../../components/useFormat';

/** Every version, newest first: who made it (the model or a person), when, and which one was approved. */
export function VersionHistory({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const approved = new Set(draft.approvals.map((a) => `${a.version} ${a.contentHash}`));
  const versions = [...draft.versions].sort((a, b) => b.version - a.version);
  const author = (v: DraftVersion) => {
    if (v.origin === 'edit') return v.author;
    if (v.engine === 'offline') return t('review.offlineEngine');
    return v.model ?? t('review.aiModelUnknown');
  };

  return (
    <section className="panel versions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.versionsTitle')}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('review.versionsNone')}</p>
      ) : (
        <table className="doc-table versions-table">
          <caption className="visually-hidden">{t('review.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('review.colVersion')}
              </th>
              <th scope="col">{t('review.colOrigin')}</th>
              <th scope="col">{t('review.colTime')}</th>
              <th scope="col">{t('review.colAuthor')}</th>
              <th scope="col" className="num">
                {t('review.colWarnings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row" className="num">
                  {v.version}
                </th>
                <td>
                  <span className={`tag ${v.origin === 'ai' ? 'tag--ai' : 'tag--plain'}`}>
                    {t(v.origin === 'ai' ? 'review.originAi' : 'review.originEdit')}
                  </span>
                  {v.version === draft.version && <span className="tag tag--plain">{t('review.currentVersion')}</span>}
                  {approved.has(`${v.version} ${v.contentHash}`) && (
                    <span className="tag draft-state draft-state--approved">{t('review.approvedVersion')}</span>
                  )}
                </td>
                <td>
                  <time dateTime={v.createdAt}>{format.dateTime(v.createdAt)}</time>
                </td>
                <td>{author(v)}</td>
                <td className="num">{v.warnings.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
