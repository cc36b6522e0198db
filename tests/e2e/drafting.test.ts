import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// A 请示 end to end in Chromium: fields → streamed draft → revise a selection → apply a lint fix →
// review → export in the GB/T 9704 layout.

jest.setTimeout(90_000);
// The model's draft carries one format error (a full stop after the title: lint F5).
const DRAFT = [
  '江川市教育局关于申请拨付农村学校校舍维修专项资金的请示。',
  '江川市人民政府：',
  '　　2026年汛期前，我局组织对全市农村中小学校舍开展了安全排查，发现存在屋面渗漏、墙体开裂等安全隐患的校舍27栋，涉及学校15所。上述隐患如不及时维修，将直接影响汛期师生安全和正常教学秩序，情况十分紧急，必须尽快处理。',
  '　　经测算，维修共需资金486万元，尚有366万元资金缺口。恳请市政府从市级财政预备费中安排专项资金366万元。',
  '　　妥否，请批示。',
  '江川市教育局',
  '2026年11月28日',
].join('\n');
const LONG = '情况十分紧急，必须尽快处理。';
const SHORT = '情况紧急。';

let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint();
  ({ h, endpoint } = running);
  h.app.settings.update({ reviewerName: '张明' });
});
afterAll(() => stopWithEndpoint(running));

test('a 请示: fields → stream → revise a selection → lint fix → review → export', async () => {
  const { page } = h;
  await page.goto(`${h.server.url}/#/draft`);
  await page.getByRole('radio', { name: /请示/ }).check();
  await page.getByLabel(/^发文机关/).fill('江川市教育局');
  await page.getByLabel(/^事由/).fill('申请拨付农村学校校舍维修专项资金');
  await page.getByLabel(/^主送机关/).fill('江川市人民政府');
  await page.getByLabel(/^正文要点/).fill('校舍安全隐患27栋\n资金缺口366万元');
  await page.getByLabel(/^签发人/).fill('王建国');
  await page.getByLabel(/^联系人及电话/).fill('李敏，0750-1234567');
  await screenshot(page, 'drafting-form');

  endpoint.script({ ...textStream(DRAFT, { per: 4 }), chunkDelayMs: 10 });
  await page.getByRole('button', { name: '生成请示' }).click();
  await page.waitForURL(/#\/review\/[0-9a-f-]{36}$/);
  const editor = page.getByLabel('草稿正文（可直接修改）');
  await editor.waitFor();
  expect(await editor.inputValue()).toBe(DRAFT);
  const sent = JSON.parse(endpoint.requests.at(-1)!.body).messages as { role: string; content: string }[];
  expect(sent[0]!.content).toContain('“请示”');

  // Revise a selection: only the selected sentence is sent and replaced.
  await editor.evaluate((el, long) => {
    const area = el as HTMLTextAreaElement;
    const start = area.value.indexOf(long);
    area.focus();
    area.setSelectionRange(start, start + long.length);
    area.dispatchEvent(new Event('select'));
  }, LONG);
  await page.getByLabel('修改要求').fill('更简洁');
  endpoint.script(textStream(SHORT));
  await page.getByRole('button', { name: `修改所选 ${LONG.length} 字` }).click();
  await page.getByText('已生成第 2 版。').waitFor();
  const revised = JSON.parse(endpoint.requests.at(-1)!.body).messages as { content: string }[];
  expect(revised.at(-1)!.content).toContain(LONG);
  expect(revised.at(-1)!.content).not.toContain('妥否');
  expect(await editor.inputValue()).toBe(DRAFT.replace(LONG, SHORT));
  await screenshot(page, 'drafting-revise');

  // The lint panel shows F5 (full stop after the title); its fix removes it and autosaves.
  const lintPanel = page.getByRole('region', { name: '格式检查' });
  await lintPanel.getByText(/F5/).waitFor();
  await screenshot(page, 'drafting-lint');
  await lintPanel.getByRole('button', { name: '修正' }).first().click();
  await page.getByText('已保存（第 3 版）').waitFor();
  expect((await editor.inputValue()).split('\n')[0]).toBe('江川市教育局关于申请拨付农村学校校舍维修专项资金的请示');
  await lintPanel.getByText('未发现格式问题。').waitFor();

  // Review and export.
  for (const box of await page.getByRole('checkbox', { name: /已核对/ }).all()) await box.check();
  await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
  await page.getByRole('button', { name: '批准', exact: true }).click();
  await page.getByText(/当前内容已由 张明/).waitFor();
  await page.getByRole('button', { name: '导出 Word' }).click();
  await page.getByText(/已导出到/).waitFor();
  await screenshot(page, 'drafting-approved');

  const exports = path.join(h.dataDir, 'exports');
  const file = fs.readdirSync(exports).find((f) => f.endsWith('.docx'))!;
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(exports, file)));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('签发人');
  expect(xml).toContain('王建国');
  expect(xml).toContain(SHORT);
  expect(xml).toContain('w:w="11906"');
  expect(h.consoleErrors).toEqual([]);
  expect(h.foreignRequests).toEqual([]);
});
