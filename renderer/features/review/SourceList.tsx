import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSource } from '../../../shared/domain/draft';
import { useQuery } from '../../api/hooks';
import { hrefFor } from '../../router/route';

/** The documents (and passages) the draft was made from, each opening in the Library. */
export function SourceList({ sources }: { sources: DraftSource[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel sources" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.sourcesTitle', { n: sources.length })}</h2>
      {sources.length === 0 ? (
        <p className="muted">{t('review.sourcesNone')}</p>
      ) : (
        <ul className="source-list">
          {sources.map((s) => (
            <SourceItem key={`${s.documentId} ${s.passageId ?? ''}`} source={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceItem({ source }: { source: DraftSource }) {
  const { t } = useTranslation();
  const doc = useQuery('documents:get', { id: source.documentId });
  const passage = source.passageId ? doc.data?.passages.find((p) => p.id === source.passageId) : undefined;
  const href = hrefFor({
    screen: 'library',
    docId: source.documentId,
    ...(source.passageId ? { passage: source.passageId } : {}),
  });
  if (doc.error) {
    return (
      <li className="source source--missing">
        {t('review.sourceMissing')} <code>{source.documentId.slice(0, 8)}</code>
      </li>
    );
  }
  return (
    <li className="source">
      <a href={href}>{doc.data ? doc.data.title || doc.data.fileName : t('common.loading')}</a>
      {passage && (
        <span className="source__place">
          {t('review.sourcePlace', { page: passage.page, paragraph: passage.paragraph + 1 })}
        </span>
      )}
      {passage && <q className="source__quote">{passage.text}</q>}
    </li>
  );
}
