import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { docxFormEngine } from '../../electron/forms/docx';
import { FIXTURES, ROOT, tempDir } from '../support/temp';

// Fills the poi-tl templates and reads the result back with readers that share no code with the
// engine: mammoth for the text, xmldom for the run formatting, LibreOffice + pdftotext for "it
// opens and renders". Content controls are tested on a template built here from a fixture.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const DOCX = path.join(FIXTURES, 'docx');
const SAMPLES_DIR = process.env.WENSHU_SAMPLES
  ? path.resolve(process.env.WENSHU_SAMPLES)
  : path.join(ROOT, 'out', 'samples');
const FONTS_CONF = path.join(ROOT, 'tests', 'fixtures', 'fonts', 'fonts-alias.conf');

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DOCX, name)));

/** Every plain placeholder of each template, with Chinese, multi-line and XML-special values. */
const VALUES: Record<string, Record<string, string>> = {
  'poitl__payment.docx': {
    NO: 'FK-2024-0017',
    ID: 'KH-00891',
    taitou: '北京文书科技有限公司\n财务部 收',
    consignee: '张三 <采购部> & "李四"',
    detail_table: '办公用品一批',
    total: '¥12,345.00',
    subtotal: '¥11,000.00',
    tax: '¥1,345.00',
    transform: '¥0.00',
    other: '无',
    unpay: '¥2,000.00',
  },
  'poitl__resume.docx': {
    name: '王小明',
    job: '综合处科员',
    phone: '13800138000',
    sex: '男',
    province: '浙江杭州',
    birthday: '1990年5月1日',
    email: 'wang@example.gov.cn',
    address: '北京市西城区 <某某街> 1号 & 2号',
    english: 'CET-6',
    University: '北京大学',
    profession: '公共管理',
    education: '硕士研究生',
    rank: '前 5%',
    hobbies: '阅读\n书法\n长跑',
  },
  'poitl__OKR.docx': {
    'user.name': '李华',
    'user.depart': '办公厅秘书处',
    date: '2024年第一季度',
    index: '甲乙',
    'object.desc': '完成"文书"系统一期上线',
    'object.progress': '80%',
    'kr1.desc': '公文模板 <12> 套',
    'kr1.progress': '100%',
    'kr2.desc': '培训 & 推广\n覆盖全部处室',
    'kr2.progress': '60%',
    'kr3.desc': '用户满意度调查',
    'kr3.progress': '40%',
  },
  'poitl__config_chinese.docx': {
    作者姓名: '鲁迅',
    作者别名: '周树人 & 豫才',
    '详情.描述.日期': '1881年9月25日',
    详情网址: 'https://example.cn/?a=1&b=<2>',
  },
};
const NOT_FILLABLE: Record<string, string[]> = {
  'poitl__payment.docx': ['{{#order}}'],
  'poitl__resume.docx': ['{{@portrait}}', '{{*stack}}', '{{+experience}}'],
  'poitl__OKR.docx': ['{{?objectives}}', '{{/objectives}}'],
  'poitl__config_chinese.docx': ['{{@头像}}'],
};

const lines = (value: string) => value.split('\n');
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (node: XmlDocument | Element, ns: string, tag: string) => Array.from(node.getElementsByTagNameNS(ns, tag));

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** The w:r holding the first character of `needle`, found over the paragraph's joined w:t text. */
function runAt(doc: XmlDocument, needle: string): Element | undefined {
  for (const p of all(doc, W, 'p')) {
    const ts = all(p, W, 't');
    let text = '';
    const owner: Element[] = [];
    for (const t of ts) {
      for (const _ of t.textContent ?? '') owner.push(t);
      text += t.textContent ?? '';
    }
    const at = text.indexOf(needle);
    if (at >= 0) return owner[at]!.parentNode as Element;
  }
  return undefined;
}

const rPrOf = (run: Element | undefined) => {
  const rPr = run && all(run, W, 'rPr')[0];
  return rPr ? new XMLSerializer().serializeToString(rPr) : '';
};

