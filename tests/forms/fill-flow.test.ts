import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { FIXTURES, tempDir } from '../support/temp';
import mammoth from 'mammoth';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer, Script } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { appWithPolicy, bytes, writePolicy } from '../endpoint/support';
import { userMessage, labelledLines } from '../summaries/support';
import { APPLICANT, COMPANY, applicationTemplate } from './support';

// AI fill through the composition root against the scripted endpoint on 127.0.0.1: the model's
// proposals are checked against their evidence before anyone sees them, become a form draft in
// the review gate, and the approved values leave as the filled template.

const scratch = tempDir();
let server: LlmServer;
/** The JSON the endpoint answers (set per test), given the labelled material it was sent. */
let answer: (user: string) => unknown = () => ({ fields: [] });
let refuseSchema = false;
beforeAll(async () => {
  server = await startLlmServer({
    handler: (req): Script | undefined => {
      if (!req.path.endsWith('/chat/completions')) return undefined;
      const body = req.json as { response_format?: unknown };
      if (refuseSchema && body.response_format) {
        return {
          status: 400,
          json: { error: { message: 'response_format is not supported', type: 'invalid_request_error' } },
        };
      }
      return textStream(JSON.stringify(answer(userMessage(req))), { per: 11 });
    },
  });
});
afterAll(() => server.close());

const labelOf = (user: string, text: string) => labelledLines(user).find((l) => l.text.includes(text))!.label;

async function setUp() {
  const app = appWithPolicy(writePolicy(server.url, { contextWindow: 32768, maxTokens: 1024 }));
  const [a, c] = await app.documents.importFiles([
    { name: '个人信息登记.txt', load: () => bytes(APPLICANT) },
    { name: '企业登记信息.txt', load: () => bytes(COMPANY) },
  ]);
  const ids = [a, c].map((o) => (o!.status === 'imported' ? o!.id : ''));
  const opened = await app.forms.open('企业补贴申请表.docx', await applicationTemplate());
  return { app, ids, form: opened };
}

const field = (fill: { proposals: { name: string }[] }, name: string) =>
  fill.proposals.find((p) => p.name === name)! as ReturnType<typeof Object> & {
    value: string;
    problems: string[];
    evidence: { quote: string; passageId: string; documentId: string } | null;
    source: string;
  };

