import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { renderExport } from '../../electron/export/render';
import type { ExportInput } from '../../electron/export/render';
import { tempDir } from '../support/temp';
import { ANNEX_E_KEYS as KEYS, LABEL, NOTICE_BODY as BODY, NOTICE_TITLE, exportInput } from './support';
import type { ExportFixture } from './support';

// The Must-show: an exported docx read back with an independent reader (JSZip to unzip,
// @xmldom/xmldom to parse), with the visible label and the AIGC custom property's 7 fields in order.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';

// A real 公文 (国办发〔2022〕35号): its title and first paragraphs.
const DRAFT: ExportFixture = {
  draftId: 'draft-7f3a',
  version: 4,
  kind: 'document',
  title: NOTICE_TITLE,
  content: { text: BODY.join('\n'), fields: {} },
  contentProducer: '001191100000000000000X00001',
};
const input = (over?: Partial<ExportInput>, aigc?: Partial<ExportInput['aigc']>) => exportInput(DRAFT, over, aigc);

interface ReadBack {
  zip: JSZip;
  xml: (name: string) => Promise<XmlDocument>;
  paragraphs: string[];
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing`);
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, msg) => void (level !== 'warning' && errors.push(msg)),
    }).parseFromString(await file.async('string'), 'application/xml');
    expect(errors).toEqual([]);
    return doc;
  };
  const document = await xml('word/document.xml');
  const paragraphs = Array.from(document.getElementsByTagNameNS(W, 'p')).map((p) =>
    Array.from(p.getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent ?? '')
      .join(''),
  );
  return { zip, xml, paragraphs };
}

async function aigcProperty(back: ReadBack): Promise<{ element: Element; value: string } | undefined> {
  const custom = await back.xml('docProps/custom.xml');
  const props = Array.from(custom.getElementsByTagNameNS(CUSTOM, 'property')).filter(
    (p) => p.getAttribute('name') === 'AIGC',
  );
  expect(props).toHaveLength(1);
  const element = props[0]!;
  const values = element.getElementsByTagNameNS(VT, 'lpwstr');
  expect(values).toHaveLength(1);
  return { element, value: values[0]!.textContent ?? '' };
}

describe('docx export, read back with JSZip and xmldom', () => {
  it('carries the visible label as the first paragraph, then the title and the body text', async () => {
    const file = await renderExport('docx', input());
    expect(file.extension).toBe('docx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.fileName).toBe('国务院办公厅关于复制推广营商环境创新试点改革举措的通知.docx');
    const back = await readBack(file.bytes);
    expect(back.paragraphs[0]).toBe(LABEL);
    expect(back.paragraphs[1]).toBe(input().title);
    for (const line of BODY) expect(back.paragraphs).toContain(line);
    // The body follows the label and the title, in order.
    const at = BODY.map((l) => back.paragraphs.indexOf(l));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[0]).toBeGreaterThan(1);
  });

  it('stores the implicit label: custom property AIGC, the 7 Annex E fields in order', async () => {
    const back = await readBack((await renderExport('docx', input())).bytes);
    const prop = await aigcProperty(back);
    expect(prop!.element.getAttribute('fmtid')).toBe('{D5CDD505-2E9C-101B-9397-08002B2CF9AE}');
    expect(Number(prop!.element.getAttribute('pid'))).toBeGreaterThanOrEqual(2);
    const meta = JSON.parse(prop!.value) as Record<string, string>;
    expect(Object.keys(meta)).toEqual(KEYS);
    expect(meta).toEqual({
      Label: '1',
      ContentProducer: '001191100000000000000X00001',
      ProduceID: 'draft-7f3a#v4',
      ReservedCode1: '',
      ContentPropagator: '',
      PropagateID: '',
      ReservedCode2: '',
    });
  });

  it('registers docProps/custom.xml in [Content_Types].xml and _rels/.rels', async () => {
    const back = await readBack((await renderExport('docx', input())).bytes);
    const types = await back.xml('[Content_Types].xml');
    const overrides = Array.from(types.getElementsByTagNameNS(CT, 'Override')).filter(
      (o) => o.getAttribute('PartName') === '/docProps/custom.xml',
    );
    expect(overrides.map((o) => o.getAttribute('ContentType'))).toEqual([CUSTOM_TYPE]);
    const rels = await back.xml('_rels/.rels');
    const custom = Array.from(rels.getElementsByTagNameNS(PR, 'Relationship')).filter(
      (r) => r.getAttribute('Type') === CUSTOM_REL,
    );
    expect(custom.map((r) => r.getAttribute('Target'))).toEqual(['docProps/custom.xml']);
  });

  it('without the visible label: no label paragraph, the AIGC property still there', async () => {
    const back = await readBack((await renderExport('docx', input({}, { visibleLabel: false }))).bytes);
    expect(back.paragraphs[0]).toBe(input().title);
    expect(back.paragraphs.some((p) => p.includes('人工智能'))).toBe(false);
    const meta = JSON.parse((await aigcProperty(back))!.value) as Record<string, string>;
    expect(Object.keys(meta)).toEqual(KEYS);
    expect(meta.ProduceID).toBe('draft-7f3a#v4');
  });

  it('uses the policy wording and producer, escaped in XML', async () => {
    const labelText = 'AI生成内容 <仅供参考> & 请核实';
    const back = await readBack(
      (await renderExport('docx', input({}, { labelText, contentProducer: '某局 "信息中心" <&>' }))).bytes,
    );
    expect(back.paragraphs[0]).toBe(labelText);
    const meta = JSON.parse((await aigcProperty(back))!.value) as Record<string, string>;
    expect(meta.ContentProducer).toBe('某局 "信息中心" <&>');
  });

  it('is an A4 page in 仿宋 with 黑体 title, the fonts declared with their fallbacks', async () => {
    const back = await readBack((await renderExport('docx', input())).bytes);
    const document = await back.xml('word/document.xml');
    const size = document.getElementsByTagNameNS(W, 'pgSz')[0]!;
    expect([size.getAttributeNS(W, 'w'), size.getAttributeNS(W, 'h')]).toEqual(['11906', '16838']);
    const styles = await back.xml('word/styles.xml');
    const defaults = styles.getElementsByTagNameNS(W, 'rPrDefault')[0]!;
    expect(defaults.getElementsByTagNameNS(W, 'rFonts')[0]!.getAttributeNS(W, 'eastAsia')).toBe('仿宋');
    const titleRun = Array.from(document.getElementsByTagNameNS(W, 'r')).find(
      (r) => r.getElementsByTagNameNS(W, 't')[0]?.textContent === input().title,
    )!;
    expect(titleRun.getElementsByTagNameNS(W, 'rFonts')[0]!.getAttributeNS(W, 'eastAsia')).toBe('黑体');
    const fonts = await back.xml('word/fontTable.xml');
    const declared = Object.fromEntries(
      Array.from(fonts.getElementsByTagNameNS(W, 'font')).map((f) => [
        f.getAttributeNS(W, 'name'),
        [
          f.getElementsByTagNameNS(W, 'altName')[0]?.getAttributeNS(W, 'val'),
          f.getElementsByTagNameNS(W, 'charset')[0]?.getAttributeNS(W, 'val'),
        ],
      ]),
    );
    expect(declared).toEqual({ 仿宋: ['FangSong', '86'], 黑体: ['SimHei', '86'], 宋体: ['SimSun', '86'] });
  });

  it('puts fields in a two-column table before the text', async () => {
    const fields = { 文号: '国办发〔2022〕35号', 联系人: '李四\n010-12345678', 备注: '' };
    const back = await readBack(
      (await renderExport('docx', input({ content: { text: BODY.join('\n'), fields } }))).bytes,
    );
    const document = await back.xml('word/document.xml');
    const rows = Array.from(document.getElementsByTagNameNS(W, 'tr')).map((tr) =>
      Array.from(tr.getElementsByTagNameNS(W, 'tc')).map((tc) =>
        Array.from(tc.getElementsByTagNameNS(W, 'p'))
          .map((p) =>
            Array.from(p.getElementsByTagNameNS(W, 't'))
              .map((t) => t.textContent)
              .join(''),
          )
          .join('\n'),
      ),
    );
    expect(rows).toEqual([
      ['文号', '国办发〔2022〕35号'],
      ['联系人', '李四\n010-12345678'],
      ['备注', ''],
    ]);
    expect(back.paragraphs.indexOf('李四')).toBeLessThan(back.paragraphs.indexOf(BODY[0]!));
  });

  it('stays well-formed XML with control characters and lone surrogates in the text, and mammoth reads it', async () => {
    const text = `第一段\u0000含\u0007控制\u001b字符\n第二段\ud800孤立代理\n\n第三段\t制表`;
    const bytes = (await renderExport('docx', input({ title: '标题\u0001', content: { text, fields: {} } }))).bytes;
    const back = await readBack(bytes);
    expect(back.paragraphs).toEqual(
      expect.arrayContaining(['第一段含控制字符', '第二段\ufffd孤立代理', '第三段    制表']),
    );
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(raw.value).toContain(LABEL);
    expect(raw.value).toContain('第一段含控制字符');
  });

  it('drops the first line of the text when it repeats the title', async () => {
    const title = input().title;
    const back = await readBack(
      (await renderExport('docx', input({ content: { text: `${title}\n${BODY[0]}`, fields: {} } }))).bytes,
    );
    expect(back.paragraphs.filter((p) => p === title)).toHaveLength(1);
  });
});

// LibreOffice as a second reader (and the way to look at the result): when it is installed.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const pdftotext = fs.existsSync('/usr/bin/pdftotext');
(soffice && pdftotext ? describe : describe.skip)('docx export opened by LibreOffice', () => {
  const dir = tempDir('wenshu-export-lo-');
  it('converts to a PDF showing the label, the title and the body', async () => {
    const file = await renderExport('docx', input());
    const docx = path.join(dir, 'export.docx');
    fs.writeFileSync(docx, file.bytes);
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'export.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain(LABEL);
    expect(text).toContain(input().title);
    expect(text).toContain(BODY[1]!.trim().slice(0, 30));
  }, 150_000);
});
