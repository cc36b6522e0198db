import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { FIXTURES } from '../support/temp';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// A real DOCX template (poi-tl's résumé) filled in Chromium from two source documents: the
// endpoint proposes each value with a quote, main checks them, a person corrects the one whose
// value contradicts its quote, acknowledges the empty fields, approves, and exports the filled .docx.

jest.setTimeout(90_000);
const TEMPLATE = path.join(FIXTURES, 'docx', 'poitl__resume.docx');
const PERSON = [
  '个人信息登记表',
  '姓名：王晓红',
  '性别：女',
  '出生日期：1990年5月12日',
  '联系电话：13812345678',
  '电子邮箱：wangxh@example.com',
  '通讯地址：北京市海淀区中关村大街1号',
].join('\n');
const DEGREE = '学历证明\n兹证明王晓红同志于2012年7月毕业于北京大学计算机科学与技术专业，获工学学士学位。';

let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint();
  ({ h, endpoint } = running);
  h.app.settings.update({ reviewerName: '张明' });
});
afterAll(() => stopWithEndpoint(running));

test('fill a résumé template from two documents, correct one field, review, export', async () => {
  const { page } = h;
  const outcomes = await h.app.documents.importFiles([
    { name: '个人信息登记表.txt', load: () => new TextEncoder().encode(PERSON) },
    { name: '学历证明.txt', load: () => new TextEncoder().encode(DEGREE) },
  ]);
  const ids = outcomes.map((o) => (o.status === 'imported' ? o.id : ''));
  const labels = new Map(h.app.summaries.passagesOf(ids).map((p) => [p.text, p.label]));
  const label = (text: string) => [...labels].find(([t]) => t.includes(text))![1];

  await page.goto(`${h.server.url}/#/forms`);
  await page.getByLabel('打开表格').setInputFiles(TEMPLATE);
  await page.getByRole('button', { name: '保存字段设置' }).waitFor();
  await screenshot(page, 'forms-profile');

  const picker = page.getByRole('group', { name: '依据文档' });
  await picker.getByRole('checkbox', { name: /个人信息登记表/ }).check();
  await picker.getByRole('checkbox', { name: /学历证明/ }).check();
  const proposals = {
    fields: [
      { name: 'name', value: '王晓红', quote: '姓名：王晓红', passage: label('姓名') },
      { name: 'sex', value: '女', quote: '性别：女', passage: label('性别') },
      { name: 'birthday', value: '1990年5月12日', quote: '出生日期：1990年5月12日', passage: label('出生日期') },
      // Contradicts its own quote: the person corrects it.
      { name: 'phone', value: '13812345679', quote: '联系电话：13812345678', passage: label('联系电话') },
      { name: 'email', value: 'wangxh@example.com', quote: '电子邮箱：wangxh@example.com', passage: label('电子邮箱') },
      {
        name: 'address',
        value: '北京市海淀区中关村大街1号',
        quote: '通讯地址：北京市海淀区中关村大街1号',
        passage: label('通讯地址'),
      },
      {
        name: 'University',
        value: '北京大学',
        quote: '毕业于北京大学计算机科学与技术专业',
        passage: label('北京大学'),
      },
      {
        name: 'profession',
        value: '计算机科学与技术',
        quote: '北京大学计算机科学与技术专业',
        passage: label('北京大学'),
      },
      // An invented quote: left empty.
      { name: 'english', value: 'CET-6', quote: '通过大学英语六级考试', passage: label('北京大学') },
    ],
  };
  endpoint.script({ ...textStream(JSON.stringify(proposals), { per: 40 }), chunkDelayMs: 5 });
  await page.getByRole('button', { name: '填写', exact: true }).click();
  await page.getByText('表格已填写').waitFor();
  const sent = JSON.parse(endpoint.requests.at(-1)!.body) as { response_format?: { type: string } };
  expect(sent.response_format?.type).toBe('json_schema');

  const check = page.getByRole('region', { name: '逐项核对' });
  const phoneRow = check.getByRole('row').filter({ has: page.locator('input[value="13812345679"]') });
  await phoneRow
    .getByText(/与引文不一致|不一致/)
    .first()
    .waitFor();
  await check.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'forms-check');

  // The person corrects the phone: checked live, autosaved as version 2.
  const phoneId = await phoneRow.getByRole('textbox').getAttribute('id');
  const phone = page.locator(`[id="${phoneId}"]`);
  await phone.fill('13812345678');
  await phone.blur();
  await page.getByText('已保存（第 2 版）').waitFor();

  // The empty fields are acknowledged, the reviewer confirms and approves.
  const approve = page.getByRole('button', { name: '批准', exact: true });
  await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
  for (const box of await page.getByRole('checkbox', { name: /已核对/ }).all()) await box.check();
  await approve.click();
  await page.getByText(/当前内容已由 张明/).waitFor();

  await page.getByRole('button', { name: '导出填好的 Word' }).click();
  await page.getByText(/已导出到/).waitFor();
  await screenshot(page, 'forms-approved');
  const exports = path.join(h.dataDir, 'exports');
  const [file] = fs.readdirSync(exports).filter((f) => f.endsWith('.docx'));
  const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync(path.join(exports, file!)) });
  for (const v of ['王晓红', '13812345678', '北京大学', '计算机科学与技术', '北京市海淀区中关村大街1号']) {
    expect(text).toContain(v);
  }
  expect(text).not.toContain('13812345679');
  expect(text).not.toContain('CET-6');
  expect(text).not.toContain('{{phone}}');
});
