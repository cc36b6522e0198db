import http from 'node:http';
import type net from 'node:net';
import { startLlmServer, textStream } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { appWithPolicy, bytes, SERVER_TLS, tls, writePolicy } from './support';

// A whole flow through the composition root: policy → data boundary → client → audit, against the
// scripted endpoint on 127.0.0.1, while a second loopback server (not in the policy) counts every
// connection it receives.

const ID = '11010519491231002X';
const MOBILE = '13800138000';

let endpoint: LlmServer;
let bystander: http.Server;
let bystanderConnections = 0;
let bystanderUrl = '';

beforeAll(async () => {
  endpoint = await startLlmServer({ tls: SERVER_TLS, apiKey: 'sk-test', models: ['test-model'] });
  bystander = http.createServer((_req, res) => res.end('{}'));
  bystander.on('connection', (socket: net.Socket) => {
    bystanderConnections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  const { port } = bystander.address() as net.AddressInfo;
  bystanderUrl = `http://127.0.0.1:${port}/v1`;
});
afterAll(async () => {
  await endpoint.close();
  await new Promise((resolve) => bystander.close(resolve));
});

describe('the approved endpoint, end to end', () => {
  const app = appWithPolicy(writePolicy('', {}));
  // The policy needs the server's URL, which exists only after beforeAll: build the app lazily.
  let flow: ReturnType<typeof appWithPolicy>;
  beforeAll(() => {
    flow = appWithPolicy(writePolicy(endpoint.url, { ca: [tls('ca.pem')] }));
  });

  test('status: the policy endpoint is the engine', async () => {
    const status = flow.endpointStatus();
    expect(status).toMatchObject({
      engine: 'endpoint',
      reason: 'policy',
      endpoint: { id: 'region', baseUrl: endpoint.url, model: 'test-model' },
      apiKey: { present: true, storage: 'env' },
      policy: { found: true, valid: true, organization: '测试市人民政府办公室' },
    });
    expect(app.endpointStatus().engine).toBe('offline'); // an invalid policy (empty baseUrl): safe state
  });

  test('identifiers leave as placeholders and come back in the streamed answer', async () => {
    const [doc] = await flow.documents.importFiles([
      {
        name: '来访登记.txt',
        load: () =>
          bytes(`来访登记\n来访人身份证号${ID}，联系电话${MOBILE}。\n参考链接 ${bystanderUrl}/chat/completions`),
      },
    ]);
    const id = doc!.status === 'imported' ? doc!.id : '';
    endpoint.script(textStream('已登记：〔身份证1〕，电话〔手机号1〕。', { per: 2 }));
    const deltas: string[] = [];
    const result = await flow.model.complete(
      { prompt: '请概括来访登记', documentIds: [id] },
      { onDelta: (d) => d.kind === 'answer' && deltas.push(d.text) },
    );

    const sent = endpoint.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer sk-test');
    expect(sent.body).not.toContain(ID);
    expect(sent.body).not.toContain(MOBILE);
    expect(sent.body).toContain('〔身份证1〕');
    expect(result.answer).toBe(`已登记：${ID}，电话${MOBILE}。`);
    expect(deltas.join('')).toBe(result.answer);
    expect(deltas.length).toBeGreaterThan(3);

    // The preview shows exactly that request, before anything is sent.
    const before = endpoint.requests.length;
    const preview = flow.model.preview({ prompt: '请概括来访登记', documentIds: [id] });
    expect(endpoint.requests.length).toBe(before);
    expect(JSON.parse(sent.body).messages).toEqual(preview.messages);
    expect(preview.entities.map((e) => [e.type, e.placeholder])).toEqual([
      ['id_number', '〔身份证1〕'],
      ['mobile', '〔手机号1〕'],
    ]);
    expect(preview.refusal).toBeNull();
  });

  test('every call is audited: hashes, tokens, outcome — never the content', async () => {
    endpoint.script(textStream('好的。'));
    await flow.model.complete({ prompt: `审计测试 ${MOBILE}` });
    const entry = flow.audit.list({ kind: 'model_call', limit: 1, offset: 0 }).entries[0]!;
    expect(entry.data).toMatchObject({
      tool: 'complete',
      engine: 'endpoint',
      endpoint: endpoint.url,
      model: 'test-model',
      outcome: 'ok',
      redactions: 1,
      promptTokens: 10,
      completionTokens: 3,
    });
    expect(entry.data.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain(MOBILE);
    expect(flow.audit.verify()).toMatchObject({ ok: true });
  });

  test('a document marked 机密 is refused before anything is sent, and the refusal is audited', async () => {
    const [doc] = await flow.documents.importFiles([
      { name: '机密件.txt', load: () => bytes('机密★10年\n关于某项工作的通知\n正文内容。') },
    ]);
    const id = doc!.status === 'imported' ? doc!.id : '';
    const before = endpoint.requests.length;
    const err = await rejection(flow.model.complete({ prompt: '请概括', documentIds: [id] }));
    expect(err).toMatchObject({ code: 'classified_content', params: { level: '机密' } });
    expect(endpoint.requests.length).toBe(before);
    expect(flow.model.preview({ prompt: '请概括', documentIds: [id] }).refusal).toMatchObject({
      code: 'classified_content',
    });
    const entry = flow.audit.list({ kind: 'model_call', limit: 1, offset: 0 }).entries[0]!;
    expect(entry.data).toMatchObject({ outcome: 'classified_content', responseHash: null });
  });

  test('input that cannot fit the context window is refused before sending', async () => {
    const before = endpoint.requests.length;
    const err = await rejection(flow.model.complete({ prompt: '预算'.repeat(20_000) }));
    expect(err).toMatchObject({ code: 'input_too_long' });
    expect(endpoint.requests.length).toBe(before);
  });

  test('an answer cut at max_tokens can be continued', async () => {
    endpoint.script(textStream('第一部分', { finishReason: 'length' }));
    const first = await flow.model.complete({ prompt: '写一段话' });
    expect(first.finishReason).toBe('length');
    endpoint.script(textStream('，第二部分。'));
    const next = await flow.model.complete({ prompt: '写一段话', continueFrom: first.answer });
    const messages = JSON.parse(endpoint.requests.at(-1)!.body).messages;
    expect(messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1].content).toBe('第一部分');
    expect(next.answer).toBe('，第二部分。');
  });

  test('the concurrency limit holds across calls of the app', async () => {
    const limited = appWithPolicy(writePolicy(endpoint.url, { ca: [tls('ca.pem')], concurrency: 2 }));
    const before = endpoint.maxInFlight;
    expect(before).toBeLessThanOrEqual(2);
    const runs = Array.from({ length: 6 }, (_, i) => {
      endpoint.script({ ...textStream(`答复${i}`), chunkDelayMs: 20 });
      return limited.model.complete({ prompt: `问题${i}` });
    });
    const answers = (await Promise.all(runs)).map((r) => r.answer).sort();
    expect(answers).toEqual(['答复0', '答复1', '答复2', '答复3', '答复4', '答复5']);
    expect(endpoint.maxInFlight).toBe(2);
  });

  test('doctor: every check passes against the approved endpoint', async () => {
    const report = await flow.doctor();
    expect(report.items.map((i) => [i.id, i.ok])).toEqual([
      ['policy', true],
      ['store', true],
      ['dns', true],
      ['tcp', true],
      ['tls', true],
      ['auth', true],
      ['models', true],
      ['completion', true],
    ]);
    expect(report.ok).toBe(true);
  });

  test('the loopback server outside the policy received no connection during all of this', () => {
    expect(endpoint.requests.length).toBeGreaterThan(10);
    expect(bystanderConnections).toBe(0);
  });
});
