import { load } from 'js-yaml';
import { aigcMetadata, renderExport } from '../../electron/export/render';
import type { ExportInput } from '../../electron/export/render';
import { exportFileName } from '../../electron/export/file-name';
import { ANNEX_E_KEYS as KEYS, LABEL, exportInput } from './support';
import type { ExportFixture } from './support';

const TEXT =
  '各有关单位：\n　　为做好2026年度部门预算编制工作，现将有关事项通知如下。\n\n　　一、总体要求\n# 不是标题 *也不是强调*';

const DRAFT: ExportFixture = {
  draftId: 'd-01HZX',
  version: 12,
  kind: 'summary',
  title: '关于做好2026年度部门预算编制工作的通知',
  content: { text: TEXT, fields: {} },
  contentProducer: 'Wenshu',
};
const input = (over?: Partial<ExportInput>, aigc?: Partial<ExportInput['aigc']>) => exportInput(DRAFT, over, aigc);

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

function frontMatter(md: string): { yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter at the head');
  return { yaml: m[1]!, body: md.slice(m[0].length).replace(/^\n+/, '') };
}

describe('aigcMetadata', () => {
  it('has exactly the 7 Annex E keys in order, ProduceID = draft id and version', () => {
    const meta = aigcMetadata(input());
    expect(Object.keys(meta)).toEqual(KEYS);
    expect(Object.keys(JSON.parse(JSON.stringify(meta)) as object)).toEqual(KEYS);
    expect(meta).toEqual({
      Label: '1',
      ContentProducer: 'Wenshu',
      ProduceID: 'd-01HZX#v12',
      ReservedCode1: '',
      ContentPropagator: '',
      PropagateID: '',
      ReservedCode2: '',
    });
  });
});

describe('markdown export', () => {
  it('starts with YAML front matter holding the AIGC block, 7 keys in order', async () => {
    const file = await renderExport('md', input({}, { contentProducer: '某市 "数据局": #1' }));
    expect(file).toMatchObject({ extension: 'md', mime: 'text/markdown; charset=utf-8' });
    const md = decode(file.bytes);
    expect(md.startsWith('---\n')).toBe(true);
    const { yaml } = frontMatter(md);
    const parsed = load(yaml) as { title: string; AIGC: Record<string, unknown> };
    expect(parsed.title).toBe(input().title);
    expect(Object.keys(parsed.AIGC)).toEqual(KEYS);
    expect(parsed.AIGC).toEqual({ ...aigcMetadata(input()), ContentProducer: '某市 "数据局": #1' });
    // Every value a quoted string, so YAML never reads "1" as a number or "" as null.
    for (const key of KEYS) expect(yaml).toMatch(new RegExp(`^  ${key}: "`, 'm'));
  });

  it('shows the visible label as a blockquote before the title, then the text line by line', async () => {
    const { body } = frontMatter(decode((await renderExport('md', input())).bytes));
    const blocks = body.trimEnd().split(/\n\n+/);
    expect(blocks[0]).toBe(`> ${LABEL}`);
    expect(blocks[1]).toBe(`# ${input().title}`);
    expect(blocks.slice(2)).toEqual([
      '各有关单位：',
      '　　为做好2026年度部门预算编制工作，现将有关事项通知如下。',
      '　　一、总体要求',
      '\\# 不是标题 \\*也不是强调\\*',
    ]);
  });

  it('without the visible label: no blockquote, the AIGC block still there', async () => {
    const md = decode((await renderExport('md', input({}, { visibleLabel: false }))).bytes);
    const { yaml, body } = frontMatter(md);
    expect(body).not.toContain('>');
    expect(body.startsWith(`# ${input().title}`)).toBe(true);
    expect(Object.keys((load(yaml) as { AIGC: object }).AIGC)).toEqual(KEYS);
  });

  it('writes fields as a table', async () => {
    const fields = { '姓名|称谓': '张三', 事由: '出差\n北京' };
    const md = decode((await renderExport('md', input({ content: { text: '', fields } }))).bytes);
    expect(md).toContain('| 项目 | 内容 |\n| --- | --- |\n| 姓名\\|称谓 | 张三 |\n| 事由 | 出差<br>北京 |');
  });
});

describe('plain-text export', () => {
  it('puts the label on the first line, a blank line, then title and text (CRLF, UTF-8 with BOM)', async () => {
    const file = await renderExport('txt', input());
    expect(file).toMatchObject({ extension: 'txt', mime: 'text/plain; charset=utf-8' });
    expect(Array.from(file.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = decode(file.bytes).slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([LABEL, '', input().title, '']);
    expect(lines).toContain('　　为做好2026年度部门预算编制工作，现将有关事项通知如下。');
    expect(decode(file.bytes)).not.toMatch(/[^\r]\n/);
  });

  it('starts with the title when the label is off', async () => {
    const text = decode((await renderExport('txt', input({}, { visibleLabel: false }))).bytes).slice(1);
    expect(text.startsWith(`${input().title}\r\n`)).toBe(true);
    expect(text).not.toContain('人工智能');
  });

  it('falls back to the default wording when the policy text is blank', async () => {
    const text = decode((await renderExport('txt', input({}, { labelText: '  ' }))).bytes).slice(1);
    expect(text.startsWith(`${LABEL}\r\n`)).toBe(true);
  });
});

describe('export file names', () => {
  it('are the title, without characters Windows or Linux refuse, at most 80 characters', () => {
    // Full-width punctuation (：？“”) is fine in a file name; only the ASCII characters are refused.
    expect(exportFileName('关于“预算”的通知：2026/01 <草稿>?？', 'docx')).toBe(
      '关于“预算”的通知：2026 01 草稿 ？.docx',
    );
    expect(exportFileName('a\\b*c|d"e\u0000f\ng\th', 'pdf')).toBe('a b c d e f g h.pdf');
    expect(exportFileName('  ..隐藏文件名. . ', 'md')).toBe('隐藏文件名.md');
    expect(exportFileName('CON', 'txt')).toBe('_CON.txt');
    expect(exportFileName('com1.备份', 'txt')).toBe('_com1.备份.txt');
    expect(exportFileName('???', 'txt')).toBe('文书.txt');
    const long = exportFileName('长'.repeat(200), 'docx');
    expect(Array.from(long.replace(/\.docx$/, ''))).toHaveLength(80);
  });

  it('stay within 255 UTF-8 bytes even for characters outside the BMP', () => {
    const name = exportFileName('𠀀'.repeat(100), 'docx');
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
    expect(name.endsWith('.docx')).toBe(true);
    expect(name).not.toMatch(/\ufffd/);
  });

  it('come with every format', async () => {
    for (const format of ['docx', 'pdf', 'md', 'txt'] as const) {
      const file = await renderExport(format, input({ title: '请示/报告: 第1号' }));
      expect(file.fileName).toBe(`请示 报告 第1号.${format}`);
      expect(file.extension).toBe(format);
      expect(file.bytes.length).toBeGreaterThan(0);
    }
  });
});
