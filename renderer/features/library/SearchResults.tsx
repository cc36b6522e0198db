import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters, SearchHit } from '../../../shared/search/types';
import { useEvent, useQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { hrefFor } from '../../router/route';

const PAGE = 20;
/** The contract's ceiling for one search call. */
const MAX = 200;

interface Props {
  query: string;
  filters: SearchFilters | undefined;
  onClearFilters: () => void;
}

/**
 * Passages matching the query, best first. The request follows the query (useQuery drops the
 * reply to a superseded one, so a slow early answer never replaces a later one); the previous
 * results stay, dimmed, while the next arrive.
 */
export function SearchResults({ query, filters, onClearFilters }: Props) {
  const { t } = useTranslation();
  // "Show more" applies to one query; a new query starts again at one page.
  const [more, setMore] = useState({ query, limit: PAGE });
  const limit = more.query === query ? more.limit : PAGE;
  const search = useQuery('documents:search', filters ? { query, limit, filters } : { query, limit });
  useEvent('documents:changed', search.reload);

  let body;
  const hits = search.data;
  const full = hits !== undefined && hits.length >= limit;
  if (search.error) {
    body = <ErrorNotice title={t('search.failed')} error={search.error} onRetry={search.reload} />;
  } else if (!hits) {
    body = (
      <p className="loading" role="status">
        {t('search.searching')}
      </p>
    );
  } else if (hits.length === 0 && !search.loading) {
    body = (
      <div className="empty-state empty-state--compact">
        <h2>{t('search.noResultsTitle')}</h2>
        <p role="status">{t(filters ? 'search.noResultsFiltered' : 'search.noResultsBody', { query })}</p>
        {filters && (
          <button type="button" className="button" onClick={onClearFilters}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    );
  } else {
    let count: string;
    if (search.loading) count = t('search.searching');
    else if (full) count = t('search.countFirst', { count: hits.length });
    else count = t('search.count', { count: hits.length });
    body = (
      <>
        <p className="search-results__count" role="status">
          {count}
        </p>
        <ol className={search.loading ? 'hits hits--stale' : 'hits'}>
          {hits.map((hit) => (
            <Hit key={hit.passageId} hit={hit} />
          ))}
        </ol>
        {full && limit < MAX && (
          <button
            type="button"
            className="button more"
            disabled={search.loading}
            onClick={() => setMore({ query, limit: Math.min(MAX, limit + PAGE) })}
          >
            {t('search.more')}
          </button>
        )}
      </>
    );
  }

  return (
    <section className="search-results" aria-label={t('search.resultsLabel')} aria-busy={search.loading}>
      {body}
    </section>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  // Paragraphs are counted from 0 within a page; people count from 1.
  const place = t('search.place', { page: hit.page, paragraph: hit.paragraph + 1 });
  return (
    <li className="hit">
      <h3 className="hit__title">
        <a href={hrefFor({ screen: 'library', docId: hit.documentId, passage: hit.passageId })}>
          {hit.title}
          <span className="visually-hidden">{t('common.listSeparator')}</span>
          <span className="hit__place">{place}</span>
        </a>
      </h3>
      <p className="hit__snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </p>
    </li>
  );
}

/** `text` with the [start, end) `ranges` marked; ranges out of bounds or overlapping are tolerated. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, pos);
    const end = Math.min(to, text.length);
    if (end <= start) continue;
    if (start > pos) parts.push(<Fragment key={`t${pos}`}>{text.slice(pos, start)}</Fragment>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    pos = end;
  }
  if (pos < text.length) parts.push(<Fragment key={`t${pos}`}>{text.slice(pos)}</Fragment>);
  return <>{parts}</>;
}
