import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../electron/app/create-app';
import type { AppOptions, WenshuApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import { ROOT, tempDir } from '../support/temp';

// One temp root per test file, made at load time; apps and policies made later (in hooks and
// tests, where Jest allows no new hooks) live in folders under it.
const root = tempDir();
const freshDir = () => fs.mkdtempSync(path.join(root, 'case-'));

export const TLS_DIR = path.join(ROOT, 'tests', 'fixtures', 'tls');
export const tls = (name: string) => fs.readFileSync(path.join(TLS_DIR, name), 'utf8');
export const SERVER_TLS = { key: tls('server.key.pem'), cert: tls('server.pem') };
export const UNTRUSTED_TLS = { key: tls('untrusted.key.pem'), cert: tls('untrusted.pem') };

/** A machine policy approving one endpoint, written where WENSHU_POLICY points. */
export function writePolicy(
  baseUrl: string,
  extra: { model?: string; contextWindow?: number; maxTokens?: number; ca?: string[]; [key: string]: unknown } = {},
): string {
  const { model = 'test-model', contextWindow = 8192, maxTokens = 512, ca = [], ...rest } = extra;
  const file = path.join(freshDir(), 'policy.json');
  const policy = {
    version: 1,
    organization: '测试市人民政府办公室',
    endpoints: [{ id: 'region', name: '区域模型服务', baseUrl, models: [{ name: model, contextWindow, maxTokens }] }],
    caCertificates: ca,
    timeouts: { connectMs: 2000, firstTokenMs: 3000, idleMs: 3000 },
    retries: { max: 1, baseDelayMs: 5, maxDelayMs: 100 },
    ...rest,
  };
  fs.writeFileSync(file, JSON.stringify(policy, null, 2));
  return file;
}

const opened: WenshuApp[] = [];
afterAll(async () => {
  await Promise.all(opened.map((app) => app.close()));
});

/**
 * A real app (real store in a temp folder, real policy file, in-thread parsing) whose API key comes
 * from the given environment. May be called inside hooks and tests; closed after the file.
 */
export function appWithPolicy(policyFile: string, options: Partial<AppOptions> = {}, apiKey = 'sk-test'): WenshuApp {
  const app = createApp({
    dbPath: path.join(freshDir(), 'wenshu.db'),
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
    policyPath: policyFile,
    env: { WENSHU_API_KEY: apiKey },
    ...options,
  });
  opened.push(app);
  return app;
}

export const bytes = (text: string) => new TextEncoder().encode(text);
