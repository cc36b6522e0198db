import { textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// Settings → model endpoint, the prompt runner and the Audit screen in Chromium, over the web
// harness and a scripted OpenAI-compatible endpoint on 127.0.0.1 approved by a machine policy.

const ID = '11010519491231002X';
const ANSWER = `已核对：来访人〔身份证1〕的材料齐全，可按规定程序办理。`;
const REASONING = '先确认材料清单，再核对身份信息。';

jest.setTimeout(30_000);
let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint({
    apiKey: 'sk-e2e',
    models: [
      { name: 'qwen3-32b', contextWindow: 32768, maxTokens: 2048 },
      { name: 'deepseek-r1', contextWindow: 65536 },
    ],
    policy: { organization: '某某市人民政府办公室', settings: { maxImportMb: 100 }, tools: { forms: false } },
    timeoutMs: 4000,
  });
  ({ h, endpoint } = running);
});
afterAll(() => stopWithEndpoint(running));

describe('the approved endpoint in a real browser', () => {
  test('Settings shows the policy endpoint, managed settings and a passing connection check', async () => {
    const { page } = h;
    await page.goto(`${h.server.url}/#/settings`);
    const status = page.getByRole('region', { name: '状态' });
    await status.getByText('市政务云大模型').waitFor();
    await page.getByText('由单位统一管理').first().waitFor();
    expect(await page.getByLabel('单个文件大小上限（MB）').isDisabled()).toBe(true);
    // The policy turned forms off: it is not in the menu.
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '填表' }).count()).toBe(0);

    await page
      .getByRole('heading', { name: '模型服务', exact: true })
      .first()
      .evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'settings-endpoint');

    await page.getByRole('button', { name: '检查连接' }).click();
    await page.getByText('全部检查通过').waitFor();
    await screenshot(page, 'settings-check');
    const report = await h.app.doctor();
    expect(report.items.filter((i) => i.id !== 'policy' && i.id !== 'tls').every((i) => i.ok)).toBe(true);
  });

  test('the preview shows placeholders; the answer streams back with the identifier restored', async () => {
    const { page } = h;
    await page.getByLabel('提示词').fill(`请核对来访人身份证号 ${ID} 的材料是否齐全。`);
    await page.getByRole('button', { name: '预览发送内容' }).click();
    await page.getByText('〔身份证1〕').first().waitFor();
    await screenshot(page, 'endpoint-preview');
    const preview = page.getByRole('region', { name: '发送内容预览' });
    expect(await preview.textContent()).toContain('〔身份证1〕');
    expect(await preview.textContent()).not.toContain(ID);

    endpoint.script({ ...textStream(ANSWER, { reasoning: REASONING, per: 2 }), chunkDelayMs: 40 });
    await page.getByRole('button', { name: '发送', exact: true }).click();
    // Streaming: the first words are on screen while the rest is still coming.
    await page.getByText('已核对').first().waitFor();
    expect(await page.getByText('已完成').count()).toBe(0);
    await page.getByText('已完成').waitFor();
    const answer = page.getByRole('region', { name: '回答' });
    await answer.getByText(`来访人${ID}的材料齐全`).waitFor();
    expect(await answer.getByText(REASONING).isVisible()).toBe(false);
    await page.getByText(/推理过程（/).click();
    await answer.getByText(REASONING).waitFor();
    await screenshot(page, 'endpoint-answer');

    const sent = endpoint.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)!;
    expect(sent.body).not.toContain(ID);
    expect(sent.body).toContain('〔身份证1〕');
  });

  test('the Audit screen lists the calls and verifies the chain', async () => {
    const { page } = h;
    await page.goto(`${h.server.url}/#/audit`);
    await page.getByRole('table').getByText('模型调用').first().waitFor();
    await page.getByRole('button', { name: /校验/ }).click();
    await page.getByText(/✓/).first().waitFor();
    await screenshot(page, 'audit');
    expect(h.foreignRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
