import { mergeRanges, splitPages } from '../../electron/ingest/page-ranges';
import type { ParsedDocument } from '../../electron/ingest/parsed';
import { parsePdf } from '../../electron/ingest/pdf';
import { corpusHtml } from '../bench/ingest/corpus-pdf';
import { documentHtml, makePdf } from './support/make-pdf';
import type { Block } from './support/make-pdf';

// PDFs printed by Chromium from known HTML: what goes in as paragraphs must come out as passages.
jest.setTimeout(60_000);

const TITLE = '关于进一步优化营商环境工作的通知';
const BODY: Block[] = [
  { kind: 'title', text: TITLE },
  { kind: 'body', text: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：' },
  {
    kind: 'body',
    text: '为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，更大激发市场主体活力，经国务院同意，现就有关工作通知如下。一是加强组织领导，二是强化统筹协调，三是抓好督促落实，长期坚持，久久为功。',
  },
  { kind: 'heading', text: '一、工作要求' },
  {
    kind: 'body',
    text: '各地区、各部门要按照Version 2.0标准和ISO 9001要求，于2025年3月31日前完成自查，并将工作情况报送国务院办公厅。',
  },
  {
    kind: 'english',
    text: 'The quick brown fox jumps over the lazy dog. This paragraph is in English and keeps its word spaces when it wraps across several lines of the page.',
  },
];

function expectOffsets(doc: ParsedDocument) {
  doc.passages.forEach((p, seq) => {
    expect(p.seq).toBe(seq);
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });
}

describe('a one-page 公文 printed by Chromium', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parsePdf(await makePdf(documentHtml(TITLE, BODY)), '通知.pdf');
  });

  it('yields each HTML paragraph as one passage, in order, with its exact text', () => {
    expect(doc.passages.map((p) => p.text)).toEqual(BODY.map((b) => b.text));
    expect(doc.passages.map((p) => [p.page, p.paragraph])).toEqual(BODY.map((_, i) => [1, i]));
    expect(doc.text).toBe(BODY.map((b) => b.text).join('\n'));
    expectOffsets(doc);
  });

  it('writes the ideographs Chromium encodes as radicals as ordinary characters', () => {
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(doc.text).toContain('人民政府');
  });

  it('takes the title from the document information and reports one page with text', () => {
    expect(doc).toMatchObject({ kind: 'pdf', title: TITLE, pageCount: 1, encoding: null, textLayer: true });
  });
});

