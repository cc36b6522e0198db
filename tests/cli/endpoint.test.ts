import { execFile } from 'node:child_process';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { ROOT, tempDir } from '../support/temp';
import { SERVER_TLS, tls, UNTRUSTED_TLS, writePolicy } from '../endpoint/support';

/** The real `wenshu` bin in a child process (async: the test endpoint lives in this process). */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();

function wenshu(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, '--db', path.join(dir, 'cli.db'), ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const trusted = [tls('ca.pem')];
let server: LlmServer;
let untrusted: LlmServer;

beforeAll(async () => {
  server = await startLlmServer({ tls: SERVER_TLS, apiKey: 'sk-right', models: ['qwen3-32b', 'other'] });
  untrusted = await startLlmServer({ tls: UNTRUSTED_TLS, apiKey: 'sk-right', models: ['qwen3-32b'] });
});
afterAll(async () => {
  await server.close();
  await untrusted.close();
});

const env = (policy: string, key = 'sk-right') => ({ WENSHU_POLICY: policy, WENSHU_API_KEY: key });
const marks = (stdout: string) =>
  Object.fromEntries(
    (JSON.parse(stdout) as { items: { id: string; ok: boolean; skipped: boolean }[] }).items.map((i) => [
      i.id,
      i.skipped ? 'skipped' : i.ok ? 'ok' : 'failed',
    ]),
  );

describe('wenshu doctor', () => {
  test('against the approved test endpoint: every item ✓, exit 0', async () => {
    const policy = writePolicy(server.url, { model: 'qwen3-32b', ca: trusted });
    const human = await wenshu(['doctor'], env(policy));
    expect(human.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(8);
    expect(human.stdout).not.toContain('✗');
    expect(human.code).toBe(0);
    const json = await wenshu(['doctor', '--json'], env(policy));
    expect(marks(json.stdout)).toEqual({
      policy: 'ok',
      store: 'ok',
      dns: 'ok',
      tcp: 'ok',
      tls: 'ok',
      auth: 'ok',
      models: 'ok',
      completion: 'ok',
    });
  });

  test('a wrong key: ✗ credentials with the fix, exit 1', async () => {
    const result = await wenshu(
      ['doctor'],
      env(writePolicy(server.url, { model: 'qwen3-32b', ca: trusted }), 'sk-wrong'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Credentials .*HTTP 401/);
    expect(result.stdout).toContain('WENSHU_API_KEY');
    expect(result.stdout).toMatch(/✓ TLS certificate/);
  });

  test('an untrusted certificate: ✗ TLS, exit 1', async () => {
    const result = await wenshu(
      ['doctor', '--json'],
      env(writePolicy(untrusted.url, { model: 'qwen3-32b', ca: trusted })),
    );
    expect(result.code).toBe(1);
    expect(marks(result.stdout)).toMatchObject({ tcp: 'ok', tls: 'failed', auth: 'skipped', completion: 'skipped' });
    expect(untrusted.requests).toHaveLength(0);
  });

  test('an unknown model: ✗ model list naming what the endpoint has, exit 1', async () => {
    const result = await wenshu(['doctor'], env(writePolicy(server.url, { model: 'qwen9-700b', ca: trusted })));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Model list .*qwen9-700b/);
    expect(result.stdout).toContain('available: qwen3-32b, other');
  });

  test('a closed port: ✗ TCP connection, exit 1', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await wenshu(
      ['doctor', '--json'],
      env(writePolicy(`https://127.0.0.1:${port}/v1`, { model: 'qwen3-32b', ca: trusted })),
    );
    expect(result.code).toBe(1);
    expect(marks(result.stdout)).toMatchObject({ dns: 'ok', tcp: 'failed', tls: 'skipped' });
  });

  test('no policy on the machine: ✗ policy naming where it goes, exit 1', async () => {
    const result = await wenshu(['doctor'], env(path.join(dir, 'nowhere', 'policy.json')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Machine policy .*nowhere/);
  });
});

describe('wenshu complete', () => {
  test('--json: the answer without reasoning, the usage, the model', async () => {
    server.script(
      textStream('这是答复。', { reasoning: '先想一想。', usage: { prompt_tokens: 9, completion_tokens: 6 } }),
    );
    const result = await wenshu(
      ['complete', '你好', '--json'],
      env(writePolicy(server.url, { model: 'qwen3-32b', ca: trusted })),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      answer: '这是答复。',
      reasoning: '先想一想。',
      finishReason: 'stop',
      model: 'test-model',
      usage: { promptTokens: 9, completionTokens: 6 },
    });
  });

  test('streams the answer to the terminal, then the usage; reasoning never printed', async () => {
    server.script(textStream('逐字输出', { reasoning: '内部推理' }));
    const result = await wenshu(
      ['complete', '你好'],
      env(writePolicy(server.url, { model: 'qwen3-32b', ca: trusted })),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^逐字输出\n\n— test-model · prompt 10 · completion 4 tokens/);
    expect(result.stdout).not.toContain('内部推理');
  });

  test('--endpoint/--model override the policy for one run; the key still comes from the environment', async () => {
    server.script(textStream('覆盖成功'));
    const result = await wenshu(
      ['complete', 'hi', '--endpoint', server.url, '--model', 'other', '--json'],
      env(writePolicy(server.url, { model: 'qwen3-32b', ca: trusted })),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).answer).toBe('覆盖成功');
    expect(JSON.parse(server.requests.at(-1)!.body).model).toBe('other');
  });

  test('no endpoint configured: a clear message, exit 1, nothing sent', async () => {
    const before = server.requests.length;
    const result = await wenshu(['complete', 'hi'], { WENSHU_POLICY: path.join(dir, 'none.json'), WENSHU_API_KEY: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No approved model endpoint is configured/);
    expect(server.requests.length).toBe(before);
  });
});
