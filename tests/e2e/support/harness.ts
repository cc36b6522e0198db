import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../../electron/app/create-app';
import type { AppOptions, WenshuApp } from '../../../electron/app/create-app';
import { createDispatch } from '../../../electron/ipc/dispatch';
import { startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import os from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { startLlmServer } from '../../support/llm-server';
import type { LlmServer } from '../../support/llm-server';
import { ROOT } from '../../support/temp';

/** out/screenshots on every run; `npm run screenshots` writes the ones docs/ and the README show. */
export const SCREENSHOTS = process.env.WENSHU_SCREENSHOTS ?? path.join(ROOT, 'out', 'screenshots');

export interface Harness {
  app: WenshuApp;
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Requests the page made to anything but the harness itself. */
  foreignRequests: string[];
  consoleErrors: string[];
  dataDir: string;
}

/**
 * The real renderer bundle (out/renderer, built by `npm test`) served by the real web harness
 * over a real store in a temp folder, driven by Debian's Chromium.
 */
export async function startHarness(options: Partial<AppOptions> = {}): Promise<Harness> {
  const rendererDir = path.join(ROOT, 'out', 'renderer');
  const bridgeFile = path.join(ROOT, 'out', 'web', 'bridge.js');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')) || !fs.existsSync(bridgeFile)) {
    throw new Error('out/renderer is missing: run `npm run build` (npm test does) before the e2e tests');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenshu-e2e-'));
  const app = createApp({
    dbPath: path.join(dataDir, 'wenshu.db'),
    shell: 'web',
    ingest: { workerFile: path.join(ROOT, 'out', 'node', 'ingest-worker.cjs') },
    log: () => {},
    // Never the machine's own policy or key: a test names its own.
    policyPath: path.join(dataDir, 'no-policy.json'),
    env: {},
    ...options,
  });
  const server = await startWebServer({
    dispatch: createDispatch(app.handlers, { validateOutput: true }),
    rendererDir,
    bridgeFile,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) foreignRequests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(server.loginUrl);
  return { app, server, browser, page, foreignRequests, consoleErrors, dataDir };
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.browser.close();
  await h.server.close();
  await h.app.close();
  fs.rmSync(h.dataDir, { recursive: true, force: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface EndpointHarness {
  h: Harness;
  endpoint: LlmServer;
}

/**
 * The harness under a machine policy that approves one scripted endpoint (市政务云大模型 on
 * 127.0.0.1): `models` with their context windows, `policy` adds or overrides top-level fields.
 */
export async function startWithEndpoint(
  options: {
    models?: { name: string; contextWindow: number; maxTokens?: number }[];
    policy?: Record<string, unknown>;
    apiKey?: string;
    timeoutMs?: number;
  } = {},
): Promise<EndpointHarness> {
  const models = options.models ?? [{ name: 'qwen3-32b', contextWindow: 32768 }];
  const endpoint = await startLlmServer({ apiKey: options.apiKey, models: models.map((m) => m.name) });
  const policyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wenshu-e2e-policy-')), 'policy.json');
  fs.writeFileSync(
    policyFile,
    JSON.stringify({
      version: 1,
      endpoints: [{ id: 'region', name: '市政务云大模型', baseUrl: endpoint.url, models }],
      ...options.policy,
    }),
  );
  const h = await startHarness({
    policyPath: policyFile,
    env: options.apiKey ? { WENSHU_API_KEY: options.apiKey } : {},
  });
  h.page.setDefaultTimeout(options.timeoutMs ?? 10_000);
  return { h, endpoint };
}

export async function stopWithEndpoint(running: EndpointHarness | undefined): Promise<void> {
  await stopHarness(running?.h);
  await running?.endpoint.close();
}
