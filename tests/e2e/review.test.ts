import fs from 'node:fs';
import path from 'node:path';
import { textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// The review gate in Chromium over the web harness and the scripted endpoint: generate → edit →
// export refused by main → review with one warning acknowledged → approve → export → the audit
// log shows the whole chain and verifies.

jest.setTimeout(60_000);
// Decision wording in the answer (经研究，同意…) becomes a review warning the reviewer must acknowledge.
const ANSWER =
  '关于召开2026年度工作会议的通知\n各科室：\n　　经研究，同意于12月5日召开年度工作会议。请按时参加。\n办公室\n2026年11月28日';

let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint({ policy: { organization: '某某市人民政府办公室' }, timeoutMs: 8000 });
  ({ h, endpoint } = running);
  h.app.settings.update({ reviewerName: '张明' });
});
afterAll(() => stopWithEndpoint(running));

describe('review gate in a real browser', () => {
  let draftUrl = '';

  test('generate a draft with the endpoint: it streams, then opens for review', async () => {
    const { page } = h;
    await page.goto(`${h.server.url}/#/draft`);
    await page.getByRole('radio', { name: /自由起草/ }).check();
    await page.getByLabel('起草要求').fill('起草一份召开年度工作会议的通知，12月5日召开');
    endpoint.script({ ...textStream(ANSWER, { per: 3 }), chunkDelayMs: 15 });
    await page.getByRole('button', { name: '生成草稿' }).click();
    await page.waitForURL(/#\/review\/[0-9a-f-]{36}$/);
    draftUrl = page.url();
    await page.getByLabel('草稿正文（可直接修改）').waitFor();
    expect(await page.getByLabel('草稿正文（可直接修改）').inputValue()).toBe(ANSWER);
  });

  test('an edit is autosaved as a new version and shown against the AI version', async () => {
    const { page } = h;
    const text = page.getByLabel('草稿正文（可直接修改）');
    await text.fill(ANSWER.replace('请按时参加。', '请各科室负责人按时参加。'));
    await page.getByText('已保存（第 2 版）').waitFor();
    await page.getByText('新增 6 字，删除 0 字。').waitFor();
    await screenshot(page, 'review-draft');
  });

  test('main refuses to export the unapproved content, whatever the page asks', async () => {
    const { page } = h;
    const id = draftUrl.split('/').at(-1)!;
    const refused = await page.evaluate(
      (draftId) => window.wenshu.call('drafts:export', { id: draftId, format: 'docx' }),
      id,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_approved' } });
    expect(await page.getByRole('button', { name: '导出 Word' }).isDisabled()).toBe(true);
  });

  test('review: acknowledge the warning, confirm, approve; then export works and carries the labels', async () => {
    const { page } = h;
    const approve = page.getByRole('button', { name: '批准', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    await page
      .getByRole('checkbox', { name: /已核对/ })
      .first()
      .check();
    await page.getByRole('checkbox', { name: '我已核对内容并对其负责' }).check();
    await screenshot(page, 'review-panel');
    await approve.click();
    await page.getByText(/当前内容已由 张明/).waitFor();

    await page.getByRole('button', { name: '导出 Word' }).click();
    await page.getByText(/已导出到/).waitFor();
    await screenshot(page, 'review-approved');
    const exports = path.join(h.dataDir, 'exports');
    const [file] = fs.readdirSync(exports).filter((f) => f.endsWith('.docx'));
    expect(fs.statSync(path.join(exports, file!)).size).toBeGreaterThan(1000);
  });

  test('the audit log shows the chain from the model call to the export, and verifies', async () => {
    const { page } = h;
    const kinds = h.app.audit
      .list({ limit: 50, offset: 0 })
      .entries.map((e) => e.kind)
      .reverse();
    expect(kinds).toEqual(
      expect.arrayContaining(['draft_created', 'model_call', 'draft_edited', 'draft_approved', 'content_exported']),
    );
    expect(kinds.lastIndexOf('content_exported')).toBeGreaterThan(kinds.indexOf('draft_approved'));
    // The refused export is on record too.
    const exports = h.app.audit
      .list({ kind: 'content_exported', limit: 10, offset: 0 })
      .entries.map((e) => e.data.outcome);
    expect(exports.sort()).toEqual(['not_approved', 'ok']);

    await page.goto(`${h.server.url}/#/review`);
    await page.getByRole('button', { name: /全部/ }).first().click();
    await page.getByRole('link', { name: /起草一份召开年度工作会议的通知/ }).waitFor();
    await screenshot(page, 'review-queue');
    await page.goto(`${h.server.url}/#/review/metrics`);
    await page.getByText('各工具合计').waitFor();
    await screenshot(page, 'review-metrics');

    await page.goto(`${h.server.url}/#/audit`);
    await page.getByRole('table').getByText('审核通过').first().waitFor();
    await page.getByRole('button', { name: /校验/ }).click();
    await page.getByText(/✓/).first().waitFor();
    await screenshot(page, 'review-audit');
    expect(h.foreignRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
