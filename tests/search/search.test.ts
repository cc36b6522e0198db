import fs from 'node:fs';
import path from 'node:path';
import { SearchService } from '../../electron/services/search-service';
import { SearchRepo } from '../../electron/store/search-repo';
import { SearchHit } from '../../shared/search/types';
import type { SearchFilters } from '../../shared/search/types';
import { testApp } from '../support/app';
import { FIXTURES } from '../support/temp';

const GONGWEN = path.join(FIXTURES, 'gongwen');
const text = (name: string, body: string) => ({ name, load: () => new Uint8Array(Buffer.from(body, 'utf8')) });

/** Small documents for what the real texts lack: English, 2026年, 批税, phrase adjacency, repetition. */
const CRAFTED = [
  text(
    'english.txt',
    '预算委员会会议纪要\nThe Budget Committee approved the budgetary plan.\nＢＵＤＧＥＴ review in full-width letters.',
  ),
  text('mixed.txt', '关于2026年度部门预算的通知\n编号12026年不是年份。'),
  text('single.txt', '税务审批\n经审批税。\n纳税人须知'),
  text('phrase.txt', '预算编制工作要求\n预算、编制分开说\n预算和编制也分开'),
  text(
    'repeat.txt',
    '鲲鹏计划\n鲲鹏鲲鹏鲲鹏，鲲鹏展翅。\n本段文字较长，其中只提到一次鲲鹏这个词，其余都是为了把段落拉长的普通内容和说明文字。',
  ),
];

