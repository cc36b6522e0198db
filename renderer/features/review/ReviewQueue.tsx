import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftQuery, DraftState, DraftSummary } from '../../../shared/domain/draft';
import { useEvent, useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../components/useFormat';
import { hrefFor } from '../../router/route';
import { StateBadge } from './StateBadge';
import { useNow } from './useNow';
import { TOOLS, useReviewText } from './useReviewText';

/** The queue's filters, in the order a reviewer works through them. */
const STATE_FILTERS = ['draft', 'generating', 'approved', 'rejected', 'all'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];

export const QUEUE_PAGE = 100;

/** How many drafts are in a state (a one-row query whose total is the count). */
function useCount(state: DraftState | undefined, tool: string) {
  return useQuery('drafts:list', { ...(state ? { state } : {}), ...(tool ? { tool } : {}), limit: 1 });
}

/**
 * Every draft by state (awaiting review first), tool and age, most recently changed first (the
 * store's order). Main says
 * `drafts:changed` after each generation, edit and decision; the queue follows.
 */
export function ReviewQueue() {
  const { t } = useTranslation();
  const id = useId();
  const text = useReviewText();
  const [state, setState] = useState<StateFilter>('draft');
  const [tool, setTool] = useState('');
  const [limit, setLimit] = useState(QUEUE_PAGE);
  const query: DraftQuery = { ...(state !== 'all' ? { state } : {}), ...(tool ? { tool } : {}), limit, offset: 0 };
  const list = useQuery('drafts:list', query);
  const counts = {
    draft: useCount('draft', tool),
    generating: useCount('generating', tool),
    approved: useCount('approved', tool),
    rejected: useCount('rejected', tool),
    all: useCount(undefined, tool),
  };
  useEvent('drafts:changed', () => {
    list.reload();
    Object.values(counts).forEach((c) => c.reload());
  });

  const choose = (next: StateFilter) => {
    setState(next);
    setLimit(QUEUE_PAGE);
  };
  const label = (filter: StateFilter) => (filter === 'all' ? t('review.filterAll') : text.stateName(filter));

  let body;
  if (list.error) {
    body = <ErrorNotice title={t('review.loadFailed')} error={list.error} onRetry={list.reload} />;
  } else if (!list.data) {
    body = <Loading />;
  } else if (list.data.total === 0 && counts.all.data?.total === 0 && tool === '') {
    body = (
      <EmptyState title={t('review.emptyTitle')} body={t('review.emptyBody')}>
        <a className="button" href={hrefFor({ screen: 'draft' })}>
          {t('review.startDraft')}
        </a>
      </EmptyState>
    );
  } else if (list.data.total === 0) {
    body = (
      <EmptyState title={t('review.filteredEmptyTitle', { state: label(state) })} body={t('review.filteredEmptyBody')}>
        <button
          type="button"
          className="button"
          onClick={() => {
            choose('all');
            setTool('');
          }}
        >
          {t('review.showAll')}
        </button>
      </EmptyState>
    );
  } else {
    const { drafts, total } = list.data;
    body = (
      <>
        <QueueTable drafts={drafts} />
        <p className="queue-count" role="status">
          {t('review.shown', { shown: drafts.length, total })}
        </p>
        {total > drafts.length && (
          <button
            type="button"
            className="button more"
            disabled={list.loading}
            onClick={() => setLimit((n) => n + QUEUE_PAGE)}
          >
            {t('review.more')}
          </button>
        )}
      </>
    );
  }

  return (
    <>
      <section className="panel filter-panel queue-filters" aria-label={t('review.filtersLabel')}>
        <div className="segmented" role="group" aria-label={t('review.stateFilter')}>
          {STATE_FILTERS.map((filter) => {
            const count = counts[filter].data?.total;
            return (
              <button
                key={filter}
                type="button"
                className="segmented__item"
                aria-pressed={state === filter}
                onClick={() => choose(filter)}
              >
                {label(filter)}
                {count !== undefined && <span className="segmented__count">{count}</span>}
              </button>
            );
          })}
        </div>
        <div className="inline-field">
          <label htmlFor={`${id}-tool`}>{t('review.toolFilter')}</label>
          <select
            id={`${id}-tool`}
            value={tool}
            onChange={(e) => {
              setTool(e.target.value);
              setLimit(QUEUE_PAGE);
            }}
          >
            <option value="">{t('review.anyTool')}</option>
            {TOOLS.map((name) => (
              <option key={name} value={name}>
                {text.toolName(name)}
              </option>
            ))}
          </select>
        </div>
      </section>
      {body}
    </>
  );
}

function QueueTable({ drafts }: { drafts: DraftSummary[] }) {
  const { t } = useTranslation();
  const text = useReviewText();
  const format = useFormat();
  const now = useNow();
  return (
    <table className="doc-table queue-table">
      <caption className="visually-hidden">{t('review.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.colTitle')}</th>
          <th scope="col">{t('review.colState')}</th>
          <th scope="col">{t('review.colTool')}</th>
          <th scope="col" className="num">
            {t('review.colWarnings')}
          </th>
          <th scope="col" className="num">
            {t('review.colVersion')}
          </th>
          <th scope="col">{t('review.colAge')}</th>
          <th scope="col">{t('review.colUpdated')}</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => (
          <tr key={d.id}>
            <th scope="row">
              <a href={hrefFor({ screen: 'review', draftId: d.id })}>{d.title || t('review.untitled')}</a>
            </th>
            <td>
              <StateBadge state={d.state} />
            </td>
            <td>{text.toolName(d.tool)}</td>
            <td className="num">
              {d.warningCount > 0 ? (
                <span className="queue-warnings">{t('review.warningCount', { count: d.warningCount })}</span>
              ) : (
                <span className="muted">{t('review.noWarnings')}</span>
              )}
            </td>
            <td className="num">{d.version > 0 ? format.number(d.version) : '—'}</td>
            <td>
              <time dateTime={d.createdAt} title={format.dateTime(d.createdAt)}>
                {text.age(d.createdAt, now)}
              </time>
            </td>
            <td>
              <time dateTime={d.updatedAt} title={format.dateTime(d.updatedAt)}>
                {text.age(d.updatedAt, now)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
