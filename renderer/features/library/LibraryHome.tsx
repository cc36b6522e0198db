import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../shared/search/types';
import { useEvent, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDebounced } from '../../components/useDebounced';
import { DocumentTable } from './DocumentTable';
import { DropZone } from './DropZone';
import { FilterChips } from './FilterChips';
import { FilterPanel } from './FilterPanel';
import { activeFilters, countFilters, withFilter } from './filters';
import { ImportButton } from './ImportButton';
import { ImportStatus } from './ImportStatus';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { SortSelect } from './SortSelect';
import { useLibraryImport, useLibraryView } from './LibraryProvider';
import type { LibraryView } from './LibraryProvider';

const PAGE = 200;
/** Typing pauses shorter than this do not send a search. */
const SEARCH_DELAY_MS = 150;

/**
 * The document list, or search results while a query is typed; filters narrow both. Import by
 * button (files or a folder) or drag and drop, with progress and per-file results.
 */
export function LibraryHome() {
  const { t } = useTranslation();
  const [view, setView] = useLibraryView();
  const { sort, text, filters, filtersOpen } = view;
  const set = (patch: Partial<LibraryView>) => setView((v) => ({ ...v, ...patch }));
  const setFilters = (next: SearchFilters) => set({ filters: next });
  const [limit, setLimit] = useState(PAGE);
  const panelId = useId();

  const typed = text.trim();
  const settled = useDebounced(typed, SEARCH_DELAY_MS);
  // Clearing the box shows the list at once; only new input waits for the pause.
  const query = typed === '' ? '' : settled;
  const active = activeFilters(filters);

  const list = useQuery('documents:list', active ? { sort, limit, filters: active } : { sort, limit });
  const facets = useQuery('documents:facets', {});
  const importer = useLibraryImport();
  useEvent('documents:changed', () => {
    list.reload();
    facets.reload();
  });
  const clearFilters = () => setFilters({});

  let body;
  if (query !== '') {
    body = <SearchResults query={query} filters={active} onClearFilters={clearFilters} />;
  } else if (list.error) {
    body = <ErrorNotice title={t('library.loadFailed')} error={list.error} onRetry={list.reload} />;
  } else if (!list.data) {
    body = <Loading />;
  } else if (list.data.length === 0 && active) {
    body = (
      <EmptyState title={t('library.filteredEmptyTitle')} body={t('library.filteredEmptyBody')}>
        <button type="button" className="button" onClick={clearFilters}>
          {t('filters.clear')}
        </button>
      </EmptyState>
    );
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

  const filterCount = countFilters(filters);
  return (
    <DropZone onFiles={importer.start}>
      <ScreenHeader title={t('nav.library')}>
        <SortSelect value={sort} onChange={(next) => set({ sort: next })} disabled={query !== ''} />
        <ImportButton onFiles={importer.start} disabled={importer.state.phase === 'running'} />
      </ScreenHeader>
      <div className="library-bar">
        <SearchBox value={text} onChange={(next) => set({ text: next })} />
        <button
          type="button"
          className={filtersOpen ? 'button filter-toggle filter-toggle--open' : 'button filter-toggle'}
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          onClick={() => set({ filtersOpen: !filtersOpen })}
        >
          {t('filters.toggle')}
          {filterCount > 0 && (
            <span className="filter-toggle__count">
              <span className="visually-hidden">{t('filters.activeCount', { count: filterCount })}</span>
              <span aria-hidden="true">{filterCount}</span>
            </span>
          )}
        </button>
      </div>
      {filtersOpen && <FilterPanel id={panelId} filters={filters} onChange={setFilters} facets={facets} />}
      <FilterChips
        filters={filters}
        onRemove={(key) => setFilters(withFilter(filters, key, ''))}
        onClear={clearFilters}
      />
      <ImportStatus
        state={importer.state}
        onCancel={importer.cancel}
        onDismiss={importer.dismiss}
        onUnlock={importer.unlock}
      />
      {body}
    </DropZone>
  );
}