it('reads 20 pages of real 公文 paragraphs (the benchmark corpus) back exactly, heading by heading', async () => {
  const html = corpusHtml(20);
  const source = [...html.matchAll(/<(p|h2)[^>]*>([^<]*)<\/\1>/g)].map((m) =>
    m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  );
  const doc = await parsePdf(await makePdf(html), 'corpus.pdf');
  expect(doc.pageCount).toBe(20);
  // The ideographic space in the headings comes out as a space; one source paragraph has a stray space before 」.
  expect(doc.passages.map((p) => p.text)).toEqual(source.map((t) => t.replace(/\u3000/g, ' ').replace(' 」', '」')));
  expect(doc.passages.filter((p) => p.paragraph === 0).map((p) => p.page)).toEqual(
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  expectOffsets(doc);
});

it('takes the largest line of page 1 as the title when the document information names none', async () => {
  // Without <title>, Chromium writes "about:blank" into the Info dictionary.
  const html = documentHtml(TITLE, BODY).replace(/<title>.*<\/title>/, '');
  const doc = await parsePdf(await makePdf(html), 'x.pdf');
  expect(doc.title).toBe(TITLE);
});

it('numbers pages from 1, paragraphs from 0 on each page, and joins pages with \\f', async () => {
  const blocks: Block[] = Array.from({ length: 6 }, (_, i) => ({
    kind: 'body',
    text: `第${i + 1}段。${'内容'.repeat(20)}`,
  }));
  const doc = await parsePdf(await makePdf(documentHtml('分页', blocks, { pageBreakEvery: 2 })), 'p.pdf');
  expect(doc.pageCount).toBe(3);
  expect(doc.text.split('\f')).toHaveLength(3);
  expect(doc.passages.map((p) => [p.page, p.paragraph])).toEqual([
    [1, 0],
    [1, 1],
    [2, 0],
    [2, 1],
    [3, 0],
    [3, 1],
  ]);
  expectOffsets(doc);
});

it('cuts a very long paragraph into passages of at most 1,200 characters, all of that paragraph', async () => {
  const long = Array.from({ length: 60 }, (_, i) => `第${i + 1}句话说明有关工作安排的具体要求。`).join('');
  const doc = await parsePdf(await makePdf(documentHtml('长段落', [{ kind: 'body', text: long }])), 'l.pdf');
  expect(doc.passages.length).toBeGreaterThan(1);
  expect(doc.passages.every((p) => p.text.length <= 1200 && p.paragraph === 0)).toBe(true);
  expect(doc.passages.map((p) => p.text).join('')).toBe(long);
  expectOffsets(doc);
});

describe('pages without text', () => {
  const picture = '<div style="width:300px;height:400px;background:#333"></div>';
  const html = (body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>扫描件</title></head><body>${body}</body></html>`;

  it('marks a document with no text on any page as textLayer false, with no passages', async () => {
    const doc = await parsePdf(await makePdf(html(picture)), '扫描件.pdf');
    expect(doc).toMatchObject({ textLayer: false, passages: [], pageCount: 1, text: '' });
  });

  it('keeps a mixed document: text pages give passages, picture pages none', async () => {
    const doc = await parsePdf(
      await makePdf(html(`${picture}<p style="break-before:page">第二页有文字。</p>`)),
      '混合.pdf',
    );
    expect(doc).toMatchObject({ textLayer: true, pageCount: 2, text: '\f第二页有文字。' });
    expect(doc.passages).toEqual([{ seq: 0, page: 2, paragraph: 0, start: 1, end: 8, text: '第二页有文字。' }]);
  });
});

describe('page ranges', () => {
  const blocks: Block[] = Array.from({ length: 40 }, (_, i) => ({
    kind: i % 5 === 4 ? 'english' : 'body',
    text: `${i + 1}. ${i % 5 === 4 ? 'English text on this page. '.repeat(6) : '各地区各部门要认真贯彻执行。'.repeat(8)}`,
  }));
  let bytes: Uint8Array;
  let whole: ParsedDocument;
  beforeAll(async () => {
    bytes = await makePdf(documentHtml('分段解析', blocks, { pageBreakEvery: 1 }));
    whole = await parsePdf(bytes, 'r.pdf');
  });

  it('parses only the pages asked for, with the whole document’s page count', async () => {
    const part = await parsePdf(bytes, 'r.pdf', { pages: { from: 2, to: 3 } });
    expect(part.pageCount).toBe(40);
    expect(part.text.split('\f')).toHaveLength(2);
    expect(new Set(part.passages.map((p) => p.page))).toEqual(new Set([2, 3]));
    expectOffsets(part);
  });

  it('merged ranges equal a single pass: same text, passages and title', async () => {
    const ranges = splitPages(whole.pageCount, 3);
    expect(ranges).toHaveLength(2); // 40 pages: at least 16 a range
    const merged = mergeRanges(await Promise.all(ranges.map((pages) => parsePdf(bytes, 'r.pdf', { pages }))));
    expect(merged).toEqual(whole);
    expect(whole.passages).toHaveLength(40);
  });

  it('lets a function pick the range once the page count is known', async () => {
    const seen: number[] = [];
    const last = await parsePdf(bytes, 'r.pdf', { pages: (n) => (seen.push(n), { from: n, to: n }) });
    expect(seen).toEqual([40]);
    expect(last.passages.map((p) => p.page)).toEqual([40]);
  });
});
