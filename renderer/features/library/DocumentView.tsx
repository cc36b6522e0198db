import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentMeta } from '../../../shared/domain/document';
import { call } from '../../api/client';
import { useEvent, useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { hrefFor } from '../../router/route';
import { DocumentFacts } from './DocumentFacts';
import { MetaForm } from './MetaForm';
import { PassageList } from './PassageList';

/** One document: its metadata (editable) and its text, passage by passage (a passage can be highlighted). */
export function DocumentView({ id, passage }: { id: string; passage?: string }) {
  const { t } = useTranslation();
  const doc = useQuery('documents:get', { id });
  useEvent('documents:changed', ({ ids }) => {
    if (ids.includes(id)) doc.reload();
  });

  let body;
  if (doc.error) {
    body = <ErrorNotice title={t('document.loadFailed')} error={doc.error} onRetry={doc.reload} />;
  } else if (!doc.data) {
    body = <Loading />;
  } else {
    body = <DocumentBody doc={doc.data} passage={passage} onSaved={doc.reload} />;
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

interface BodyProps {
  doc: DocumentDetail;
  passage?: string;
  onSaved: () => void;
}

function DocumentBody({ doc, passage, onSaved }: BodyProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  // What was saved, shown until the reloaded document (a new object) arrives with it.
  const [saved, setSaved] = useState<{ of: DocumentDetail; meta: DocumentMeta }>();
  const shown = saved?.of === doc ? { ...doc, meta: saved.meta } : doc;
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  const save = async (meta: DocumentMeta) => {
    const summary = await call('documents:updateMeta', { id: doc.id, meta });
    setSaved({ of: doc, meta: summary.meta });
    close();
    onSaved();
  };

  return (
    <article className="document">
      <ScreenHeader title={shown.title || shown.fileName} />
      <section className="details-card" aria-labelledby={headingId}>
        <header className="details-card__header">
          <h2 id={headingId}>{t(editing ? 'document.editTitle' : 'document.infoLabel')}</h2>
          {!editing && (
            <button ref={editButton} type="button" className="button button--small" onClick={() => setEditing(true)}>
              {t('document.edit')}
            </button>
          )}
        </header>
        {editing ? <MetaForm meta={shown.meta} onSave={save} onCancel={close} /> : <DocumentFacts doc={shown} />}
      </section>
      {!shown.textLayer && <p className="notice notice--info">{t('document.noTextLayer')}</p>}
      <PassageList passages={shown.passages} paged={shown.pageCount > 1} highlight={passage} />
    </article>
  );
}