test('each value is checked against its evidence: invented quote, contradicting value, bad ID checksum', async () => {
  const { app, ids, form } = await setUp();
  expect(form.fields.map((f) => f.name)).toEqual([
    '申请人姓名',
    '公民身份号码',
    '联系电话',
    '单位名称',
    '统一社会信用代码',
    '注册资本',
    '申请日期',
    '备注',
  ]);
  expect(form.profile.fields.find((f) => f.name === '公民身份号码')!.validation).toBe('id_number');

  answer = (user) => ({
    fields: [
      { name: '申请人姓名', value: '王晓红', quote: '申请人姓名：王晓红', passage: labelOf(user, '王晓红') },
      // The source itself has this number with a wrong checksum (…002X → …0021): evidence fine, value invalid.
      {
        name: '公民身份号码',
        value: '110105194912310021',
        quote: '法定代表人身份证号：110105194912310021',
        passage: labelOf(user, '法定代表人身份证号'),
      },
      // The value contradicts its own quote.
      { name: '联系电话', value: '13987654321', quote: '联系电话：13812345678', passage: labelOf(user, '联系电话') },
      {
        name: '单位名称',
        value: '北京晨光科技有限公司',
        quote: '单位名称：北京晨光科技有限公司',
        passage: labelOf(user, '晨光'),
      },
      {
        name: '统一社会信用代码',
        value: '91110000600037341L',
        quote: '统一社会信用代码：91110000600037341L',
        passage: labelOf(user, '9111'),
      },
      // An invented quote: not in the passage it cites.
      { name: '注册资本', value: '2000万元', quote: '注册资本：2000万元', passage: labelOf(user, '注册资本') },
      { name: '申请日期', value: '', quote: '', passage: '' },
    ],
  });
  const calls = server.requests.length;
  const { draft, fill } = await app.forms.fill({ id: form.form.id, documentIds: ids });
  expect(server.requests.length).toBe(calls + 1);
  const sent = server.requests.at(-1)!.json as { response_format?: { type: string } };
  expect(sent.response_format?.type).toBe('json_schema');

  expect(field(fill, '申请人姓名')).toMatchObject({ value: '王晓红', problems: [], source: 'model' });
  expect(field(fill, '申请人姓名').evidence).toMatchObject({ documentId: ids[0], quote: '申请人姓名：王晓红' });
  expect(field(fill, '公民身份号码').problems).toContain('invalid');
  expect(field(fill, '联系电话').problems).toContain('value_not_in_quote');
  expect(field(fill, '注册资本')).toMatchObject({ value: '' });
  expect(field(fill, '注册资本').problems).toContain('quote_not_found');
  expect(field(fill, '申请日期')).toMatchObject({ value: '', problems: ['no_evidence'] });

  const version = draft.versions.at(-1)!;
  expect(draft).toMatchObject({ kind: 'form', tool: 'forms', state: 'draft' });
  expect(version.content.fields['申请人姓名']).toBe('王晓红');
  expect(version.content.fields['注册资本']).toBe('');
  const ids2 = version.warnings.map((w) => w.id).sort();
  expect(ids2).toEqual(['empty_field:*', 'unverified_field:公民身份号码', 'unverified_field:联系电话'].sort());
  expect(app.forms.fillOf(draft.id)).toEqual(fill);

  // A person corrects the phone and the ID; their values are validated too.
  const edited = app.review.edit(draft.id, version.version, {
    text: version.content.text,
    fields: {
      ...version.content.fields,
      联系电话: '13812345678',
      公民身份号码: '11010519491231002X',
      注册资本: '1000万元',
    },
  });
  const current = edited.versions.at(-1)!;
  expect(current.warnings.map((w) => w.id)).toEqual(['empty_field:*']);
  const approved = app.review.approve({
    id: draft.id,
    version: current.version,
    contentHash: current.contentHash,
    acknowledged: ['empty_field:*'],
  });
  expect(approved.state).toBe('approved');

  // The approved values leave as the filled template (its own format), labelled.
  let saved: Uint8Array = new Uint8Array();
  await app.egress.export(draft.id, 'docx', async (_name, out) => {
    saved = out;
    return 'memory';
  });
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(saved) });
  expect(text).toContain('申请人姓名：王晓红');
  expect(text).toContain('联系电话：13812345678');
  expect(text).toContain('注册资本：1000万元');
  expect(text).toContain('本文件包含人工智能生成内容');
  expect(text).not.toContain('{{联系电话}}');
  const custom = await (await JSZip.loadAsync(saved)).file('docProps/custom.xml')!.async('string');
  expect(custom).toContain('name="AIGC"');
});

test('an endpoint without structured output: asked again without the schema, the answer parsed tolerantly', async () => {
  const { app, ids, form } = await setUp();
  refuseSchema = true;
  answer = (user) => ({
    fields: [
      {
        name: '单位名称',
        value: '北京晨光科技有限公司',
        quote: '北京晨光科技有限公司',
        passage: labelOf(user, '晨光'),
      },
    ],
  });
  try {
    const calls = server.requests.length;
    const { fill } = await app.forms.fill({ id: form.form.id, documentIds: ids });
    expect(server.requests.length).toBe(calls + 2);
    expect((server.requests.at(-1)!.json as { response_format?: unknown }).response_format).toBeUndefined();
    expect(field(fill, '单位名称')).toMatchObject({ value: '北京晨光科技有限公司', problems: [] });
  } finally {
    refuseSchema = false;
  }
});

