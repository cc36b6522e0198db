import { AppError } from '../../shared/errors';
import { SearchFilters } from '../../shared/search/types';
import type { SearchHit } from '../../shared/search/types';
import type { SearchRepo } from '../store/search-repo';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 200;
export const MAX_QUERY_LENGTH = 500;

export interface SearchInput {
  query: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { field });

/** Ranked passage search: checks and normalises the request; the ranking is SearchRepo's. */
export class SearchService {
  constructor(private readonly repo: SearchRepo) {}

  search(input: SearchInput): SearchHit[] {
    if (typeof input.query !== 'string') throw invalid('query must be a string', 'query');
    const query = input.query.trim();
    if (query.length > MAX_QUERY_LENGTH) throw invalid(`query is longer than ${MAX_QUERY_LENGTH} characters`, 'query');
    const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw invalid('limit must be a positive integer', 'limit');
    const offset = input.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalid('offset must be a non-negative integer', 'offset');
    const filters = SearchFilters.optional().safeParse(input.filters);
    if (!filters.success) throw invalid('filters are not valid', 'filters');
    if (query === '') return [];
    return this.repo.search({ query, limit: Math.min(limit, MAX_SEARCH_LIMIT), offset, filters: filters.data });
  }

  /** Maintenance after bulk imports: ranks every frequent word ahead of its first search. */
  prepare(onProgress?: (done: number, total: number) => void): number {
    return this.repo.prepareLists(onProgress);
  }
}
