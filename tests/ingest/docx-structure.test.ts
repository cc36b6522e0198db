import { parseDocx } from '../../electron/ingest/docx';
import { buildDocx, headerXml, para } from './support/docx-zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const lines = async (bytes: Buffer) => (await parseDocx(bytes, 'x.docx')).text.split('\n');

const numbered = (text: string, level: number) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style></w:styles>`;
const core = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>`;

/** A complex field: begin, instruction, separate, cached result, end. */
const field = (instruction: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('parseDocx structure', () => {
  test('ordered items get their number, nested bullets a bullet', async () => {
    const body = numbered('准备材料', 0) + numbered('身份证', 1) + numbered('提交申请', 0) + para('以上。');
    expect(await lines(await buildDocx(body, { 'word/numbering.xml': NUMBERING }))).toEqual([
      '1. 准备材料',
      '• 身份证',
      '2. 提交申请',
      '以上。',
    ]);
  });

  test('a soft line break starts a new line; tabs and runs of spaces become one space', async () => {
    const body = `<w:p><w:r><w:t>主送：</w:t><w:br/><w:t>各区县</w:t><w:tab/><w:t xml:space="preserve">人民政府   办公室</w:t></w:r></w:p>`;
    expect(await lines(await buildDocx(body))).toEqual(['主送：', '各区县 人民政府 办公室']);
  });

  test('title: the Title-style paragraph over the first paragraph, dc:title over both unless it is a placeholder', async () => {
    const body = para('XX市人民政府文件') + para('关于做好防汛工作的通知', 'a3') + para('各区县人民政府：');
    const parts = { 'word/styles.xml': STYLES };
    expect((await parseDocx(await buildDocx(body, parts), '1.docx')).title).toBe('关于做好防汛工作的通知');
    expect(
      (await parseDocx(await buildDocx(body, { ...parts, 'docProps/core.xml': core('防汛通知') }), '2.docx')).title,
    ).toBe('防汛通知');
    for (const placeholder of ['Microsoft Word - tongzhi.doc', '文档1', '  ']) {
      const doc = await parseDocx(
        await buildDocx(body, { ...parts, 'docProps/core.xml': core(placeholder) }),
        '3.docx',
      );
      expect(doc.title).toBe('关于做好防汛工作的通知');
    }
    expect((await parseDocx(await buildDocx(''), '空白.docx')).title).toBe('空白');
  });

  test('headers and footers: page-number fields dropped, text boxes read once, duplicates once', async () => {
    const textBox = (text: string) =>
      `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>${run(text)}</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>${run(text)}</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const parts = {
      'word/header1.xml': headerXml(
        `<w:p>${run('第 ')}${field('PAGE', '3')}${run(' 页 共 ')}${field('NUMPAGES', '9')}${run(' 页')}</w:p>`,
      ),
      'word/header2.xml': headerXml(
        `<w:p>${run('机密★1年')}<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`,
      ),
      'word/header3.xml': headerXml(`<w:p>${run('机密★1年')}</w:p>`),
      'word/header4.xml': headerXml(`<w:p>${textBox('XX市人民政府办公室')}</w:p>`),
      'word/footer1.xml': headerXml(`<w:p>${field('PAGE', '- 3 -')}</w:p>`, 'ftr'),
      'word/footer2.xml': headerXml(
        `<w:p>${run('XX市人民政府办公室 ')}${field('DATE \\@ "yyyy年M月d日"', '2026年3月5日')}</w:p>`,
        'ftr',
      ),
    };
    expect(await lines(await buildDocx(para('正文'), parts))).toEqual([
      '【页眉】机密★1年',
      '【页眉】XX市人民政府办公室',
      '正文',
      // Other fields keep their cached result.
      '【页脚】XX市人民政府办公室 2026年3月5日',
    ]);
  });

  test('Strict OOXML headers: other namespace and relationship URIs, same elements', async () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const header = `<?xml version="1.0"?><w:hdr xmlns:w="${strict}"><w:p>${run('国务院办公厅')}<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p></w:hdr>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/header" Target="header1.xml"/></Relationships>`;
    const bytes = await buildDocx(para('正文'), { 'word/header1.xml': header, 'word/_rels/document.xml.rels': rels });
    expect(await lines(bytes)).toEqual(['【页眉】国务院办公厅', '正文']);
  });

  test('a long paragraph is cut at sentence ends into passages of one paragraph', async () => {
    const sentence = '各地区各部门要认真贯彻落实党中央、国务院决策部署，切实做好预算编制工作。';
    const doc = await parseDocx(await buildDocx(para('标题') + para(sentence.repeat(100))), 'long.docx');
    const body = doc.passages.filter((p) => p.paragraph === 1);
    expect(body.length).toBeGreaterThan(2);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    for (const p of body) {
      expect(p.end - p.start).toBeLessThanOrEqual(1200);
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(body.map((p) => p.text).join('')).toBe(sentence.repeat(100));
  });

  test('malformed XML: in a header it is corrupt_file; in the body mammoth fails with parse_failed', async () => {
    const badHeader = await buildDocx(para('正文'), { 'word/header1.xml': '<w:hdr><w:p>' });
    await expect(parseDocx(badHeader, 'h.docx')).rejects.toMatchObject({
      code: 'corrupt_file',
      params: { file: 'h.docx' },
    });
    const badBody = await buildDocx('<w:p><w:r><w:t>未闭合</w:r></w:p>');
    await expect(parseDocx(badBody, 'b.docx')).rejects.toMatchObject({
      code: 'parse_failed',
      params: { file: 'b.docx' },
    });
  });
});
