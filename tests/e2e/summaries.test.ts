import path from 'node:path';
import { textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { FIXTURES } from '../support/temp';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// A real PDF end to end in Chromium: import → summarize on the scripted endpoint → the check
// shows each sentence's verdict → a citation opens the source at its passage → the sentence with
// a wrong date blocks approval until it is fixed (or, in a second summary, acknowledged).

jest.setTimeout(90_000);
const PDF = path.join(FIXTURES, 'pdf', 'pdfjs__XiaoBiaoSong.pdf');
// The PDF is a table of contents: P2/P3 "关于红军作战的原则 … （一九三七年八月一日）", P4/P5
// "对国防问题的意见 … （一九三七年八月四日）" and so on. The second sentence has the wrong day.
const SUMMARY = [
  '【要点】',
  '1. 《关于红军作战的原则》写于一九三七年八月一日。[P2][P3]',
  '2. 《对国防问题的意见》写于一九三七年八月五日。[P4][P5]',
  '3. 《同各方接洽要有谦逊态度》写于一九三七年八月十日。[P6][P7]',
].join('\n');

let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint();
  ({ h, endpoint } = running);
  h.app.settings.update({ reviewerName: '张明' });
});
afterAll(() => stopWithEndpoint(running));

let docId = '';
let draftId = '';

test('import a real PDF and summarize it: streamed, then checked sentence by sentence', async () => {
  const { page } = h;
  await page.goto(`${h.server.url}/#/library`);
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(PDF);
  await page.getByRole('button', { name: '关闭导入结果' }).click();
  docId = h.app.documents.list()[0]!.id;

  await page.goto(`${h.server.url}/#/summarize`);
  await page.getByRole('group', { name: '要摘要的文档' }).getByRole('checkbox').first().check();
  await page.getByRole('radio', { name: '要点' }).check();
  await screenshot(page, 'summaries-form');
  endpoint.script({ ...textStream(SUMMARY, { per: 3 }), chunkDelayMs: 10 });
  await page.getByRole('button', { name: '生成摘要' }).click();
  await page.getByText('摘要已生成').waitFor();

  // The passages went with their labels.
  const sent = JSON.parse(endpoint.requests.at(-1)!.body).messages as { role: string; content: string }[];
  expect(sent.at(-1)!.content).toMatch(/^\[P4\] 对国防问题的意见/m);

  const check = page.getByRole('region', { name: '出处核查' });
  await check.getByRole('status').filter({ hasText: '3 句：2 句有依据' }).waitFor();
  const wrong = check.getByRole('listitem').filter({ hasText: '对国防问题的意见' });
  await wrong.getByText('日期“一九三七年八月五日”在所引原文中找不到。原文为“一九三七年八月四日”。').waitFor();
  expect(await wrong.getByText(/与原文不符|无依据/).count()).toBeGreaterThan(0);
  await check.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'summaries-check');

  const review = await page.getByRole('link', { name: '在审核页面打开' }).getAttribute('href');
  draftId = review!.replace('#/review/', '');

  // A citation opens the source at its passage, highlighted.
  await wrong
    .getByRole('link', { name: /第1页·第\d+段/ })
    .first()
    .click();
  await page.waitForURL(/#\/library\/.+\?passage=/);
  const passage = page.locator('.passage--highlight');
  await passage.waitFor();
  expect(await passage.textContent()).toContain('对国防问题的意见');
  expect(decodeURIComponent(page.url())).toContain(`passage=${docId}#3`);
  await screenshot(page, 'summaries-source');
});

test('the wrong sentence blocks approval (in main too) until it is fixed', async () => {
  const { page } = h;
  await page.goto(`${h.server.url}/#/review/${draftId}`);
  const approve = page.getByRole('button', { name: '批准', exact: true });
  await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
  expect(await approve.isDisabled()).toBe(true);
  const draft = h.app.review.get(draftId);
  const version = draft.versions.at(-1)!;
  const refused = await page.evaluate((input) => window.wenshu.call('drafts:approve', input), {
    id: draftId,
    version: version.version,
    contentHash: version.contentHash,
    acknowledged: [] as string[],
    confirmed: true as const,
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'warnings_unacknowledged' } });

  // Fix the day in the editor: the check turns the sentence supported before the save, then the
  // saved version carries no warning and approval goes through.
  const editor = page.getByLabel('草稿正文（可直接修改）');
  await editor.fill((await editor.inputValue()).replace('八月五日', '八月四日'));
  const check = page.getByRole('region', { name: '出处核查' });
  await check.getByRole('status').filter({ hasText: '3 句：3 句有依据' }).waitFor();
  await page.getByText('已保存（第 2 版）').waitFor();
  await check.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'summaries-fixed');
  await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
  await approve.click();
  await page.getByText(/当前内容已由 张明/).waitFor();
  expect(h.app.review.get(draftId).state).toBe('approved');
});

test('or until the reviewer acknowledges it; a repeated request costs no model call', async () => {
  const { page } = h;
  const calls = endpoint.requests.length;
  await page.goto(`${h.server.url}/#/summarize`);
  await page.getByRole('group', { name: '要摘要的文档' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: '生成摘要' }).click();
  await page.getByText('已使用缓存结果，未调用模型。').waitFor();
  expect(endpoint.requests.length).toBe(calls);

  const approve = page.getByRole('button', { name: '批准', exact: true });
  await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
  expect(await approve.isDisabled()).toBe(true);
  await page
    .getByRole('checkbox', { name: /已核对/ })
    .first()
    .check();
  await screenshot(page, 'summaries-acknowledge');
  await approve.click();
  await page.getByText(/当前内容已由 张明/).waitFor();
  const [approved] = h.app.review
    .list({ kind: 'summary', state: 'approved', limit: 10, offset: 0 })
    .drafts.filter((d) => d.id !== draftId);
  const detail = h.app.review.get(approved!.id);
  expect(detail.approvals[0]!.acknowledged).toEqual([detail.versions.at(-1)!.warnings[0]!.id]);
});
