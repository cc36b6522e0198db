import type { ChatRequest, ClientConfig } from '../../electron/llm/client';
import { backoffMs, parseRetryAfter, retryDelay } from '../../electron/llm/retry';
import type { ChatOutcome } from '../../shared/llm/types';
import {
  clientFor,
  llamaCppContext400,
  longChinese,
  modelNotFound,
  nginx502,
  startLlmServer,
  status,
  textEvents,
  textStream,
  vllmContext400,
} from '../support/llm-server';
import type { LlmServer, Script } from '../support/llm-server';

/**
 * Each fault the test server can inject, through the real client: the typed error and its
 * params, the partial answer where one had streamed, retries only where safe, and an end within
 * the configured (small) timeouts.
 */
const T = 300;
const FAST: Partial<ClientConfig> = {
  timeouts: { connectMs: T, firstTokenMs: T, idleMs: T },
  retries: { max: 2, baseDelayMs: 5, maxDelayMs: 200 },
};

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ models: ['m'] });
});
afterAll(() => server.close());

interface Run {
  outcome: ChatOutcome;
  ms: number;
  /** Chat requests the server received for this run. */
  requests: number;
}

async function run(script: Script | Script[], req: Partial<ChatRequest> = {}, config = FAST): Promise<Run> {
  server.script(script);
  const before = server.requests.length;
  const { client, egress } = clientFor(server, config);
  const started = performance.now();
  const outcome = await client.chat({ model: 'm', messages: [{ role: 'user', content: '写一段话' }], ...req });
  const ms = performance.now() - started;
  egress.close();
  return { outcome, ms, requests: server.requests.length - before };
}

