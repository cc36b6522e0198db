import { fixPdfChars } from '../../electron/ingest/cjk-text';
import { mergeRanges, splitPages } from '../../electron/ingest/page-ranges';
import type { ParsedDocument } from '../../electron/ingest/parsed';
import { paragraphs } from '../../electron/ingest/pdf-layout';
import { textLines } from '../../electron/ingest/pdf-lines';
import type { PdfTextItem } from '../../electron/ingest/pdf-lines';
import { infoTitle, layoutTitle } from '../../electron/ingest/pdf-title';

/** A text item as pdfjs reports it: origin (x, y), font size, advance width (1 em per character by default). */
const item = (str: string, x: number, y: number, size = 16, width = str.length * size): PdfTextItem => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
});

/** Lines of a page: each a list of items; `left` is the margin, lines 24 pt apart. */
const page = (lines: [string, number][], size = 16) => lines.map(([text, x], i) => item(text, x, 800 - i * 24, size));

describe('CJK character fixes', () => {
  it('maps Kangxi and supplement radicals, written by Chromium/Skia, to unified ideographs', () => {
    expect(fixPdfChars('⼆〇⼆五年，⼈⺠政府⻓期⼯作')).toBe('二〇二五年，人民政府长期工作');
  });

  it('follows the simplified Chinese fonts where their radical glyph is another ideograph than Unicode’s equivalent', () => {
    expect(fixPdfChars('⽤⼾，⺫')).toBe('用户，罒');
  });

  it('maps CJK compatibility ideographs, spells out 2- and 3-em dashes, drops zero-width and soft hyphen characters', () => {
    expect(fixPdfChars('\uf900X\u200bY\u00adZ\ufeff')).toBe('豈XYZ');
    expect(fixPdfChars('根本法\u2e3a公私合营\u2e3b')).toBe('根本法——公私合营———');
  });

  it('leaves ordinary and full-width text alone', () => {
    expect(fixPdfChars('第１条，Version 2.0（试行）')).toBe('第１条，Version 2.0（试行）');
  });
});

