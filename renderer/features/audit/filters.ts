import type { AuditKind, AuditQuery } from '../../../shared/domain/audit';

/** What the filter bar holds; '' = not set. Dates are YYYY-MM-DD (UTC days, as the store reads them). */
export interface AuditFilters {
  kind: AuditKind | '';
  from: string;
  to: string;
  text: string;
}

export const NO_FILTERS: AuditFilters = { kind: '', from: '', to: '', text: '' };

export const hasFilters = (f: AuditFilters) => f.kind !== '' || f.from !== '' || f.to !== '' || f.text.trim() !== '';

/** The audit:list input for one page: only the filters that are set. */
export function toQuery(f: AuditFilters, limit: number, offset: number): AuditQuery {
  const text = f.text.trim();
  return {
    ...(f.kind !== '' && { kind: f.kind }),
    ...(f.from !== '' && { from: f.from }),
    ...(f.to !== '' && { to: f.to }),
    ...(text !== '' && { text: text.slice(0, 200) }),
    limit,
    offset,
  };
}
