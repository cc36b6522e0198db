import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { docxFormEngine, readDocxTemplate } from '../../electron/forms/docx';
import { FIXTURES, ROOT } from '../support/temp';

// The poi-tl templates of /work/shared/fixtures/real/docx, written by others in Word and WPS.
// Expected names are written out here from `unzip -p FILE word/document.xml | sed 's/<[^>]*>//g'
// | grep -o '{{[^}]*}}'`, and the same tag-stripping is redone below as an independent check.

const DOCX = path.join(FIXTURES, 'docx');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DOCX, name)));

const EXPECTED: Record<string, { plain: string[]; unsupported: string[] }> = {
  'poitl__payment.docx': {
    plain: [
      'NO',
      'ID',
      'taitou',
      'consignee',
      'detail_table',
      'total',
      'subtotal',
      'tax',
      'transform',
      'other',
      'unpay',
    ],
    unsupported: ['{{#order}}'],
  },
  'poitl__resume.docx': {
    plain: [
      'name',
      'job',
      'phone',
      'sex',
      'province',
      'birthday',
      'email',
      'address',
      'english',
      'University',
      'profession',
      'education',
      'rank',
      'hobbies',
    ],
    unsupported: ['{{@portrait}}', '{{*stack}}', '{{+experience}}'],
  },
  'poitl__OKR.docx': {
    plain: [
      'user.name',
      'user.depart',
      'date',
      'index',
      'object.desc',
      'object.progress',
      'kr1.desc',
      'kr1.progress',
      'kr2.desc',
      'kr2.progress',
      'kr3.desc',
      'kr3.progress',
    ],
    unsupported: ['{{?objectives}}', '{{/objectives}}', '{{?manageObjectives}}', '{{/manageObjectives}}'],
  },
  'poitl__config_chinese.docx': {
    plain: ['作者姓名', '作者别名', '详情.描述.日期', '详情网址'],
    unsupported: ['{{@头像}}'],
  },
};

/** Placeholders split over runs in the raw XML (Word's spell-check and rsid splits, WPS's language split). */
const SPLIT: Record<string, string[]> = {
  'poitl__payment.docx': ['{{taitou}}', '{{unpay}}'],
  'poitl__OKR.docx': ['{{user.name}}', '{{user.depart}}', '{{date}}', '{{index}}'],
  'poitl__config_chinese.docx': ['{{@头像}}'],
};

async function partXml(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

/** What a person sees: the tags left when all markup is stripped, in order, each once. */
async function visibleTags(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  const tags: string[] = [];
  for (const part of parts) {
    const text = (await zip.file(part)!.async('string')).replace(/<[^>]*>/g, '');
    tags.push(...(text.match(/\{\{[^}]*\}\}/g) ?? []));
  }
  return [...new Set(tags)];
}

