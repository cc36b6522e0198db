import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { defaultPdfFontPath, renderExport } from '../../electron/export/render';
import type { ExportInput } from '../../electron/export/render';
import { openPdf } from '../../electron/ingest/pdfjs';
import { FIXTURES, ROOT, tempDir } from '../support/temp';
import {
  ANNEX_E_KEYS as KEYS,
  LABEL,
  NOTICE,
  NOTICE_BODY as BODY,
  NOTICE_TITLE,
  exportInput,
  gongwen,
} from './support';
import type { ExportFixture } from './support';

// PDF exports read back with pdfjs (and poppler's pdfinfo/pdftoppm when installed): the visible
// label and the Chinese text on the page, the implicit label in the Info dictionary, pagination,
// line breaking, and an embedded font that renders on a machine without CJK fonts.

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const MARGIN = { left: 28 * MM, right: 26 * MM, top: 37 * MM, bottom: 35 * MM };

// 国办发〔2022〕35号: the salutation and the first paragraphs of a real notice.
const PARAGRAPH = NOTICE[4]!; // 优化营商环境是培育和激发市场主体活力……
const draft = (text: string): ExportFixture => ({
  draftId: 'draft-7f3a',
  version: 2,
  kind: 'document',
  title: NOTICE_TITLE,
  content: { text, fields: {} },
  contentProducer: 'Wenshu 测试单位',
});
const input = (text: string, over?: Partial<ExportInput>, aigc?: Partial<ExportInput['aigc']>) =>
  exportInput(draft(text), over, aigc);

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}

