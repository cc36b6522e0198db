import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { DocumentFacts } from './DocumentFacts';
import { PassageList } from './PassageList';

/** One document: its metadata and its text, passage by passage (a passage can be highlighted). */
export function DocumentView({ id, passage }: { id: string; passage?: string }) {
  const { t } = useTranslation();
  const doc = useQuery('documents:get', { id });

  let body;
  if (doc.error) {
    body = <ErrorNotice title={t('document.loadFailed')} error={doc.error} onRetry={doc.reload} />;
  } else if (!doc.data) {
    body = <Loading />;
  } else {
    body = (
      <article className="document">
        <ScreenHeader title={doc.data.title || doc.data.fileName} />
        <DocumentFacts doc={doc.data} />
        {!doc.data.textLayer && <p className="notice notice--info">{t('document.noTextLayer')}</p>}
        <PassageList passages={doc.data.passages} paged={doc.data.pageCount > 1} highlight={passage} />
      </article>
    );
  }

  return (
    <>
      <a className="back-link" href={hrefFor({ screen: 'library' })}>
        <span aria-hidden="true">← </span>
        {t('document.back')}
      </a>
      {body}
    </>
  );
}