describe('search over real 公文', () => {
  const app = testApp();
  const service = new SearchService(new SearchRepo(app.db));
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const real = fs
      .readdirSync(GONGWEN)
      .sort()
      .map((name) => ({ name, load: () => new Uint8Array(fs.readFileSync(path.join(GONGWEN, name))) }));
    for (const outcome of await app.documents.importFiles([...real, ...CRAFTED])) {
      if (outcome.status !== 'imported') throw new Error(`${outcome.file} was not imported`);
      ids.set(outcome.file, outcome.id);
    }
  });

  /** Every hit, page by page, as the UI would fetch them. */
  const allHits = (query: string, filters?: SearchFilters): SearchHit[] => {
    const hits: SearchHit[] = [];
    for (let page: SearchHit[]; (page = service.search({ query, limit: 200, offset: hits.length, filters })).length;)
      hits.push(...page);
    return hits;
  };
  const passages = () =>
    app.documents
      .list('imported_asc', 1000)
      .flatMap((d) => app.documents.get(d.id).passages.map((p) => ({ ...p, documentId: d.id })));
  const found = (query: string, filters?: SearchFilters) => new Set(allHits(query, filters).map((h) => h.passageId));
  const containing = (query: string) =>
    new Set(
      passages()
        .filter((p) => p.text.includes(query))
        .map((p) => p.id),
    );
  const files = (hits: SearchHit[]) => new Set(hits.map((h) => [...ids].find(([, id]) => id === h.documentId)![0]));

  test('2-character words: every passage that contains them, and only those', () => {
    for (const word of ['通知', '预算', '社保']) {
      expect(found(word).size).toBeGreaterThan(0);
      expect(found(word)).toEqual(containing(word));
    }
  });

  test('recall: Chinese queries find exactly the passages whose text contains them', () => {
    const queries = [
      '税',
      '政府工作',
      '改革开放',
      '人民代表大会',
      '国务院办公厅',
      '放假调休',
      '中华人民共和国',
      '营商环境',
      '國家',
      '第十四届全国人民代表大会',
      '的',
    ];
    for (const query of queries) expect({ query, found: found(query) }).toEqual({ query, found: containing(query) });
  });

  test('a single character is found at the end of a run too (批税)', () => {
    const hits = allHits('税');
    expect(hits.some((h) => h.snippet === '经审批税。')).toBe(true);
  });

  test('English words match by prefix, case-insensitively, full-width included', () => {
    const snippets = allHits('budg').map((h) => h.snippet);
    expect(snippets).toEqual(
      expect.arrayContaining([
        'The Budget Committee approved the budgetary plan.',
        'ＢＵＤＧＥＴ review in full-width letters.',
      ]),
    );
    expect(allHits('BUDGET')).toHaveLength(2);
    expect(allHits('udget')).toEqual([]);
  });

  test('a phrase needs its characters adjacent; separate terms need not be', () => {
    expect(allHits('预算编制').map((h) => h.snippet)).toEqual(['预算编制工作要求']);
    expect(allHits('预算 编制').map((h) => h.snippet)).toEqual(
      expect.arrayContaining(['预算、编制分开说', '预算和编制也分开', '预算编制工作要求']),
    );
  });

  test('mixed terms: 2026年 is a number followed by 年, not part of a longer number', () => {
    expect(allHits('2026年').map((h) => h.snippet)).toEqual(['关于2026年度部门预算的通知']);
    expect(files(allHits('12026年'))).toEqual(new Set(['mixed.txt']));
  });

  test('hits are ranked best first: many occurrences beat one', () => {
    const hits = service.search({ query: '鲲鹏' });
    expect(hits[0]!.snippet).toBe('鲲鹏鲲鹏鲲鹏，鲲鹏展翅。');
    expect(hits.at(-1)!.snippet).toContain('只提到一次鲲鹏');
    const scores = allHits('发展').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0)).toBe(true);
  });

  test('hits are well-formed and their highlights point at the query text', () => {
    const byId = new Map(passages().map((p) => [p.id, p]));
    for (const query of ['通知', '预算编制', '税', 'budg', '人民代表大会']) {
      for (const hit of allHits(query)) {
        expect(SearchHit.parse(hit)).toEqual(hit);
        const passage = byId.get(hit.passageId)!;
        expect(passage.documentId).toBe(hit.documentId);
        expect([hit.page, hit.paragraph]).toEqual([passage.page, passage.paragraph]);
        expect(hit.highlights.length).toBeGreaterThan(0);
        for (const [a, b] of hit.highlights) {
          const marked = hit.snippet.slice(a, b).normalize('NFKC').toLowerCase();
          expect(query === 'budg' ? marked.startsWith('budg') : marked === query).toBe(true);
        }
      }
    }
  });

  test('filters: 文种, 发文机关, 成文日期, 密级, tags', () => {
    const id = ids.get('indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt')!;
    app.documents.updateMeta(id, {
      docNumber: '国办发明电〔2024〕12号',
      issuer: '国务院办公厅',
      issuedDate: '2024-11-12',
      docType: '通知',
      classification: '秘密',
      tags: ['节假日'],
    });
    const meta = new Map(app.documents.list('imported_asc', 1000).map((d) => [d.id, d.meta]));
    const passes = (docId: string, f: SearchFilters) => {
      const m = meta.get(docId)!;
      const date = m.issuedDate ?? '';
      return (
        (f.docType === undefined || m.docType === f.docType) &&
        (f.issuer === undefined || m.issuer === f.issuer) &&
        (f.dateFrom === undefined || (date !== '' && date >= f.dateFrom)) &&
        (f.dateTo === undefined || (date !== '' && date <= f.dateTo)) &&
        (f.classification === undefined || m.classification === f.classification) &&
        (f.tag === undefined || m.tags.includes(f.tag))
      );
    };
    const docs = (filters: SearchFilters) => new Set(allHits('国务院', filters).map((h) => h.documentId));
    const everything = docs({});
    expect(everything.size).toBeGreaterThan(2);
    const cases: SearchFilters[] = [
      { docType: '通知' },
      { issuer: '国务院办公厅' },
      { dateFrom: '2024-11-12', dateTo: '2024-11-12' },
      { classification: '秘密' },
      { tag: '节假日' },
      { tag: '节假日', docType: '通知', dateFrom: '2024-01-01' },
    ];
    for (const filters of cases) {
      expect({ filters, docs: docs(filters) }).toEqual({
        filters,
        docs: new Set([...everything].filter((d) => passes(d, filters))),
      });
      expect(docs(filters).has(id)).toBe(true);
    }
    expect(docs({ dateFrom: '2024-11-13', tag: '节假日' })).toEqual(new Set());
    expect(docs({ tag: '节假日', docType: '请示' })).toEqual(new Set());
  });

  test('query syntax and SQL in the input is text, never an error', () => {
    const inputs = [
      '"',
      "'",
      'AND',
      'OR 通知',
      'NOT',
      'NEAR(',
      'NEAR(通知 预算, 2)',
      '*',
      '税*',
      '-预算',
      '预算"通知',
      "'); DROP TABLE passages; --",
      '^通知',
      'tokens:通知',
      '{tokens}:通知',
      '通知 AND',
      '(',
      ')',
      '\\',
      '%',
      '_',
      '\u0000',
      '　',
    ];
    for (const query of inputs) expect(Array.isArray(service.search({ query }))).toBe(true);
    expect(found('通知').size).toBeGreaterThan(0);
  });

  test('an empty or unsearchable query finds nothing', () => {
    for (const query of ['', '   ', '。，！', '"*"']) expect(service.search({ query })).toEqual([]);
  });
});