test('offline: typed fields and labelled values by pattern, each with its evidence', async () => {
  const app = appWithPolicy(writePolicy(server.url, { endpoints: [] }));
  const [a, c] = await app.documents.importFiles([
    { name: '个人信息登记.txt', load: () => bytes(APPLICANT) },
    { name: '企业登记信息.txt', load: () => bytes(COMPANY) },
  ]);
  const ids = [a, c].map((o) => (o!.status === 'imported' ? o!.id : ''));
  const form = await app.forms.open('企业补贴申请表.docx', await applicationTemplate());
  const calls = server.requests.length;
  const { draft, fill } = await app.forms.fill({ id: form.form.id, documentIds: ids });
  expect(server.requests.length).toBe(calls);
  expect(draft.versions.at(-1)!.engine).toBe('offline');
  expect(field(fill, '公民身份号码')).toMatchObject({ value: '11010519491231002X', problems: [], source: 'pattern' });
  expect(field(fill, '统一社会信用代码')).toMatchObject({ value: '91110000600037341L', problems: [] });
  expect(field(fill, '联系电话')).toMatchObject({ value: '13812345678', problems: [] });
  expect(field(fill, '备注')).toMatchObject({ value: '', problems: ['no_evidence'] });
});

test('a file that is not a form is refused with a translated reason; the policy can turn forms off', async () => {
  const { app } = await setUp();
  expect(await rejection(app.forms.open('说明.txt', bytes('不是表格')))).toMatchObject({ code: 'form_unreadable' });
  const off = appWithPolicy(writePolicy(server.url, { tools: { forms: false } }));
  const form = await off.forms.open('企业补贴申请表.docx', await applicationTemplate());
  expect(await rejection(off.forms.fill({ id: form.form.id, documentIds: [] }))).toMatchObject({ code: 'forbidden' });
});

test('a PDF form draft exports as the filled PDF, labelled; flattened on request', async () => {
  const app = appWithPolicy(writePolicy(server.url, { endpoints: [] }));
  const [doc] = await app.documents.importFiles([{ name: '个人信息登记.txt', load: () => bytes(APPLICANT) }]);
  const file = path.join(FIXTURES, 'forms', 'pdflib__fancy_fields.pdf');
  const form = await app.forms.open('fancy_fields.pdf', new Uint8Array(fs.readFileSync(file)));
  const text = form.profile.fields.find((f) => f.type === 'text' && !f.skip)!;
  // The person names the field in the profile; the name is what a field list shows.
  await app.forms.saveProfile({
    ...form.profile,
    fields: form.profile.fields.map((f) => (f.name === text.name ? { ...f, label: '称谓' } : f)),
  });
  const { draft } = await app.forms.fill({
    id: form.form.id,
    documentIds: [doc!.status === 'imported' ? doc!.id : ''],
  });
  const version = draft.versions.at(-1)!;
  const edited = app.review.edit(draft.id, version.version, {
    text: version.content.text,
    fields: { ...version.content.fields, [text.name]: '王晓红' },
  });
  const current = edited.versions.at(-1)!;
  app.review.approve({
    id: draft.id,
    version: current.version,
    contentHash: current.contentHash,
    acknowledged: current.warnings.map((w) => w.id),
  });
  const exported = async (flatten: boolean) => {
    let out: Uint8Array = new Uint8Array();
    await app.egress.export(
      draft.id,
      'pdf',
      async (_name, b) => {
        out = b;
        return 'memory';
      },
      { flatten },
    );
    return out;
  };
  // A field list (here plain text) names the fields as people call them.
  let listed = '';
  await app.egress.export(draft.id, 'txt', async (_name, b) => {
    listed = new TextDecoder().decode(b);
    return 'memory';
  });
  expect(listed).toContain('称谓：王晓红');
  expect(listed).not.toContain(`${text.name}：`);
  for (const flatten of [false, true]) {
    const out = await exported(flatten);
    const pdf = await PDFDocument.load(out);
    expect(pdf.getForm().getFields().length).toBe(flatten ? 0 : form.fields.length);
    if (!flatten) expect(pdf.getForm().getTextField(text.name).getText()).toBe('王晓红');
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    expect(String(info.get(PDFName.of('AIGC')))).toMatch(/^</);
    const pdfFile = path.join(scratch, `out-${flatten}.pdf`);
    fs.writeFileSync(pdfFile, out);
    const shown = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(shown).toContain('王晓红');
    expect(shown).toContain('本文件包含人工智能生成内容');
  }
});
