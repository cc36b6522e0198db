import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../support/temp';
import { screenshot, startHarness, stopHarness } from './support/harness';
import type { Harness } from './support/harness';

const GONGWEN = path.join(FIXTURES, 'gongwen');
const NOTICE = 'indexid-15485341816__tongzhi_guobanfamingdian-2024-12.txt';
const NOTICE_TITLE = '国务院办公厅关于2025年部分节假日安排的通知';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => stopHarness(h));

describe('Library in a real browser', () => {
  test('starts in Chinese with an empty Library', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: '资料库', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('button', { name: '导入文件', exact: true }).waitFor();
  });

  test('imports files through the file picker and lists them', async () => {
    const { page } = h;
    const files = [
      NOTICE,
      'indexid-30450065090__tongzhi_guobanfa-2022-35.txt',
      'chinese-political-corpora__npc_resolution_3.txt',
    ];
    await page.getByLabel('导入文件', { exact: true }).setInputFiles(files.map((f) => path.join(GONGWEN, f)));
    // One outcome line per file, then the list shows them.
    await page.getByRole('link', { name: NOTICE_TITLE }).first().waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: NOTICE_TITLE }).waitFor();
    await table.getByRole('link', { name: '第十四届全国人民代表大会第一次会议关于政府工作报告的决议' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + files.length);
    // The store really holds them, with the metadata read from the text.
    const stored = h.app.documents.list();
    expect(stored.map((d) => d.title).sort()).toEqual(
      [
        '国务院办公厅关于2025年部分节假日安排的通知',
        '国务院办公厅关于复制推广营商环境创新试点改革举措的通知',
        '第十四届全国人民代表大会第一次会议关于政府工作报告的决议',
      ].sort(),
    );
    expect(stored.find((d) => d.title === NOTICE_TITLE)!.meta).toMatchObject({
      docNumber: '国办发明电〔2024〕12号',
      docType: '通知',
    });
    await page.getByRole('button', { name: '关闭导入结果' }).click();
    await screenshot(page, 'library-zh-CN');
  });

  test('a file of the wrong type is rejected with a translated reason and nothing else changes', async () => {
    const { page } = h;
    const before = h.app.documents.list().length;
    await page.getByLabel('导入文件', { exact: true }).setInputFiles({
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await page.getByText('scan.png：不支持导入此类文件（PNG image）').waitFor();
    expect(h.app.documents.list()).toHaveLength(before);
  });

  test('opens a document and shows its passages', async () => {
    const { page } = h;
    await page.getByRole('table').getByRole('link', { name: NOTICE_TITLE }).click();
    await page.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    const text = fs.readFileSync(path.join(GONGWEN, NOTICE), 'utf8');
    const firstBodyLine = text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith('经党中央、国务院批准'))!;
    await page.getByText(firstBodyLine.slice(0, 30)).waitFor();
    expect(await page.locator('[data-passage-id]').count()).toBe(
      h.app.documents.get(h.app.documents.list().find((d) => d.title === NOTICE_TITLE)!.id).passages.length,
    );
    await screenshot(page, 'document');
  });

  test('a passage link opens the document scrolled to that passage, highlighted', async () => {
    const { page } = h;
    const doc = h.app.documents.list().find((d) => d.title === NOTICE_TITLE)!;
    const target = h.app.documents.get(doc.id).passages.at(-3)!;
    await page.goto(`${h.server.url}/#/library/${doc.id}?passage=${encodeURIComponent(target.id)}`);
    const passage = page.locator(`[data-passage-id="${target.id}"]`);
    await passage.waitFor();
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-passage-id') === id, target.id);
    expect(await passage.isVisible()).toBe(true);
    const box = (await passage.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  });

  test('switches to English at run time and remembers it', async () => {
    const { page } = h;
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en-US');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    expect(h.app.settings.get().locale).toBe('en-US');
    await page.getByLabel('Largest file to import (MB)').waitFor();
    await screenshot(page, 'settings-en-US');
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
    await page.getByRole('table').getByRole('link', { name: NOTICE_TITLE }).waitFor();
    await screenshot(page, 'library-en-US');
    // A new page load starts in English: the choice lives in the store.
    await page.reload();
    await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
  });

  test('loads nothing from outside the harness and logs no errors', () => {
    expect(h.foreignRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