describe('filling the poi-tl templates', () => {
  it.each(Object.keys(VALUES))('%s: every value is in the text mammoth reads, no filled tag is left', async (file) => {
    const values = VALUES[file]!;
    const { bytes, notes } = await docxFormEngine.fill(read(file), file, values);
    expect(notes).toEqual([]);
    const text = await rawText(bytes);
    for (const value of Object.values(values)) for (const line of lines(value)) expect(text).toContain(line);
    for (const name of Object.keys(values)) expect(text).not.toContain(`{{${name}}}`);
    for (const tag of NOT_FILLABLE[file]!) expect(text).toContain(tag); // poi-tl's other tags are left alone
    // The values are in the XML as text, escaped, not as markup.
    const xml = await part(bytes, 'word/document.xml');
    expect(() => parse(xml)).not.toThrow();
    expect(Object.values(values).some((v) => /[<&>"]/.test(v))).toBe(true);
  });

  it.each(Object.keys(VALUES))(
    '%s: each value keeps the formatting of the run its placeholder started in',
    async (file) => {
      const before = parse(await part(read(file), 'word/document.xml'));
      const after = parse(
        await part((await docxFormEngine.fill(read(file), file, VALUES[file]!)).bytes, 'word/document.xml'),
      );
      for (const [name, value] of Object.entries(VALUES[file]!)) {
        const original = runAt(before, `{{${name}}}`);
        expect(original).toBeDefined();
        expect({ name, rPr: rPrOf(runAt(after, lines(value)[0]!)) }).toEqual({ name, rPr: rPrOf(original) });
      }
    },
  );

  test('resume {{name}}: bold 20 pt 微软雅黑 stays; OKR split {{user.name}}: the first run wins over the name run', async () => {
    const resume = parse(
      await part(
        (await docxFormEngine.fill(read('poitl__resume.docx'), 'r.docx', { name: '王小明' })).bytes,
        'word/document.xml',
      ),
    );
    const run = runAt(resume, '王小明')!;
    expect(all(run, W, 'b')).toHaveLength(1);
    expect(all(run, W, 'sz')[0]!.getAttributeNS(W, 'val')).toBe('40');
    expect(all(run, W, 'rFonts')[0]!.getAttributeNS(W, 'eastAsia')).toBe('微软雅黑');

    // In OKR.docx "{{", "user.name" and "}}" are three runs; only the name run has w:hint="eastAsia".
    const okrXml = await part(read('poitl__OKR.docx'), 'word/document.xml');
    expect(okrXml).toContain(
      '<w:t>{{</w:t></w:r><w:r w:rsidR="006A21DA"><w:rPr><w:rFonts w:ascii="微软雅黑" w:eastAsia="微软雅黑" w:hAnsi="微软雅黑" w:hint="eastAsia"/>',
    );
    const okr = parse(
      await part(
        (await docxFormEngine.fill(read('poitl__OKR.docx'), 'o.docx', { 'user.name': '李华' })).bytes,
        'word/document.xml',
      ),
    );
    const merged = runAt(okr, '李华')!;
    expect(all(merged, W, 'rFonts')[0]!.hasAttributeNS(W, 'hint')).toBe(false);
    expect(all(merged, W, 'sz')[0]!.getAttributeNS(W, 'val')).toBe('24');
    // The three runs became one: the paragraph reads "|      李华" in two runs, and nothing else.
    const paragraph = merged.parentNode as Element;
    expect(
      all(paragraph, W, 'r').map((r) =>
        all(r, W, 't')
          .map((t) => t.textContent)
          .join(''),
      ),
    ).toEqual(['|      ', '李华']);
  });

  test('payment {{taitou}}: the split runs and their spell-check marks merge into one run, lines become w:br', async () => {
    const doc = parse(
      await part(
        (await docxFormEngine.fill(read('poitl__payment.docx'), 'p.docx', { taitou: '第一行\n第二行' })).bytes,
        'word/document.xml',
      ),
    );
    const paragraph = runAt(doc, '第一行')!.parentNode as Element;
    const runs = all(paragraph, W, 'r');
    expect(runs).toHaveLength(1);
    expect(all(paragraph, W, 'proofErr')).toHaveLength(0);
    expect(Array.from(runs[0]!.childNodes).map((n) => (n as Element).localName)).toEqual(['rPr', 't', 'br', 't']);
    expect(all(runs[0]!, W, 't').map((t) => t.textContent)).toEqual(['第一行', '第二行']);
  });

  test('a placeholder used twice is filled everywhere; values not given leave their placeholders', async () => {
    const { bytes } = await docxFormEngine.fill(read('poitl__OKR.docx'), 'OKR.docx', { index: '甲' });
    const text = await rawText(bytes);
    expect(text).not.toContain('{{index}}');
    expect(text.match(/甲/g)).toHaveLength(2);
    expect(text).toContain('{{user.name}}');
    expect(text).toContain('{{kr3.progress}}');
  });

  test('parts that did not change are byte-identical; no values give back the same file', async () => {
    const original = read('poitl__payment.docx');
    const { bytes } = await docxFormEngine.fill(original, 'p.docx', { NO: '1' });
    const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(bytes)]);
    expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
    for (const name of Object.keys(a.files).filter((n) => !a.files[n]!.dir && n !== 'word/document.xml')) {
      const [x, y] = await Promise.all([a.file(name)!.async('uint8array'), b.file(name)!.async('uint8array')]);
      expect({ name, same: Buffer.from(x).equals(Buffer.from(y)) }).toEqual({ name, same: true });
    }
    expect((await docxFormEngine.fill(original, 'p.docx', {})).bytes).toBe(original);
  });

  test('a value that looks like a placeholder is written as text, not filled again', async () => {
    const values = { 作者姓名: '{{作者别名}}', 作者别名: '周树人' };
    const { bytes } = await docxFormEngine.fill(read('poitl__config_chinese.docx'), 'c.docx', values);
    const text = await rawText(bytes);
    expect(text.match(/\{\{作者别名\}\}/g)).toHaveLength(1);
    expect(text).toContain('周树人');
  });

  test('refuses unknown names (and poi-tl tags) and values of the wrong type, writing nothing', async () => {
    const bytes = read('poitl__config_chinese.docx');
    await expect(docxFormEngine.fill(bytes, 'c.docx', { 作者: 'x' })).rejects.toMatchObject({
      code: 'form_unknown_field',
      params: { field: '作者' },
    });
    await expect(docxFormEngine.fill(bytes, 'c.docx', { '@头像': 'x' })).rejects.toMatchObject({
      code: 'form_unknown_field',
    });
    await expect(docxFormEngine.fill(bytes, 'c.docx', { 作者姓名: true })).rejects.toMatchObject({
      code: 'form_bad_value',
      params: { field: '作者姓名' },
    });
    await expect(docxFormEngine.fill(bytes, 'c.docx', { 作者姓名: ['a', 'b'] })).rejects.toMatchObject({
      code: 'form_bad_value',
    });
  });

  test('placeholders in the header and footer are filled with their run formatting', async () => {
    const zip = await JSZip.loadAsync(read('poitl__payment.docx'));
    const grey = '<w:rPr><w:color w:val="808080"/><w:sz w:val="28"/></w:rPr>';
    for (const [name, tag] of [
      ['word/header1.xml', '{{发文</w:t></w:r><w:r><w:t>机关}}'],
      ['word/footer1.xml', '{{页脚.备注}}'],
    ] as const) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/(<w:p [^>]*>)/, `$1<w:r>${grey}<w:t>${tag}</w:t></w:r>`));
    }
    const template = await zip.generateAsync({ type: 'uint8array' });
    const { bytes } = await docxFormEngine.fill(template, 'p.docx', {
      发文机关: '国务院办公厅',
      '页脚.备注': '第 1 页 & 附件',
    });
    for (const [name, value] of [
      ['word/header1.xml', '国务院办公厅'],
      ['word/footer1.xml', '第 1 页 & 附件'],
    ] as const) {
      const doc = parse(await part(bytes, name));
      const run = runAt(doc, value);
      expect(run).toBeDefined();
      expect(rPrOf(run)).toBe(`<w:rPr xmlns:w="${W}"><w:color w:val="808080"/><w:sz w:val="28"/></w:rPr>`);
      expect(
        all(doc, W, 't')
          .map((t) => t.textContent)
          .join(''),
      ).not.toContain('{{');
    }
  });
});

