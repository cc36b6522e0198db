import { longChinese, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { screenshot, startWithEndpoint, stopWithEndpoint } from './support/harness';
import type { EndpointHarness, Harness } from './support/harness';

// 5,000 pieces (about 5,000 tokens) streamed at 200 per second into the drafting screen in
// Chromium: the main thread never runs a task longer than 50 ms (Long Tasks API).

jest.setTimeout(120_000);
const PIECES = 5000;
let h: Harness;
let endpoint: LlmServer;
let running: EndpointHarness | undefined;
beforeAll(async () => {
  running = await startWithEndpoint({
    policy: { timeouts: { connectMs: 5000, firstTokenMs: 60_000, idleMs: 60_000 } },
    timeoutMs: 60_000,
  });
  ({ h, endpoint } = running);
});
afterAll(() => stopWithEndpoint(running));

test('streaming 5,000 tokens at 200 tokens/s: no main-thread task over 50 ms', async () => {
  const { page } = h;
  await page.goto(`${h.server.url}/#/draft`);
  await page.getByRole('radio', { name: /自由起草/ }).check();
  await page.getByLabel('起草要求').fill('起草一份关于年度工作的长篇报告');
  // Two characters per piece (≈ 1 token each in Qwen/DeepSeek), one piece every 4 ms (timers make it
  // about 200 a second); the stream
  // then stalls before its finish chunk, so the measurement ends while still streaming.
  const answer = `${longChinese(PIECES * 2 - 4)}【完】`;
  const script = textStream(answer, { per: 2 });
  endpoint.script({ ...script, chunkDelayMs: 4, fault: { after: 1 + PIECES, kind: 'stall' } });

  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.getByRole('button', { name: '生成草稿' }).click();
  await page.getByText(/【完】/).waitFor();
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  await screenshot(page, 'drafting-stream');
  console.log(JSON.stringify({ pieces: PIECES, seconds, piecesPerSecond: Math.round(PIECES / seconds), longTasks }));

  expect(longTasks).toEqual([]);
  await page.getByRole('button', { name: '停止' }).click();
});
