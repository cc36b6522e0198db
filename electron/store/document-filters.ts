import type { SearchFilters } from '../../shared/search/types';

/**
 * WHERE conditions on `documents d` for the Library's filters (list and search share them).
 * Returns '1' when nothing is filtered, so callers can always write `WHERE <sql>`.
 */
export function documentFilterSql(filters: SearchFilters | undefined): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    conditions.push(condition);
    params.push(value);
  };
  add('d.doc_type = ?', filters?.docType);
  add('d.issuer = ?', filters?.issuer);
  add('d.issued_date >= ?', filters?.dateFrom);
  add('d.issued_date <= ?', filters?.dateTo);
  add('d.classification = ?', filters?.classification);
  add('EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = ?)', filters?.tag);
  return { sql: conditions.length ? conditions.join(' AND ') : '1', params };
}
