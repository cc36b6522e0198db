import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSort } from '../../../shared/domain/document';
import { useEvent, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DocumentTable } from './DocumentTable';
import { DropZone } from './DropZone';
import { ImportButton } from './ImportButton';
import { ImportStatus } from './ImportStatus';
import { SortSelect } from './SortSelect';
import { useImport } from './useImport';

const PAGE = 200;

/** The document list with sorting, import (button or drag and drop) and import results. */
export function LibraryHome() {
  const { t } = useTranslation();
  const [sort, setSort] = useState<DocumentSort>('imported_desc');
  const [limit, setLimit] = useState(PAGE);
  const list = useQuery('documents:list', { sort, limit });
  const importer = useImport();
  useEvent('documents:changed', list.reload);

  let body;
  if (list.error) {
    body = <ErrorNotice title={t('library.loadFailed')} error={list.error} onRetry={list.reload} />;
  } else if (!list.data) {
    body = <Loading />;
  } else if (list.data.length === 0) {
    body = <EmptyState title={t('library.emptyTitle')} body={t('library.emptyBody')} />;
  } else {
    body = (
      <>
        <DocumentTable documents={list.data} />
        {list.data.length >= limit && (
          <button type="button" className="button more" onClick={() => setLimit(limit + PAGE)} disabled={list.loading}>
            {t('library.more')}
          </button>
        )}
      </>
    );
  }

  return (
    <DropZone onFiles={importer.start}>
      <ScreenHeader title={t('nav.library')}>
        <SortSelect value={sort} onChange={setSort} />
        <ImportButton onFiles={importer.start} disabled={importer.state.phase === 'running'} />
      </ScreenHeader>
      <ImportStatus state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} />
      {body}
    </DropZone>
  );
}