async function pages(doc: PDFDocumentProxy): Promise<Item[][]> {
  const out: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    out.push(
      content.items.flatMap((i) =>
        'str' in i && i.str
          ? [{ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width }]
          : [],
      ),
    );
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const PAGE_NUMBER = /^— \d+ —$/;
/** A page's text without its page number, white space removed. */
const pageText = (items: Item[]) => squash(items.flatMap((i) => (PAGE_NUMBER.test(i.str) ? [] : [i.str])).join(''));

async function render(text: string, over: Partial<ExportInput> = {}, aigc: Partial<ExportInput['aigc']> = {}) {
  const file = await renderExport('pdf', input(text, over, aigc));
  const doc = await openPdf(file.bytes, file.fileName);
  return { file, doc, pages: await pages(doc) };
}

describe('pdf export, read back with pdfjs', () => {
  let notice: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    notice = await render(BODY.join('\n'));
  });
  afterAll(() => notice.doc.destroy());

  it('shows the label first, then the title and the Chinese body of a real 公文', () => {
    expect(notice.file).toMatchObject({
      extension: 'pdf',
      mime: 'application/pdf',
      fileName: '国务院办公厅关于复制推广营商环境创新试点改革举措的通知.pdf',
    });
    const text = pageText(notice.pages[0]!);
    expect(text.startsWith(LABEL)).toBe(true);
    expect(text.indexOf(squash(input('').title))).toBe(LABEL.length);
    expect(text).toContain(squash(PARAGRAPH));
    for (const line of BODY) expect(notice.pages.map(pageText).join('')).toContain(squash(line));
  });

  it('keeps the implicit label in the Info dictionary as /AIGC, with Title, Creator and Producer', async () => {
    const { info } = (await notice.doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(input('').title);
    expect(info.Creator).toBe('Wenshu');
    expect(String(info.Producer)).toMatch(/^Wenshu/);
    const custom = info.Custom as Record<string, string>;
    const meta = JSON.parse(custom.AIGC!) as Record<string, string>;
    expect(Object.keys(meta)).toEqual(KEYS);
    expect(meta).toEqual({
      Label: '1',
      ContentProducer: 'Wenshu 测试单位',
      ProduceID: 'draft-7f3a#v2',
      ReservedCode1: '',
      ContentPropagator: '',
      PropagateID: '',
      ReservedCode2: '',
    });
  });

  it('without the visible label: no label on the page, /AIGC still set', async () => {
    const off = await render(BODY.join('\n'), {}, { visibleLabel: false });
    try {
      const text = pageText(off.pages[0]!);
      expect(text.startsWith(squash(input('').title))).toBe(true);
      expect(text).not.toContain('人工智能');
      const { info } = (await off.doc.getMetadata()) as unknown as { info: { Custom: Record<string, string> } };
      expect(JSON.parse(info.Custom.AIGC!)).toMatchObject({ Label: '1', ProduceID: 'draft-7f3a#v2' });
    } finally {
      await off.doc.destroy();
    }
  });

  it('keeps every line inside the A4 type area', () => {
    const [w, h] = [notice.pages.length, 0];
    expect(w).toBeGreaterThan(h);
    for (const items of notice.pages) {
      for (const i of items) {
        expect(i.x).toBeGreaterThanOrEqual(MARGIN.left - 0.5);
        expect(i.x + i.width).toBeLessThanOrEqual(A4.width - MARGIN.right + 0.5);
        expect(i.y).toBeGreaterThan(20); // the page number sits below the type area
        expect(i.y).toBeLessThanOrEqual(A4.height - MARGIN.top);
      }
    }
  });

  it('paginates a 30-page document, numbering every page', async () => {
    // The 2024 government work report, 17,700 characters: well over 30 pages of 22 lines.
    const report = gongwen('chinese-political-corpora__government_work_report_2024.txt');
    const long = await render(report.map((l) => `\u3000\u3000${l}`).join('\n'), { title: '政府工作报告' });
    try {
      expect(long.doc.numPages).toBeGreaterThanOrEqual(30);
      long.pages.forEach((items, i) => {
        expect(items.map((it) => it.str).join('')).toContain(`— ${i + 1} —`);
        // No more than 22 body lines (plus the page number) on a page.
        expect(new Set(items.map((it) => Math.round(it.y))).size).toBeLessThanOrEqual(23 + (i === 0 ? 3 : 0));
      });
      const all = long.pages.map(pageText).join('');
      expect(all).toContain(squash(report.join('')));
      const { info } = (await long.doc.getMetadata()) as unknown as { info: { Custom: Record<string, string> } };
      expect(info.Custom.AIGC).toContain('"Label":"1"');
    } finally {
      await long.doc.destroy();
    }
  }, 30_000);

  it('wraps a long unbroken Latin string and keeps Latin words whole', async () => {
    const url = `https://www.gov.cn/zhengce/content/${'a1b2c3d4e5'.repeat(30)}.htm`;
    const words = 'Implementing the Decision of the State Council on Optimizing the Business Environment';
    const doc = await render(`\u3000\u3000详见${url}。\n${words} ${words} ${words}`);
    try {
      const items = doc.pages.flat();
      const lines = items.filter((i) => i.y < A4.height - MARGIN.top - 120 && !PAGE_NUMBER.test(i.str));
      const urlLines = lines.filter((i) => /[a-e1-5]{8}/.test(i.str));
      expect(urlLines.length).toBeGreaterThanOrEqual(3);
      for (const i of lines) expect(i.x + i.width).toBeLessThanOrEqual(A4.width - MARGIN.right + 0.5);
      expect(squash(lines.map((i) => i.str).join(''))).toContain(squash(`详见${url}。`));
      // Word lines break between words: each starts with a whole word of the sentence.
      const wordLines = lines.filter((i) => /^[A-Z]?[a-z]/.test(i.str) && !/[a-e1-5]{8}/.test(i.str));
      expect(wordLines.length).toBeGreaterThanOrEqual(2);
      const vocabulary = new Set(words.split(' '));
      for (const l of wordLines) for (const w of l.str.trim().split(' ')) expect(vocabulary).toContain(w);
    } finally {
      await doc.doc.destroy();
    }
  });

  it('never starts a line with closing punctuation', async () => {
    const report = gongwen('chinese-political-corpora__government_work_report_2015.txt').slice(0, 40);
    const doc = await render(report.map((l) => `\u3000\u3000${l}`).join('\n'));
    try {
      const starts = doc.pages.flat().map((i) => i.str[0] ?? '');
      expect(starts.filter((c) => '，。、；：？！）》」』】'.includes(c))).toEqual([]);
    } finally {
      await doc.doc.destroy();
    }
  });

  it('lists fields as "name：value" lines before the text', async () => {
    const doc = await render(BODY.join('\n'), {
      content: { text: BODY.join('\n'), fields: { 文号: '国办发〔2022〕35号', 联系人: '李四' } },
    });
    try {
      const text = pageText(doc.pages[0]!);
      expect(text).toContain('文号：国办发〔2022〕35号联系人：李四');
      expect(text.indexOf('联系人：李四')).toBeLessThan(text.indexOf(squash(BODY[0]!)));
    } finally {
      await doc.doc.destroy();
    }
  });

  it('fails clearly when the font file is missing', async () => {
    await expect(
      renderExport('pdf', input('正文'), { pdfFontPath: path.join(ROOT, 'assets', 'fonts', 'missing.ttf') }),
    ).rejects.toThrow(/missing\.ttf/);
  });
});

