import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { tempDir } from '../support/temp';
import { appWithPolicy, bytes, writePolicy } from './support';

// The offline engine: with no endpoint, or one that cannot be reached, a tool runs its own local
// engine, labelled offline in the result, the status and the audit; refusals are not offline cases.

const dir = tempDir();
const offlineSummary = () => '离线摘要：本文件共两段。';
const calls = (app: ReturnType<typeof appWithPolicy>) =>
  app.audit
    .list({ kind: 'model_call', limit: 20, offset: 0 })
    .entries.map((e) => [e.data.engine, e.data.outcome])
    .reverse();

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer();
});
afterAll(() => server.close());

test('no endpoint: the offline engine answers, streamed once, audited as offline', async () => {
  const app = appWithPolicy(path.join(dir, 'absent.json'));
  const deltas: string[] = [];
  const result = await app.model.generate({ prompt: '概括', tool: 'summarize' }, offlineSummary, {
    onDelta: (d) => d.kind === 'answer' && deltas.push(d.text),
  });
  expect(result).toMatchObject({ engine: 'offline', answer: offlineSummary(), model: 'offline', usage: null });
  expect(deltas).toEqual([offlineSummary()]);
  const [entry] = app.audit.list({ kind: 'model_call', limit: 1, offset: 0 }).entries;
  expect(entry?.data).toMatchObject({ tool: 'summarize', engine: 'offline', endpoint: null, outcome: 'ok' });
});

test('an endpoint that answers is used, and labelled so', async () => {
  const app = appWithPolicy(writePolicy(server.url));
  server.script(textStream('在线摘要。'));
  const result = await app.model.generate({ prompt: '概括', tool: 'summarize' }, offlineSummary);
  expect(result).toMatchObject({ engine: 'endpoint', answer: '在线摘要。' });
});

test('an endpoint that cannot be reached: offline at once, and for a while without trying again', async () => {
  const gone = http.createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  const { port } = gone.address() as net.AddressInfo;
  await new Promise((resolve) => gone.close(resolve));
  const app = appWithPolicy(writePolicy(`http://127.0.0.1:${port}/v1`));
  expect(app.endpointStatus()).toMatchObject({ engine: 'endpoint', reason: 'policy' });

  const first = await app.model.generate({ prompt: '概括', tool: 'summarize' }, offlineSummary);
  expect(first.engine).toBe('offline');
  expect(app.endpointStatus()).toMatchObject({ engine: 'offline', reason: 'unreachable' });
  await app.model.generate({ prompt: '再概括', tool: 'summarize' }, offlineSummary);
  expect(calls(app)).toEqual([
    ['endpoint', 'endpoint_unreachable'],
    ['offline', 'ok'],
    ['offline', 'ok'], // the second run did not try the endpoint
  ]);
});

test('a refusal is not turned into an offline answer', async () => {
  const app = appWithPolicy(writePolicy(server.url));
  const [doc] = await app.documents.importFiles([
    { name: '秘密件.txt', load: () => bytes('秘密★1年\n关于某事项的通知\n正文。') },
  ]);
  const id = doc!.status === 'imported' ? doc!.id : '';
  const err = await rejection(app.model.generate({ prompt: '概括', documentIds: [id] }, offlineSummary));
  expect(err.code).toBe('classified_content');
});

test('policy logLevel info logs one line per call, without content; the default (warn) logs none', async () => {
  const lines: string[] = [];
  const info = appWithPolicy(writePolicy(server.url, { logLevel: 'info' }), { log: (m) => lines.push(m) });
  server.script(textStream('答复。'));
  await info.model.generate({ prompt: '机密以外的普通问题 13800138000', tool: 'draft' }, offlineSummary);
  expect(lines).toEqual([
    expect.stringMatching(/^model call: draft endpoint http:\/\/127\.0\.0\.1:\d+\/v1 test-model ok \d+ ms$/),
  ]);

  const quiet: string[] = [];
  const warn = appWithPolicy(writePolicy(server.url), { log: (m) => quiet.push(m) });
  server.script(textStream('答复。'));
  await warn.model.generate({ prompt: '问题', tool: 'draft' }, offlineSummary);
  expect(quiet).toEqual([]);
});

test('a tool the policy turned off is refused in main, online or offline', async () => {
  const app = appWithPolicy(writePolicy(server.url, { tools: { summarize: false } }));
  const before = server.requests.length;
  const err = await rejection(app.model.generate({ prompt: '概括', tool: 'summarize' }, offlineSummary));
  expect(err).toMatchObject({ code: 'forbidden', params: { tool: 'summarize' } });
  expect(server.requests.length).toBe(before);
  server.script(textStream('可以。'));
  await expect(app.model.generate({ prompt: '起草', tool: 'draft' }, offlineSummary)).resolves.toMatchObject({
    engine: 'endpoint',
  });
});
