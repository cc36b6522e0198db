import type { SearchFilters } from '../../../shared/search/types';

export type FilterKey = keyof SearchFilters;

/** In the order the panel and the chips show them. */
export const FILTER_KEYS = [
  'docType',
  'issuer',
  'dateFrom',
  'dateTo',
  'tag',
  'classification',
] as const satisfies readonly FilterKey[];

/** The filters that are set, or undefined when none is (calls then carry no `filters`). */
export function activeFilters(filters: SearchFilters): SearchFilters | undefined {
  const active: SearchFilters = {};
  let any = false;
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') {
      Object.assign(active, { [key]: value });
      any = true;
    }
  }
  return any ? active : undefined;
}

export const countFilters = (filters: SearchFilters) => Object.keys(activeFilters(filters) ?? {}).length;

/** `filters` with `key` set to `value`, or removed when `value` is empty. */
export function withFilter<K extends FilterKey>(
  filters: SearchFilters,
  key: K,
  value: SearchFilters[K] | '',
): SearchFilters {
  const next = { ...filters };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