describe('filled templates open and render in LibreOffice', () => {
  const dir = tempDir();

  test('payment, resume and OKR convert to PDF with every value in pdftotext; PNGs of two', async () => {
    const files = ['poitl__payment.docx', 'poitl__resume.docx', 'poitl__OKR.docx'];
    for (const file of files) {
      fs.writeFileSync(path.join(dir, file), (await docxFormEngine.fill(read(file), file, VALUES[file]!)).bytes);
    }
    const env = { ...process.env, FONTCONFIG_FILE: FONTS_CONF };
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/lo`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files.map((f) => path.join(dir, f)),
      ],
      { env, stdio: 'ignore', timeout: 120_000 },
    );
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const file of files) {
      const pdf = path.join(dir, file.replace(/\.docx$/, '.pdf'));
      // -raw: content-stream order, cell by cell (the default interleaves side-by-side cells line by line).
      const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      for (const value of Object.values(VALUES[file]!))
        for (const line of lines(value)) expect(text).toContain(squash(line));
    }
    fs.mkdirSync(SAMPLES_DIR, { recursive: true });
    for (const [file, sample] of [
      ['poitl__payment.docx', 'form-docx-payment'],
      ['poitl__resume.docx', 'form-docx-resume'],
    ] as const) {
      const pdf = path.join(dir, file.replace(/\.docx$/, '.pdf'));
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(SAMPLES_DIR, sample)], { env });
      expect(fs.existsSync(path.join(SAMPLES_DIR, `${sample}-1.png`))).toBe(true);
    }
  }, 180_000);
});

// Content controls: a template built from config_chinese.docx by adding w:sdt controls of each kind.
const SDT = {
  applicant:
    '<w:p><w:r><w:t>申请人：</w:t></w:r><w:sdt><w:sdtPr><w:rPr><w:color w:val="C00000"/></w:rPr><w:alias w:val="申请人姓名"/>' +
    '<w:tag w:val="申请人"/><w:id w:val="1"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>' +
    '<w:rStyle w:val="a5"/><w:color w:val="C00000"/></w:rPr><w:t>单击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  consent:
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>' +
    '<w:tr><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>同意承诺</w:t></w:r></w:p></w:tc>' +
    '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:sdt><w:sdtPr><w:tag w:val="同意"/><w14:checkbox>' +
    '<w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>' +
    '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>' +
    '<w:t>☐</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc></w:tr></w:tbl>',
  sex:
    '<w:p><w:r><w:t>性别：</w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="性别"/><w:tag w:val="性别"/><w:dropDownList w:lastValue="M">' +
    '<w:listItem w:displayText="男" w:value="M"/><w:listItem w:displayText="女" w:value="F"/></w:dropDownList></w:sdtPr>' +
    '<w:sdtContent><w:r><w:t>男</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  rank:
    '<w:p><w:r><w:t>职级：</w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="职级"/><w:showingPlcHdr/><w:comboBox>' +
    '<w:listItem w:displayText="科员" w:value="科员"/><w:listItem w:displayText="副主任科员" w:value="副主任科员"/></w:comboBox></w:sdtPr>' +
    '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="a5"/></w:rPr><w:t>选择一项。</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  birth:
    '<w:p><w:r><w:t>出生日期：</w:t></w:r><w:sdt><w:sdtPr><w:tag w:val="出生日期"/><w:date w:fullDate="2000-01-01T00:00:00Z">' +
    '<w:dateFormat w:val="yyyy年M月d日"/><w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/>' +
    '</w:date></w:sdtPr><w:sdtContent><w:r><w:t>2000年1月1日</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  intro:
    '<w:sdt><w:sdtPr><w:alias w:val="个人简介"/><w:tag w:val="简介"/></w:sdtPr><w:sdtContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>' +
    '<w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>旧简介第一段</w:t></w:r></w:p><w:p><w:r><w:t>旧简介第二段</w:t></w:r></w:p>' +
    '</w:sdtContent></w:sdt>',
  number:
    '<w:p><w:r><w:t>编号：</w:t></w:r><w:sdt><w:sdtPr><w:tag w:val="编号"/><w:lock w:val="sdtContentLocked"/><w:text/></w:sdtPr>' +
    '<w:sdtContent><w:r><w:t>No.001</w:t></w:r></w:sdtContent></w:sdt></w:p>',
  photo: '<w:sdt><w:sdtPr><w:tag w:val="照片"/><w:picture/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>',
};
const PLACEHOLDER_STYLE =
  '<w:style w:type="character" w:styleId="a5"><w:name w:val="Placeholder Text"/><w:uiPriority w:val="99"/><w:semiHidden/>' +
  '<w:rPr><w:color w:val="808080"/></w:rPr></w:style>';

async function controlsTemplate(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(read('poitl__config_chinese.docx'));
  const doc = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', doc.replace('<w:sectPr>', `${Object.values(SDT).join('')}<w:sectPr>`));
  const styles = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', styles.replace('</w:styles>', `${PLACEHOLDER_STYLE}</w:styles>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const sdtPrOf = (doc: XmlDocument, tagOrAlias: string) =>
  all(doc, W, 'sdtPr').find((pr) =>
    [...all(pr, W, 'tag'), ...all(pr, W, 'alias')].some((e) => e.getAttributeNS(W, 'val') === tagOrAlias),
  )!;

describe('content controls', () => {
  test('listed by tag (or alias), with type, options, current value, lock, alias and label', async () => {
    const fields = await docxFormEngine.fields(await controlsTemplate(), 'cc.docx');
    const base = { readOnly: false, required: false };
    expect(fields.slice(4)).toEqual([
      { ...base, name: '申请人', type: 'text', tooltip: '申请人姓名', nearbyText: '申请人：' },
      { ...base, name: '同意', type: 'checkbox', value: false, nearbyText: '同意承诺' },
      {
        ...base,
        name: '性别',
        type: 'dropdown',
        options: ['男', '女'],
        value: '男',
        tooltip: '性别',
        nearbyText: '性别：',
      },
      {
        ...base,
        name: '职级',
        type: 'dropdown',
        options: ['科员', '副主任科员'],
        tooltip: '职级',
        nearbyText: '职级：',
      },
      { ...base, name: '出生日期', type: 'text', value: '2000年1月1日', nearbyText: '出生日期：' },
      { ...base, name: '简介', type: 'text', value: '旧简介第一段\n旧简介第二段', tooltip: '个人简介' },
      { ...base, name: '编号', type: 'text', value: 'No.001', readOnly: true, nearbyText: '编号：' },
    ]);
    expect(fields.slice(0, 4).map((f) => f.name)).toEqual(['作者姓名', '作者别名', '详情.描述.日期', '详情网址']);
  });

  test('filled: text, checkbox with its glyph, drop-down by display or value, date; read back', async () => {
    const template = await controlsTemplate();
    const { bytes } = await docxFormEngine.fill(template, 'cc.docx', {
      申请人: '王小明 <&> "办公厅"',
      同意: true,
      性别: 'F',
      职级: '副主任科员',
      出生日期: '1990年5月1日',
      简介: '新简介第一行\n新简介第二行',
      作者姓名: '鲁迅',
    });
    const text = await rawText(bytes);
    for (const s of [
      '王小明 <&> "办公厅"',
      '女',
      '副主任科员',
      '1990年5月1日',
      '新简介第一行',
      '新简介第二行',
      '鲁迅',
      'No.001',
    ]) {
      expect(text).toContain(s);
    }
    for (const s of ['单击此处输入文字', '选择一项', '旧简介', '2000年1月1日']) expect(text).not.toContain(s);
    // mammoth reads a w14 checkbox as a checkbox (not its glyph): checked now.
    expect((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value).toMatch(
      /<input checked type="checkbox"|<input type="checkbox" checked/,
    );

    const doc = parse(await part(bytes, 'word/document.xml'));
    const applicant = sdtPrOf(doc, '申请人');
    expect(all(applicant, W, 'showingPlcHdr')).toHaveLength(0);
    const applicantRun = runAt(doc, '王小明')!;
    expect(all(applicantRun, W, 'rStyle')).toHaveLength(0); // the grey placeholder style is gone …
    expect(all(applicantRun, W, 'color')[0]!.getAttributeNS(W, 'val')).toBe('C00000'); // … the run's colour stays
    expect(all(sdtPrOf(doc, '同意'), W14, 'checked')[0]!.getAttributeNS(W14, 'val')).toBe('1');
    const box = sdtPrOf(doc, '同意').parentNode as Element;
    expect(all(box, W, 't').map((t) => t.textContent)).toEqual(['☒']);
    expect(all(sdtPrOf(doc, '性别'), W, 'dropDownList')[0]!.getAttributeNS(W, 'lastValue')).toBe('F');
    expect(all(sdtPrOf(doc, '出生日期'), W, 'date')[0]!.getAttributeNS(W, 'fullDate')).toBe('1990-05-01T00:00:00Z');
    // The block control keeps its first paragraph (centred) and its first run's bold 16 pt.
    const introRun = runAt(doc, '新简介第一行')!;
    const introParagraph = introRun.parentNode as Element;
    expect(all(introParagraph, W, 'jc')[0]!.getAttributeNS(W, 'val')).toBe('center');
    expect(rPrOf(introRun)).toBe(`<w:rPr xmlns:w="${W}"><w:b/><w:sz w:val="32"/></w:rPr>`);
    expect(all(introParagraph.parentNode as Element, W, 'p')).toHaveLength(1);

    // Listed again, the controls show their new values.
    const again = new Map((await docxFormEngine.fields(bytes, 'cc.docx')).map((f) => [f.name, f.value]));
    expect(Object.fromEntries(again)).toMatchObject({
      申请人: '王小明 <&> "办公厅"',
      同意: true,
      性别: '女',
      职级: '副主任科员',
      简介: '新简介第一行\n新简介第二行',
    });
    const unchecked = await docxFormEngine.fill(bytes, 'cc.docx', { 同意: 'false' });
    const uncheckedBox = sdtPrOf(parse(await part(unchecked.bytes, 'word/document.xml')), '同意').parentNode as Element;
    expect(all(uncheckedBox, W, 't').map((t) => t.textContent)).toEqual(['☐']);
    expect((await docxFormEngine.fields(unchecked.bytes, 'cc.docx')).find((f) => f.name === '同意')?.value).toBe(false);
  });

  test('refuses a choice that is not an option, a non-boolean checkbox and a locked control', async () => {
    const template = await controlsTemplate();
    const refuse = (values: Record<string, string | boolean>, field: string) =>
      expect(docxFormEngine.fill(template, 'cc.docx', values)).rejects.toMatchObject({
        code: 'form_bad_value',
        params: { field },
      });
    await refuse({ 性别: '未知' }, '性别');
    await refuse({ 职级: '处长' }, '职级');
    await refuse({ 同意: '也许' }, '同意');
    await refuse({ 编号: 'No.002' }, '编号');
    await refuse({ 申请人: true }, '申请人');
    await expect(docxFormEngine.fill(template, 'cc.docx', { 照片: 'x' })).rejects.toMatchObject({
      code: 'form_unknown_field',
    });
  });
});
