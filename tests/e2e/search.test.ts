import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from '../support/temp';
import { screenshot, startHarness, stopHarness } from './support/harness';
import type { Harness } from './support/harness';

/**
 * An officer's morning: a folder of incoming files (公文 texts, Word files, PDFs, one encrypted,
 * one unreadable) goes in through the folder picker with progress; a search for 预算 finds the
 * passages; a hit opens the document at that passage.
 */
let h: Harness;
let inbox: string;
const ENCRYPTED = 'pdfjs__issue6010_1_encrypted_pw-abc.pdf';

beforeAll(async () => {
  inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'wenshu-inbox-'));
  const copy = (from: string, name: string) => fs.copyFileSync(path.join(FIXTURES, from, name), path.join(inbox, name));
  for (const name of fs.readdirSync(path.join(FIXTURES, 'gongwen'))) copy('gongwen', name);
  for (const name of ['mammoth__tables.docx', 'poitl__payment.docx']) copy('docx', name);
  for (const name of ['pdfjs__issue3521.pdf', ENCRYPTED]) copy('pdf', name);
  fs.writeFileSync(
    path.join(inbox, 'photo.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  );
  fs.writeFileSync(path.join(inbox, '.hidden.txt'), '隐藏文件不应导入');
  h = await startHarness();
});
afterAll(async () => {
  await stopHarness(h);
  fs.rmSync(inbox, { recursive: true, force: true });
});

const visibleFiles = () => fs.readdirSync(inbox).filter((f) => !f.startsWith('.'));

describe('folder import and search in a real browser', () => {
  test('imports a folder with per-file progress and one result per file', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: '资料库', exact: true }).waitFor();
    // Record the progress events the page receives, as the UI does.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { progress: unknown[] }).progress = seen;
      window.wenshu.on('import:progress', (p) => seen.push(p));
    });
    await page.getByLabel('导入文件夹').setInputFiles(inbox);
    await page.getByText(/^已导入 \d+ 个，已存在 \d+ 个，未导入 \d+ 个$/).waitFor({ timeout: 60_000 });

    const total = visibleFiles().length;
    const progress = await page.evaluate(
      () => (window as unknown as { progress: { done: number; total: number }[] }).progress,
    );
    expect(progress.length).toBe(total);
    expect(Math.max(...progress.map((p) => p.done))).toBe(Math.max(...progress.map((p) => p.total)));
    await page.getByText(`已导入 ${total - 2} 个，已存在 0 个，未导入 2 个`).waitFor();
    await page.getByText('photo.png：不支持导入此类文件（PNG image）').waitFor();
    expect(h.app.documents.list().map((d) => d.fileName)).not.toContain('.hidden.txt');
    await screenshot(page, 'import-folder');
  });

  test('an encrypted PDF asks for its password and then imports', async () => {
    const { page } = h;
    const field = page.getByLabel(`${ENCRYPTED} 的密码`);
    await field.fill('wrong');
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByText(`${ENCRYPTED}：密码不正确`).waitFor();
    await field.fill('abc');
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByRole('link', { name: 'Issue 6010' }).first().waitFor();
    expect(h.app.documents.list().some((d) => d.fileName === ENCRYPTED)).toBe(true);
  });

  test('searching 预算 lists ranked passages with highlights', async () => {
    const { page } = h;
    await page.getByRole('button', { name: '关闭导入结果' }).click();
    await page.getByLabel('搜索资料库').fill('预算');
    const results = page.getByRole('region', { name: '搜索结果' }).or(page.getByLabel('搜索结果'));
    await results.locator('mark').first().waitFor();
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['预算']));
    // Same hits as the service gives: the UI shows the store's ranking, not its own.
    const expected = h.app.search.search({ query: '预算', limit: 20 });
    expect(expected.length).toBe(10);
    const links = results.getByRole('link');
    expect(await links.count()).toBe(expected.length);
    await screenshot(page, 'search-zh-CN');
  });

  test('a hit opens its document scrolled to the passage, highlighted', async () => {
    const { page } = h;
    const [first] = h.app.search.search({ query: '预算', limit: 1 });
    await page.getByLabel('搜索结果').getByRole('link').first().click();
    const passage = page.locator(`[data-passage-id="${first!.passageId}"]`);
    await passage.waitFor();
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-passage-id') === id,
      first!.passageId,
    );
    expect(await passage.textContent()).toContain('预算');
    const box = (await passage.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await screenshot(page, 'search-hit-passage');
  });

  test('nothing was loaded from outside and no errors were logged', () => {
    expect(h.foreignRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