function failure(outcome: ChatOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got the answer ${JSON.stringify(outcome.value.answer)}`);
  return outcome;
}

const ANSWER = '一二三四五六七八九十';
/** Writes: the role chunk, then one character each; `after: 4` stops after 一二三. */
const partialFault = (kind: 'stall' | 'reset' | 'close'): Script => ({
  ...textStream(ANSWER),
  fault: { after: 4, kind },
});

describe('timeouts', () => {
  test('slow first token (headers sent, no data): endpoint_timeout first_token, no retry', async () => {
    const { outcome, ms, requests } = await run({ ...textStream(ANSWER), firstByteDelayMs: 3000 });
    const { error, partial } = failure(outcome);
    expect(error).toMatchObject({ code: 'endpoint_timeout', params: { phase: 'first_token', ms: T } });
    expect(partial.answer).toBe('');
    expect(ms).toBeGreaterThanOrEqual(T - 20);
    expect(ms).toBeLessThan(T + 700);
    expect(requests).toBe(1);
  });

  test('slow first token (not even headers): the same', async () => {
    const { outcome, ms } = await run({ ...textStream(ANSWER), headersDelayMs: 3000 });
    expect(failure(outcome).error).toMatchObject({ code: 'endpoint_timeout', params: { phase: 'first_token' } });
    expect(ms).toBeLessThan(T + 700);
  });

  test('stall mid-stream (socket open, no bytes): endpoint_timeout idle, partial kept', async () => {
    const { outcome, ms } = await run(partialFault('stall'));
    const { error, partial } = failure(outcome);
    expect(error).toMatchObject({ code: 'endpoint_timeout', params: { phase: 'idle', ms: T } });
    expect(partial.answer).toBe('一二三');
    expect(ms).toBeLessThan(T + 700);
  });

  test('the idle limit starts with the first token: a long prefill is fine within firstTokenMs', async () => {
    const config = { ...FAST, timeouts: { connectMs: T, firstTokenMs: 2000, idleMs: 150 } };
    const { outcome } = await run(
      { ...textStream('好'), firstByteDelayMs: 500, framing: { comments: true } },
      {},
      config,
    );
    expect(outcome.ok && outcome.value.answer).toBe('好');
  });

  test('a steady slow stream never trips the idle limit', async () => {
    const { outcome } = await run({ ...textStream('慢慢来'), chunkDelayMs: 100 });
    expect(outcome.ok && outcome.value.answer).toBe('慢慢来');
  });
});

describe('broken streams', () => {
  test.each(['reset', 'close'] as const)(
    'connection %s mid-stream: stream_interrupted, partial kept, no retry',
    async (kind) => {
      const { outcome, requests } = await run(partialFault(kind));
      const { error, partial } = failure(outcome);
      expect(error.code).toBe('stream_interrupted');
      expect(error.params).toEqual({ detail: expect.any(String) });
      expect(partial.answer).toBe('一二三');
      expect(requests).toBe(1);
    },
  );

  test('stream ends cleanly but without finish_reason or [DONE]: stream_interrupted, partial kept', async () => {
    const { outcome } = await run({ events: textEvents('半句', { finishReason: null, usage: null }), done: false });
    const { error, partial } = failure(outcome);
    expect(error.code).toBe('stream_interrupted');
    expect(partial.answer).toBe('半句');
  });

  test('a finish_reason without [DONE] is a complete answer', async () => {
    const { outcome } = await run({ ...textStream('完整'), done: false });
    expect(outcome.ok && outcome.value).toMatchObject({ answer: '完整', finishReason: 'stop' });
  });

  test('a malformed JSON chunk: endpoint_bad_response, partial kept', async () => {
    const events = textEvents('前文后文');
    events.splice(3, 0, '{"choices":[{"delta":{"content":"x"}');
    const { outcome } = await run({ events });
    const { error, partial } = failure(outcome);
    expect(error.code).toBe('endpoint_bad_response');
    expect(String(error.params?.detail)).toMatch(/malformed chunk/);
    expect(partial.answer).toBe('前文');
  });

  test('an error event mid-stream: endpoint_server_error with its message, partial kept', async () => {
    const events = textEvents('前文后文');
    events.splice(
      3,
      0,
      JSON.stringify({ error: { message: 'CUDA out of memory', type: 'InternalServerError', code: 500 } }),
    );
    const { outcome } = await run({ events });
    const { error, partial } = failure(outcome);
    expect(error).toMatchObject({
      code: 'endpoint_server_error',
      params: { status: 500, detail: 'CUDA out of memory' },
    });
    expect(partial.answer).toBe('前文');
  });

  test('named events: a ping is skipped, an `event: error` with plain text ends the stream', async () => {
    const sse = (events: string[]) => events.map((e) => `data: ${e}\n\n`).join('');
    const [role, one, two, ...rest] = textEvents('一二三');
    const raw =
      `event: ping\ndata: {"type":"ping"}\n\n${sse([role!, one!])}` +
      `event: ping\ndata: {"type":"ping"}\n\n${sse([two!])}event: error\ndata: upstream overloaded\n\n${sse(rest)}`;
    const { outcome } = await run({ raw });
    const { error, partial } = failure(outcome);
    expect(error).toMatchObject({
      code: 'endpoint_server_error',
      params: { status: 200, detail: 'upstream overloaded' },
    });
    expect(partial.answer).toBe('一二');
  });

  test('a chat.completion JSON sent as text/event-stream is still read', async () => {
    const completion = {
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: '整段回答' }, finish_reason: 'stop' }],
    };
    const { outcome } = await run({ raw: JSON.stringify(completion), chunking: { seed: 2, max: 5 } });
    expect(outcome.ok && outcome.value).toMatchObject({ answer: '整段回答', finishReason: 'stop' });
  });

  test('an HTML page with status 200 (a captive portal): endpoint_bad_response naming its title', async () => {
    const page = '<!DOCTYPE html><html><head><title>网络认证 &amp; 登录</title></head><body>…</body></html>';
    const { outcome } = await run({ raw: page, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(failure(outcome).error).toMatchObject({
      code: 'endpoint_bad_response',
      params: { detail: 'HTML page from a proxy: 网络认证 & 登录' },
    });
  });
});

describe('error statuses', () => {
  test('429 with Retry-After: 0, then an answer: one success after 2 requests', async () => {
    const { outcome, requests } = await run([
      status(429, { error: { message: 'busy', code: 429 } }, { 'retry-after': '0' }),
      textStream('终于'),
    ]);
    expect(outcome.ok && outcome.value.answer).toBe('终于');
    expect(requests).toBe(2);
  });

  test('429 asking for longer than maxDelayMs: endpoint_rate_limited at once, with retryAfter in seconds', async () => {
    const { outcome, requests, ms } = await run(status(429, { error: { message: 'busy' } }, { 'retry-after': '120' }));
    expect(failure(outcome).error).toMatchObject({ code: 'endpoint_rate_limited', params: { retryAfter: 120 } });
    expect(requests).toBe(1);
    expect(ms).toBeLessThan(500);
  });

  test('500: endpoint_server_error with the body message, not retried', async () => {
    const { outcome, requests } = await run(
      status(500, { error: { message: 'engine crashed', type: 'server_error' } }),
    );
    expect(failure(outcome).error).toMatchObject({
      code: 'endpoint_server_error',
      params: { status: 500, detail: 'engine crashed' },
    });
    expect(requests).toBe(1);
  });

  test('503, then an answer: retried', async () => {
    const { outcome, requests } = await run([status(503, { error: { message: 'loading model' } }), textStream('好了')]);
    expect(outcome.ok && outcome.value.answer).toBe('好了');
    expect(requests).toBe(2);
  });

  test('HTML 502 from nginx, three times: endpoint_server_error with the page title only, after 2 retries', async () => {
    const { outcome, requests } = await run([nginx502(), nginx502(), nginx502()]);
    const { error } = failure(outcome);
    expect(error).toMatchObject({
      code: 'endpoint_server_error',
      params: { status: 502, detail: 'HTML page from a proxy: 502 Bad Gateway' },
    });
    expect(JSON.stringify(error)).not.toContain('<');
    expect(requests).toBe(3);
  });

  test.each<[string, Script, RegExp]>([
    [
      'vLLM',
      vllmContext400(32768, 40000),
      /maximum context length is 32768 tokens\. However, you requested 40000 tokens/,
    ],
    ['llama.cpp', llamaCppContext400(), /exceeds the available context size/],
    [
      'OpenAI',
      status(400, { error: { message: 'Too long.', type: 'invalid_request_error', code: 'context_length_exceeded' } }),
      /Too long\./,
    ],
  ])('context length (%s): context_length_exceeded with the detail, not retried', async (_name, script, detail) => {
    const { outcome, requests } = await run(script);
    const { error } = failure(outcome);
    expect(error.code).toBe('context_length_exceeded');
    expect(String(error.params?.detail)).toMatch(detail);
    expect(requests).toBe(1);
  });

  test('404 naming the model: model_not_found', async () => {
    const { outcome } = await run(modelNotFound('qwen-404'), { model: 'qwen-404' });
    expect(failure(outcome).error).toMatchObject({ code: 'model_not_found', params: { model: 'qwen-404' } });
  });

  test('404 without a model (wrong base path): endpoint_bad_request 404', async () => {
    const { outcome } = await run(status(404, { detail: 'Not Found' }));
    expect(failure(outcome).error).toMatchObject({
      code: 'endpoint_bad_request',
      params: { status: 404, detail: 'Not Found' },
    });
  });

  test('401: endpoint_auth, not retried', async () => {
    const { outcome, requests } = await run(status(401, { error: { message: 'Incorrect API key' } }));
    expect(failure(outcome).error).toMatchObject({ code: 'endpoint_auth', params: { status: 401 } });
    expect(requests).toBe(1);
  });

  test('a reset before the response headers, then an answer: retried', async () => {
    const { outcome, requests } = await run([{ resetBeforeHeaders: true }, textStream('重试成功')]);
    expect(outcome.ok && outcome.value.answer).toBe('重试成功');
    expect(requests).toBe(2);
  });

  test('resets before the headers every time: stream_interrupted after max retries', async () => {
    const resets = Array.from({ length: 3 }, () => ({ resetBeforeHeaders: true }));
    const { outcome, requests } = await run(resets);
    expect(failure(outcome).error.code).toBe('stream_interrupted');
    expect(requests).toBe(3);
  });

  test('a port that refuses connections: endpoint_unreachable ECONNREFUSED', async () => {
    const closed = await startLlmServer();
    await closed.close();
    const { client, egress } = clientFor(closed, FAST);
    const outcome = await client.chat({ model: 'm', messages: [] });
    expect(failure(outcome).error).toMatchObject({
      code: 'endpoint_unreachable',
      params: { target: closed.origin, detail: 'ECONNREFUSED' },
    });
    egress.close();
  });
});

describe('answers that are not errors', () => {
  test('finish_reason length: success, finishReason length (the UI offers to continue)', async () => {
    const { outcome } = await run([], { maxTokens: 2 });
    expect(outcome.ok && outcome.value).toMatchObject({ answer: '好的', finishReason: 'length' });
    expect(server.requests.at(-1)!.json).toMatchObject({ max_tokens: 2 });
  });

  test('a very long answer: 200,000 Chinese characters in random chunks arrive intact', async () => {
    const text = longChinese(200_000);
    const { outcome, ms } = await run({ events: textEvents(text, { per: 40 }), chunking: { seed: 8, max: 4096 } });
    expect(outcome.ok && outcome.value.answer.length).toBe(200_000);
    expect(outcome.ok && outcome.value.answer === text).toBe(true);
    expect(ms).toBeLessThan(4000);
  });
});

describe('cancellation', () => {
  test('while streaming: cancelled at once, partial kept', async () => {
    const ctl = new AbortController();
    let seen = '';
    const started = performance.now();
    const { outcome } = await run(
      { ...textStream(ANSWER), chunkDelayMs: 50 },
      {
        signal: ctl.signal,
        onDelta: (d) => {
          if (d.kind === 'answer') seen += d.text;
          if (seen.length === 3) ctl.abort();
        },
      },
    );
    const { error, partial } = failure(outcome);
    expect(error.code).toBe('cancelled');
    expect(partial.answer).toBe('一二三');
    expect(performance.now() - started).toBeLessThan(600);
  });

  test('while waiting to retry after a 429: cancelled without another request', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const config = { ...FAST, retries: { max: 2, baseDelayMs: 5, maxDelayMs: 5000 } };
    const { outcome, requests, ms } = await run(
      status(429, { error: { message: 'busy' } }, { 'retry-after': '2' }),
      { signal: ctl.signal },
      config,
    );
    expect(failure(outcome).error.code).toBe('cancelled');
    expect(requests).toBe(1);
    expect(ms).toBeLessThan(1000);
  });

  test('while queued in the limiter: cancelled, never sent', async () => {
    const { client, egress } = clientFor(server, FAST, { concurrency: 1 });
    server.script({ ...textStream('占位'), chunkDelayMs: 100 });
    const before = server.requests.length;
    const first = client.chat({ model: 'm', messages: [] });
    const ctl = new AbortController();
    const second = client.chat({ model: 'm', messages: [], signal: ctl.signal });
    setTimeout(() => ctl.abort(), 30);
    const queued = await second;
    expect(failure(queued).error.code).toBe('cancelled');
    expect((await first).ok).toBe(true);
    expect(server.requests.length - before).toBe(1);
    egress.close();
  });
});

describe('retry policy', () => {
  test('Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  test('backoff grows, is jittered within [d/2, d] and capped; a too-long Retry-After gives up', () => {
    const policy = { max: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffMs(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(2, policy, () => 0)).toBe(200);
    expect(retryDelay(0, policy, 1500)).toBeNull();
    expect(retryDelay(0, policy, 900)).toBe(900);
    expect(retryDelay(5, policy, null)).toBeNull();
  });
});
