import fs from 'node:fs';
import path from 'node:path';
import { parseDocx } from '../../electron/ingest/docx';
import type { ParsedDocument } from '../../electron/ingest/parsed';
import { FIXTURES } from '../support/temp';

const DIR = path.join(FIXTURES, 'docx');
const parse = (name: string) => parseDocx(fs.readFileSync(path.join(DIR, name)), name);
const linesOf = (doc: ParsedDocument) => doc.text.split('\n');

describe('parseDocx on real files', () => {
  test.each(fs.readdirSync(DIR))('%s: passages are exact slices, one per line, on page 1', async (name) => {
    const doc = await parse(name);
    expect(doc).toMatchObject({ kind: 'docx', encoding: null, pageCount: 1, textLayer: true });
    expect(doc.passages.length).toBeGreaterThan(0);
    doc.passages.forEach((p, i) => {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      expect(p).toMatchObject({ seq: i, page: 1 });
    });
    // No passage is cut here, so passages and lines match one to one.
    expect(doc.passages.map((p) => p.text)).toEqual(linesOf(doc));
    expect(doc.passages.map((p) => p.paragraph)).toEqual(doc.passages.map((_, i) => i));
  });

  test('mammoth tables: one line per row, cells joined by " | "', async () => {
    const doc = await parse('mammoth__tables.docx');
    expect(linesOf(doc)).toEqual(['Above', 'Top left | Top right', 'Bottom left | Bottom right', 'Below']);
    expect(doc.title).toBe('Above');
  });

  test('mammoth simple list: bullets are written out; no paragraph, so the file names it', async () => {
    const doc = await parse('mammoth__simple-list.docx');
    expect(linesOf(doc)).toEqual(['• Apple', '• Banana']);
    expect(doc.title).toBe('mammoth__simple-list');
  });

  test('mammoth footnotes: markers stay, notes follow the body labelled [注N], back-links go', async () => {
    const doc = await parse('mammoth__footnotes.docx');
    expect(linesOf(doc)).toEqual(['Ouch[1].[2]', '[注1] A tachyon walks into a bar.', '[注2] Fin.']);
    expect(doc.text).not.toContain('↑');
  });

  test('mammoth strict-format (ISO 29500 Strict namespaces)', async () => {
    const doc = await parse('mammoth__strict-format.docx');
    expect(linesOf(doc)).toEqual(['Test']);
    expect(doc.title).toBe('Test');
  });

  test('python-docx header/footer: each distinct text once, headers first and footers last', async () => {
    const doc = await parse('pydocx__hdr-header-footer.docx');
    expect(linesOf(doc)).toEqual([
      '【页眉】Header for section-1',
      'section with header',
      'section without header of its own.',
      '【页脚】Footer for section 1',
    ]);
    expect(doc.title).toBe('section with header');
  });

  test('python-docx merged cells (gridSpan, vMerge) do not repeat their text', async () => {
    const doc = await parse('pydocx__tbl-cell-access.docx');
    expect(linesOf(doc)).toEqual([
      ...['1 | 2 | 3', '4 | 5 | 6', '7 | 8 | 9'],
      // 4 spans two columns
      ...['1 | 2 | 3', '4 | 6', '7 | 8 | 9'],
      // 5 spans two rows: the row below has only 7 and 9
      ...['1 | 2 | 3', '4 | 5 | 6', '7 | 9'],
      // 4 spans two columns and two rows
      ...['1 | 2 | 3', '4 | 6', '9'],
    ]);
  });

  test('poi-tl payment: header, nested table flattened into its cell, placeholders verbatim', async () => {
    const doc = await parse('poitl__payment.docx');
    const lines = linesOf(doc);
    expect(doc.title).toBe('付款通知书');
    expect(lines[0]).toBe('【页眉】本文档由Poi-tL生成');
    expect(lines.filter((l) => l.includes('本文档由Poi-tL生成'))).toHaveLength(1);
    expect(lines).toContain('付款通知书编号: {{NO}} 客户 ID: {{ID}} | 抬头: | 收货方: / {{taitou}} | {{consignee}}');
    expect(lines).toContain('数量 | 货物 | 说明 | 折扣 | 应纳税 | 单价 | 总计');
    expect(lines).toContain('{{#order}}');
    expect(lines).toContain('未付余额: | {{unpay}}');
    // The footer holds only an empty paragraph.
    expect(doc.text).not.toContain('【页脚】');
  });

  test('poi-tl resume: a two-cell layout table is one row; image placeholders kept', async () => {
    const doc = await parse('poitl__resume.docx');
    const [row] = linesOf(doc);
    expect(linesOf(doc)).toHaveLength(1);
    expect(row).toMatch(/^\{\{@portrait\}\} \{\{name\}\} \{\{job\}\} ——— 个人信息 ——— 电话：\{\{phone\}\}/);
    expect(row).toContain('籍贯：{{province}} 生日：{{birthday}}');
    expect(row).toContain(' | ——— 工作经历 ——— {{+experience}}');
    expect(doc.title).toBe('poitl__resume');
  });

  test('poi-tl OKR: title heading, rows with merged cells, section placeholders', async () => {
    const doc = await parse('poitl__OKR.docx');
    const lines = linesOf(doc);
    expect(doc.title).toBe('OKR目标制定');
    expect(lines.slice(0, 5)).toEqual([
      'OKR目标制定',
      // The "|" is typed in the document.
      '制定人 | | {{user.name}}',
      '部门 | | {{user.depart}}',
      '时间 | | {{date}}',
      '{{?objectives}}',
    ]);
    expect(lines).toContain('业务目标 #{{index}}');
    expect(lines.filter((l) => l === '关键结果3 | {{kr3.desc}} | {{kr3.progress}}')).toHaveLength(2);
    expect(lines.at(-1)).toBe('{{/manageObjectives}}');
  });

  test('poi-tl config_chinese (WPS): Chinese placeholders verbatim', async () => {
    const doc = await parse('poitl__config_chinese.docx');
    expect(linesOf(doc)).toEqual(['{{作者姓名}}', '{{作者别名}}', '{{@头像}}', '{{详情.描述.日期}}', '{{详情网址}}']);
  });

  test('公文 template (.dotx): imports with its headings and 出师表 text; page-number footers dropped', async () => {
    const doc = await parse('GongWen-Tamplate-Lite__template.dotx');
    const lines = linesOf(doc);
    expect(doc.title).toBe('测试文段');
    expect(lines.slice(0, 5)).toEqual([
      '测试文段',
      '诸葛亮、亮葛诸',
      '这是一段不需要缩进的内容。',
      '这也是一段不需要缩进的内容。',
      '一级标题a',
    ]);
    for (const heading of ['一级标题k', '二级标题a', '三级标题j', '四级标题j', '一级标题2', '二级标题6'])
      expect(lines).toContain(heading);
    expect(lines).toContain(
      '《出师表》（前出师表）臣亮言：先帝创业未半而中道崩殂，今天下三分，益州疲弊，此诚危急存亡之秋也。',
    );
    expect(lines).toContain('今当远离临表涕泪不知所云。');
    // Three empty headers; three footers holding only a PAGE field ("- 1 -").
    expect(doc.text).not.toMatch(/【页眉】|【页脚】|- \d -/);
  });

  test('a truncated real file is corrupt_file', async () => {
    const bytes = fs.readFileSync(path.join(DIR, 'mammoth__tables.docx'));
    for (const cut of [bytes.length - 10, bytes.length >> 1, 100]) {
      await expect(parseDocx(bytes.subarray(0, cut), 't.docx')).rejects.toMatchObject({
        code: 'corrupt_file',
        params: { file: 't.docx' },
      });
    }
  });
});