describe('DOCX placeholders in the poi-tl templates', () => {
  it.each(Object.keys(EXPECTED))('%s: exactly the plain placeholders a person sees', async (file) => {
    const bytes = read(file);
    const fields = await docxFormEngine.fields(bytes, file);
    const { unsupported } = await readDocxTemplate(bytes, file);

    expect(fields.map((f) => f.name)).toEqual(EXPECTED[file]!.plain);
    expect(unsupported).toEqual(EXPECTED[file]!.unsupported);
    for (const f of fields) expect(f).toMatchObject({ type: 'text', readOnly: false, required: false });

    // Independent of the engine: the visible tags, split into plain and poi-tl-prefixed.
    const visible = await visibleTags(bytes);
    expect(visible.filter((t) => !/^\{\{[@#*?/+]/.test(t)).map((t) => t.slice(2, -2))).toEqual(
      fields.map((f) => f.name),
    );
    expect(visible.filter((t) => /^\{\{[@#*?/+]/.test(t))).toEqual(unsupported);
  });

  it.each(Object.keys(SPLIT))('%s: finds placeholders that are split across runs in the XML', async (file) => {
    const bytes = read(file);
    const xml = await partXml(bytes, 'word/document.xml');
    const stripped = xml.replace(/<[^>]*>/g, '');
    const { fields, unsupported } = await readDocxTemplate(bytes, file);
    for (const tag of SPLIT[file]!) {
      expect({ tag, contiguousInXml: xml.includes(tag) }).toEqual({ tag, contiguousInXml: false });
      expect(stripped).toContain(tag);
      expect([...fields.map((f) => `{{${f.name}}}`), ...unsupported]).toContain(tag);
    }
  });

  test('nearby text: the label before the placeholder, or the table cell to its left', async () => {
    const byName = async (file: string) =>
      new Map((await docxFormEngine.fields(read(file), file)).map((f) => [f.name, f.nearbyText]));
    const payment = await byName('poitl__payment.docx');
    expect(payment.get('unpay')).toBe('未付余额:'); // label cell left of the split {{unpay}}
    expect(payment.get('NO')).toBe('付款通知书编号:');
    const resume = await byName('poitl__resume.docx');
    expect(resume.get('sex')).toBe('性别：'); // "电话：{{phone}} 性别：{{sex}}": only what follows the previous tag
    const okr = await byName('poitl__OKR.docx');
    expect(okr.get('user.name')).toBe('制定人'); // "|      {{user.name}}": the bar is no label, the left cell is
    const chinese = await byName('poitl__config_chinese.docx');
    expect(chinese.get('作者姓名')).toBeUndefined(); // alone in its paragraph, not in a table
  });

  test('a placeholder used twice is one field', async () => {
    const xml = (await partXml(read('poitl__OKR.docx'), 'word/document.xml')).replace(/<[^>]*>/g, '');
    expect(xml.match(/\{\{index\}\}/g)).toHaveLength(2);
    const fields = await docxFormEngine.fields(read('poitl__OKR.docx'), 'OKR.docx');
    expect(fields.filter((f) => f.name === 'index')).toHaveLength(1);
  });

  test('a Chinese placeholder split WPS-style over three runs, and one in a header', async () => {
    const bytes = read('poitl__config_chinese.docx');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const split =
      '<w:r><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:lang w:val="en-US"/></w:rPr>' +
      '<w:t>作者</w:t></w:r><w:r><w:t>姓名}}</w:t></w:r><w:proofErr w:type="spellEnd"/>';
    zip.file('word/document.xml', xml.replace('<w:t>{{作者姓名}}</w:t></w:r>', `<w:t>姓名：</w:t></w:r>${split}`));
    const fields = await docxFormEngine.fields(await zip.generateAsync({ type: 'uint8array' }), 'split.docx');
    expect(fields[0]).toEqual({
      name: '作者姓名',
      type: 'text',
      readOnly: false,
      required: false,
      nearbyText: '姓名：',
    });
  });

  test('placeholders in headers and footers', async () => {
    const zip = await JSZip.loadAsync(read('poitl__payment.docx'));
    for (const [part, tag] of [
      ['word/header1.xml', '{{发文机关}}'],
      ['word/footer1.xml', '{{页脚.备注}}'],
    ] as const) {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/(<w:p [^>]*>)/, `$1<w:r><w:t>${tag}</w:t></w:r>`));
    }
    const names = (await docxFormEngine.fields(await zip.generateAsync({ type: 'uint8array' }), 'p.docx')).map(
      (f) => f.name,
    );
    expect(names).toEqual([...EXPECTED['poitl__payment.docx']!.plain, '发文机关', '页脚.备注']);
  });
});

describe('DOCX files that are not templates', () => {
  const plainFiles = fs.readdirSync(DOCX).filter((f) => /^(mammoth|pydocx)__.*\.docx$/.test(f));

  test('the fixture set holds the six plain documents', () => {
    expect(plainFiles).toHaveLength(6);
  });

  it.each(plainFiles)('%s → form_no_fields', async (file) => {
    await expect(docxFormEngine.fields(read(file), file)).rejects.toMatchObject({
      code: 'form_no_fields',
      params: { file },
    });
  });

  test('a truncated .docx → form_unreadable', async () => {
    const bytes = read('poitl__payment.docx');
    await expect(docxFormEngine.fields(bytes.subarray(0, bytes.length / 2), 'cut.docx')).rejects.toMatchObject({
      code: 'form_unreadable',
      params: { file: 'cut.docx', detail: expect.any(String) },
    });
  });

  test('a .png renamed .docx → form_unreadable', async () => {
    const png = new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets', 'icon.png')));
    await expect(docxFormEngine.fields(png, 'icon.docx')).rejects.toMatchObject({
      code: 'form_unreadable',
      params: { file: 'icon.docx' },
    });
  });

  test('an encrypted .docx (an OLE compound file) → form_unreadable', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(docxFormEngine.fields(ole, 'secret.docx')).rejects.toMatchObject({
      code: 'form_unreadable',
      params: { file: 'secret.docx', detail: expect.stringContaining('encrypted') },
    });
  });

  test('a ZIP with a damaged document part → form_unreadable', async () => {
    const zip = await JSZip.loadAsync(read('poitl__config_chinese.docx'));
    zip.file('word/document.xml', '<w:document><w:body><w:p>{{broken');
    await expect(
      docxFormEngine.fields(await zip.generateAsync({ type: 'uint8array' }), 'bad.docx'),
    ).rejects.toMatchObject({ code: 'form_unreadable' });
  });
});
