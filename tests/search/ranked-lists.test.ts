import fs from 'node:fs';
import path from 'node:path';
import { SearchRepo } from '../../electron/store/search-repo';
import type { SearchFilters, SearchHit, SearchQuery } from '../../shared/search/types';
import { testApp } from '../support/app';
import { FIXTURES } from '../support/temp';

// The ranked lists (migration 0003) must give exactly what FTS5 gives when it scores every
// match. Tiny thresholds put the real texts' words on the list path.
const GONGWEN = path.join(FIXTURES, 'gongwen');
const text = (name: string, body: string) => ({ name, load: () => new Uint8Array(Buffer.from(body, 'utf8')) });

describe('ranked lists for frequent terms', () => {
  const app = testApp();
  const lists = new SearchRepo(app.db, { exhaustiveLimit: 3, listSize: 12 });
  const reference = new SearchRepo(app.db, { exhaustiveLimit: Number.MAX_SAFE_INTEGER });
  const listCount = () => (app.db.prepare('SELECT count(*) AS n FROM search_lists').get() as { n: number }).n;
  const queries = [
    '发展',
    '工作',
    '人民政府',
    '经济发展',
    '改革开放',
    '社会主义',
    '税',
    '的',
    'public',
    '社会 发展',
    '政府 工作 报告',
  ];

  // A lone phrase ranked from its words' lists has FTS5's order but not its IDF (search-repo tokensSource).
  const phrase = (query: string) => /^\p{Script=Han}{3,}$/u.test(query);
  const expectSame = (q: Omit<SearchQuery, 'limit'>, limits = [1, 5, 12, 30]) => {
    for (const limit of limits) {
      const hits = lists.search({ ...q, limit });
      const key = (h: SearchHit) => (phrase(q.query) ? h.passageId : `${h.passageId} ${h.score.toPrecision(12)}`);
      expect({ q, limit, hits: hits.map(key) }).toEqual({ q, limit, hits: reference.search({ ...q, limit }).map(key) });
      expect(hits.map((h) => h.score)).toEqual(hits.map((h) => h.score).sort((a, b) => b - a));
    }
  };

  beforeAll(async () => {
    const real = fs
      .readdirSync(GONGWEN)
      .sort()
      .map((name) => ({ name, load: () => new Uint8Array(fs.readFileSync(path.join(GONGWEN, name))) }));
    await app.documents.importFiles(real);
  });

  test('single words, phrases, prefixes and several terms rank as FTS5 ranks them', () => {
    for (const query of queries) expectSame({ query });
    expect(listCount()).toBeGreaterThan(5);
  });

  test("a phrase tied with its words' bound is settled by pk, without a list of its own", async () => {
    // Repeated boilerplate lines: every 会保 passage weighs the same, far more than the list holds.
    const lines = [
      ...Array.from({ length: 20 }, () => '人力资源和社会保障厅'),
      ...Array.from({ length: 20 }, () => '人力资源和社会保险厅'),
    ];
    await app.documents.importFiles([text('ties.txt', lines.join('\n'))]);
    lists.prepareLists();
    expectSame({ query: '社会保障' }, [1, 5, 12]);
    const own = app.db.prepare('SELECT count(*) FROM search_lists WHERE term = ?').pluck().get('社会 会保 保障');
    expect(own).toBe(0);
  });

  test('pages and filters', () => {
    for (const query of ['发展', '人民政府']) {
      expectSame({ query, offset: 3 }, [4]);
      expectSame({ query, offset: 10 }, [5]);
    }
    const [doc] = app.documents.list('imported_asc', 1);
    app.documents.updateMeta(doc!.id, { ...doc!.meta, docType: '报告', tags: ['年度'] });
    const filters: SearchFilters[] = [{ docType: '报告' }, { tag: '年度' }, { dateFrom: '2000-01-01' }];
    for (const f of filters) for (const query of ['发展', '人民政府']) expectSame({ query, filters: f });
  });

  test('passages imported later are folded into existing lists', async () => {
    const before = listCount();
    await app.documents.importFiles([
      text('new-1.txt', '发展发展发展，人民政府经济发展。\n改革开放的发展'),
      text('new-2.txt', `${'人民政府'.repeat(5)}\n发展`),
    ]);
    for (const query of queries) expectSame({ query });
    expect(lists.search({ query: '发展', limit: 1 })[0]!.snippet).toBe('发展发展发展，人民政府经济发展。');
    expect(listCount()).toBeGreaterThanOrEqual(before);
  });

  test('when the newest passages are deleted, their pks are looked at again once reused', async () => {
    const newest = app.documents.list('imported_desc', 1)[0]!;
    const pks = app.db.prepare('SELECT pk FROM passages WHERE document_id = ?').pluck().all(newest.id) as number[];
    // What deleting a document must do (no delete in the app yet); CAST: see search-repo foldIn.
    for (const pk of pks) app.db.prepare('DELETE FROM passages_fts WHERE rowid = CAST(? AS INTEGER)').run(pk);
    app.db.prepare('DELETE FROM documents WHERE id = ?').run(newest.id);
    for (const query of queries) expectSame({ query });
    await app.documents.importFiles([text('reuse.txt', '其他内容\n另一段发展')]);
    for (const query of queries) expectSame({ query });
  });

  test('prepareLists ranks every frequent token ahead of its first search', () => {
    app.db.exec('DELETE FROM search_lists');
    const built = lists.prepareLists();
    expect(built).toBe(listCount());
    expect(built).toBeGreaterThan(100);
    expect(lists.prepareLists()).toBe(0);
    for (const query of queries) expectSame({ query });
  });

  test('after the store grows, lists that cannot prove their top are rebuilt', async () => {
    const built = () =>
      app.db.prepare('SELECT avg_length FROM search_lists WHERE term = ?').pluck().get('发展') as number;
    const before = built();
    const lines = Array.from({ length: 300 }, (_, i) => `第${i}段`).join('\n');
    await app.documents.importFiles([text('growth.txt', `${lines}\n发展`)]);
    for (const query of queries) expectSame({ query });
    expect(built()).not.toBe(before);
  });
});