describe('the embedded CJK font', () => {
  it('is the project asset by default and covers every character of the real 公文 fixtures', () => {
    expect(defaultPdfFontPath()).toBe(path.join(ROOT, 'assets', 'fonts', 'NotoSansCJKsc-Regular-subset.ttf'));
    const font = fontkit.create(fs.readFileSync(defaultPdfFontPath()));
    const dir = path.join(FIXTURES, 'gongwen');
    const chars = new Set<string>();
    for (const name of fs.readdirSync(dir))
      for (const ch of fs.readFileSync(path.join(dir, name), 'utf8')) chars.add(ch);
    const missing = [...chars].filter(
      (ch) => !/[\s\p{Default_Ignorable_Code_Point}]/u.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!),
    );
    expect(missing).toEqual([]);
    expect(chars.size).toBeGreaterThan(2000);
  });
});

// poppler as a second, independent reader, when installed (poppler-utils).
const hasPoppler = ['pdfinfo', 'pdftoppm'].every((bin) => fs.existsSync(`/usr/bin/${bin}`));
(hasPoppler ? describe : describe.skip)('pdf export read by poppler', () => {
  const dir = tempDir('wenshu-export-pdf-');
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'notice.pdf');
    fs.writeFileSync(file, (await renderExport('pdf', input(BODY.join('\n')))).bytes);
  });

  it('pdfinfo -custom shows the AIGC entry', () => {
    const out = execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => l.startsWith('AIGC:'))!;
    const meta = JSON.parse(line.slice('AIGC:'.length).trim()) as Record<string, string>;
    expect(Object.keys(meta)).toEqual(KEYS);
    expect(meta.ProduceID).toBe('draft-7f3a#v2');
  });

  it('renders the Chinese text with the embedded font alone (no CJK font on the machine)', () => {
    // A fontconfig without any font folder: whatever shows on the page comes from the PDF.
    const conf = path.join(dir, 'fonts.conf');
    fs.writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>${dir}/fc-cache</cachedir></fontconfig>`,
    );
    const run = spawnSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', file, path.join(dir, 'page')], {
      env: { ...process.env, FONTCONFIG_FILE: conf },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/font/i); // e.g. "Embedded font file may be invalid", "Couldn't create a font"
    const pgm = fs.readFileSync(
      path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!,
      ),
    );
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/
      .exec(pgm.toString('latin1', 0, 30))!
      .map(Number) as number[];
    const pixels = pgm.subarray(pgm.length - width! * height!);
    // Ink in the body area (below the title, above the page number): glyphs were drawn.
    const rows = [Math.round(height! * 0.35), Math.round(height! * 0.8)];
    let dark = 0;
    for (let y = rows[0]!; y < rows[1]!; y++)
      for (let x = 0; x < width!; x++) if (pixels[y * width! + x]! < 160) dark++;
    expect(dark / ((rows[1]! - rows[0]!) * width!)).toBeGreaterThan(0.03);
  });
});
