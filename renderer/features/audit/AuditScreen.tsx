import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDebounced } from '../../components/useDebounced';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditPager } from './AuditPager';
import { AuditTable } from './AuditTable';
import { NO_FILTERS, hasFilters, toQuery } from './filters';
import type { AuditFilters } from './filters';
import { useVerify } from './useVerify';
import { VerifyResult } from './VerifyResult';

export const AUDIT_PAGE = 50;
/** Typing pauses shorter than this do not reload the list. */
const TEXT_DELAY_MS = 250;

/**
 * The audit log: every model call and every settings or policy change, newest first, filtered
 * by kind, day and text, and a check that the hash chain is unbroken.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const verify = useVerify();
  const text = useDebounced(filters.text, TEXT_DELAY_MS);
  // Clearing the text applies at once; only new input waits for the pause.
  const applied = { ...filters, text: filters.text.trim() === '' ? '' : text };
  const list = useQuery('audit:list', toQuery(applied, AUDIT_PAGE, offset));

  const changeFilters = (next: AuditFilters) => {
    setFilters(next);
    setOffset(0);
  };

  let body;
  if (list.error) {
    body = <ErrorNotice title={t('audit.loadFailed')} error={list.error} onRetry={list.reload} />;
  } else if (!list.data) {
    body = <Loading />;
  } else if (list.data.total === 0 && hasFilters(filters)) {
    body = (
      <EmptyState title={t('audit.filteredEmptyTitle')} body={t('audit.filteredEmptyBody')}>
        <button type="button" className="button" onClick={() => changeFilters(NO_FILTERS)}>
          {t('audit.clear')}
        </button>
      </EmptyState>
    );
  } else if (list.data.total === 0) {
    body = <EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />;
  } else {
    body = (
      <>
        <AuditTable entries={list.data.entries} />
        <AuditPager
          offset={offset}
          shown={list.data.entries.length}
          total={list.data.total}
          pageSize={AUDIT_PAGE}
          busy={list.loading}
          onOffset={setOffset}
        />
      </>
    );
  }

  return (
    <>
      <ScreenHeader title={t('nav.audit')}>
        <button
          type="button"
          className="button button--primary"
          onClick={verify.run}
          disabled={verify.state.phase === 'running'}
        >
          {verify.state.phase === 'running' ? t('audit.verifying') : t('audit.verify')}
        </button>
      </ScreenHeader>
      <VerifyResult state={verify.state} onRetry={verify.run} />
      <AuditFilterBar filters={filters} onChange={changeFilters} />
      {body}
    </>
  );
}