describe('lines from text items', () => {
  it('joins items on one baseline left to right, whatever order the content stream drew them in', () => {
    const lines = textLines([
      item('关于', 100, 700),
      item('１', 384, 700.4, 10.5),
      item('⋯⋯', 140, 699.6, 12, 240),
      item('下一行', 100, 680),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['关于⋯⋯１', '下一行']);
  });

  it('drops the spaces pdfjs writes between CJK characters but keeps Latin word spaces', () => {
    const lines = textLines([item('字 间 距', 0, 700), item('The quick brown fox', 0, 680, 16, 150)]);
    expect(lines.map((l) => l.text)).toEqual(['字间距', 'The quick brown fox']);
  });

  it('keeps a space beside Latin words inside CJK text', () => {
    expect(textLines([item('单 词 Internationalization 以 及', 0, 700, 16, 300)])[0]!.text).toBe(
      '单词 Internationalization 以及',
    );
  });

  it('turns blank items into one space only where they separate words or leave a wide CJK gap', () => {
    const lines = textLines([
      item('目', 0, 700),
      item(' ', 16, 700, 16, 21),
      item('录', 37, 700),
      item('各', 0, 680),
      item(' ', 16, 680, 16, 4),
      item('省', 20, 680),
      item('word', 0, 660, 16, 40),
      item(' ', 40, 660, 16, 4),
      item('word', 44, 660, 16, 40),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['目 录', '各省', 'word word']);
  });

  it('puts a space where a wide gap without a blank item separates Latin runs (table cells)', () => {
    expect(textLines([item('Name', 0, 700, 16, 40), item('Zhang', 80, 700, 16, 50)])[0]!.text).toBe('Name Zhang');
  });

  it('counts leading ideographic spaces as indent', () => {
    const [line] = textLines([item('\u3000\u3000各地区', 100, 700)]);
    expect(line).toMatchObject({ text: '各地区', x: 132 });
  });
});

describe('paragraphs from lines', () => {
  it('starts a paragraph at a 2-character first-line indent (公文 body)', () => {
    const lines = textLines(
      page([
        ['一二三四五六七八九十一二三四五六七八', 132],
        ['九十一二三四五六七八九十一二三四五六七八', 100],
        ['九十。', 100],
        ['一二三四五六七八九十一二三四五六七八', 132],
        ['九十。', 100],
      ]),
    );
    expect(paragraphs(lines).map((p) => p.text)).toEqual([
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。',
      '一二三四五六七八九十一二三四五六七八九十。',
    ]);
  });

  it('starts a paragraph at an indented line right after a full indented first line', () => {
    const lines = textLines(
      page([
        ['各省、自治区、直辖市人民政府，国务院各部', 132],
        ['为深入贯彻落实党中央、国务院决策部署，进一', 132],
        ['步优化营商环境。', 100],
      ]),
    );
    expect(paragraphs(lines).map((p) => p.text)).toEqual([
      '各省、自治区、直辖市人民政府，国务院各部',
      '为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境。',
    ]);
  });

  it('starts a paragraph after a line that stopped short, and joins Latin lines with a space', () => {
    const lines = textLines(
      page([
        ['The first paragraph wraps onto', 0],
        ['a second line.', 0],
        ['Then another paragraph begins', 0],
        ['and ends.', 0],
      ]).map((i) => ({ ...i, width: i.str.length * 8 })),
    );
    expect(paragraphs(lines).map((p) => p.text)).toEqual([
      'The first paragraph wraps onto a second line.',
      'Then another paragraph begins and ends.',
    ]);
  });

  it('keeps a title set on two centred lines together, and splits at a change of size', () => {
    const title = [
      item('国务院办公厅关于复制推广', 168, 800, 22),
      item('营商环境创新试点改革举措的通知', 135, 770, 22),
    ];
    const body = page([
      ['一二三四五六七八九十一二三四五六七八九十一二三四五', 100],
      ['六七八九十一二三四五六七八九十一二三四五六七八九十', 100],
    ]).map((i) => ({ ...i, transform: [16, 0, 0, 16, i.transform[4]!, i.transform[5]! - 60] }));
    const paras = paragraphs(textLines([...title, ...body]));
    expect(paras.map((p) => p.text)).toEqual([
      '国务院办公厅关于复制推广营商环境创新试点改革举措的通知',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
    ]);
    expect(paras[0]!.size).toBe(22);
  });

  it('starts a paragraph at extra vertical space', () => {
    const items = [
      item('一二三四五六七八九十', 0, 800),
      item('一二三四五六七八九十', 0, 776),
      item('一二三四五六七八九十', 0, 752),
      item('甲乙丙丁', 0, 716),
    ];
    // Lines end at the same right edge; only the spacing says where the paragraph ends.
    expect(paragraphs(textLines(items)).map((p) => p.text)).toEqual([
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
      '甲乙丙丁',
    ]);
  });
});

describe('titles', () => {
  it('takes an Info title that names the document and refuses placeholders', () => {
    expect(infoTitle('Microsoft Word - 关于开展调研的通知.docx')).toBe('关于开展调研的通知');
    expect(infoTitle('  关于  印发 的通知 ')).toBe('关于 印发 的通知');
    for (const t of ['about:blank', 'Untitled', '无标题', 'Document1', 'C:\\temp\\a.doc', '---', '', 42])
      expect(infoTitle(t)).toBeNull();
  });

  it('takes the most prominent paragraph of the first page with text, else a short first paragraph', () => {
    const body = { text: '正文'.repeat(40), size: 16 };
    expect(layoutTitle([[], [{ text: '国务院文件', size: 26 }, { text: '关于印发的通知', size: 22 }, body]])).toBe(
      '国务院文件',
    );
    expect(layoutTitle([[{ text: '会议纪要', size: 16 }, body]])).toBe('会议纪要');
    expect(layoutTitle([[{ text: '各省、自治区、直辖市人民政府：', size: 16 }, body]])).toBeNull();
    expect(layoutTitle([[], []])).toBeNull();
  });
});

describe('page ranges', () => {
  it('splits pages into near-equal ranges, none smaller than a worker is worth', () => {
    expect(splitPages(300, 2)).toEqual([
      { from: 1, to: 150 },
      { from: 151, to: 300 },
    ]);
    expect(splitPages(100, 3)).toEqual([
      { from: 1, to: 33 },
      { from: 34, to: 66 },
      { from: 67, to: 100 },
    ]);
    expect(splitPages(20, 4)).toEqual([{ from: 1, to: 20 }]);
    expect(splitPages(1, 8)).toEqual([{ from: 1, to: 1 }]);
  });

  it('merges range results into one document: texts joined by \\f, passages renumbered and shifted', () => {
    const part = (text: string, page: number, title: string, textLayer = true): ParsedDocument => ({
      kind: 'pdf',
      title,
      encoding: null,
      pageCount: 3,
      text,
      passages: text ? [{ seq: 0, page, paragraph: 0, start: 0, end: text.length, text }] : [],
      textLayer,
    });
    const merged = mergeRanges([part('甲', 1, 'T'), part('', 2, 'x', false), part('丙', 3, 'y')]);
    expect(merged).toMatchObject({ title: 'T', pageCount: 3, text: '甲\f\f丙', textLayer: true });
    expect(merged.passages).toEqual([
      { seq: 0, page: 1, paragraph: 0, start: 0, end: 1, text: '甲' },
      { seq: 1, page: 3, paragraph: 0, start: 3, end: 4, text: '丙' },
    ]);
  });
});
