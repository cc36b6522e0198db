import { SearchService } from '../../electron/services/search-service';
import type { SearchRepo } from '../../electron/store/search-repo';
import type { SearchQuery } from '../../shared/search/types';

/** The service's own job: checking and normalising the request before the repo sees it. */
describe('SearchService', () => {
  const calls: SearchQuery[] = [];
  const repo = { search: (q: SearchQuery) => (calls.push(q), []), prepareLists: () => 7 } as unknown as SearchRepo;
  const service = new SearchService(repo);
  const last = () => calls[calls.length - 1];

  beforeEach(() => {
    calls.length = 0;
  });

  test('trims the query and fills in the defaults', () => {
    service.search({ query: '  预算编制 \n' });
    expect(last()).toEqual({ query: '预算编制', limit: 20, offset: 0, filters: undefined });
  });

  test('caps the limit at 200 and passes paging and filters through', () => {
    service.search({ query: '通知', limit: 5000, offset: 40, filters: { docType: '通知', dateFrom: '2024-01-01' } });
    expect(last()).toEqual({
      query: '通知',
      limit: 200,
      offset: 40,
      filters: { docType: '通知', dateFrom: '2024-01-01' },
    });
  });

  test('an empty query finds nothing without asking the store', () => {
    expect(service.search({ query: ' \u3000 ' })).toEqual([]);
    expect(calls).toEqual([]);
  });

  test.each([
    ['a zero limit', { query: '通知', limit: 0 }, 'limit'],
    ['a fractional limit', { query: '通知', limit: 2.5 }, 'limit'],
    ['a negative offset', { query: '通知', offset: -1 }, 'offset'],
    ['an impossible date', { query: '通知', filters: { dateFrom: '2024-13-01' } }, 'filters'],
    ['an unknown 密级', { query: '通知', filters: { classification: '内部' } }, 'filters'],
    ['an unknown filter', { query: '通知', filters: { colour: 'red' } }, 'filters'],
    ['a query over 500 characters', { query: '字'.repeat(501) }, 'query'],
    ['a query that is no string', { query: 42 }, 'query'],
  ])('refuses %s', (_label, input, field) => {
    expect(() => service.search(input as Parameters<SearchService['search']>[0])).toThrow(
      expect.objectContaining({ code: 'invalid_input', params: { field } }),
    );
    expect(calls).toEqual([]);
  });

  test('prepare runs the store maintenance', () => {
    expect(service.prepare()).toBe(7);
  });
});
