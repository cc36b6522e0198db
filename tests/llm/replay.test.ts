import fs from 'node:fs';
import path from 'node:path';
import type { ChatRequest } from '../../electron/llm/client';
import type { ChatDelta, ChatOutcome } from '../../shared/llm/types';
import {
  SSE_DIR,
  cassette,
  chunkLines,
  clientFor,
  recordedText,
  recordedUsage,
  recording,
  sseDataLines,
  startLlmServer,
} from '../support/llm-server';
import type { LlmServer, Script } from '../support/llm-server';

/**
 * Every real recording in ../shared/fixtures/real/sse, served by the test server and read by the
 * production client: the answer is exactly the recorded content, the reasoning stays apart, usage
 * is read. Expected values are computed from the files, never written down here.
 */
let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ models: ['qwen3-max', 'deepseek-reasoner', 'grok-3-mini'] });
});
afterAll(() => server.close());

const files = fs.readdirSync(SSE_DIR);
const chunkFiles = files.filter((f) => f.endsWith('.chunks.txt'));

interface Streamed {
  outcome: ChatOutcome;
  answer: string;
  reasoning: string;
}

/** One chat through the real client; the deltas are concatenated the way the UI shows them. */
async function chat(script: Script | Script[], req: Partial<ChatRequest> = {}): Promise<Streamed> {
  server.script(script);
  const { client, egress } = clientFor(server);
  let answer = '';
  let reasoning = '';
  const onDelta = (d: ChatDelta) => {
    if (d.kind === 'retract') [reasoning, answer] = [reasoning + answer, ''];
    else if (d.kind === 'answer') answer += d.text;
    else reasoning += d.text;
  };
  const outcome = await client.chat({
    model: 'qwen3-max',
    messages: [{ role: 'user', content: 'hi' }],
    onDelta,
    ...req,
  });
  egress.close();
  return { outcome, answer, reasoning };
}

function value(outcome: ChatOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

const variants: [name: string, framing: Partial<Script>][] = [
  ['one write per event', {}],
  ['random chunks of 1–7 bytes (splits inside UTF-8 characters)', { chunking: { seed: 42, max: 7 } }],
  [
    'CRLF, comments, event lines, 5-byte chunks',
    { framing: { lineEnding: '\r\n', comments: true, eventLines: true }, chunking: { every: 5 } },
  ],
  ['CR line endings, no [DONE], random chunks', { framing: { lineEnding: '\r' }, done: false, chunking: { seed: 3 } }],
];

describe.each(chunkFiles)('%s', (file) => {
  const lines = chunkLines(file);
  const recorded = recordedText(lines);
  const usage = recordedUsage(lines);
  const model = (JSON.parse(lines[0]!) as { model: string }).model;

  test.each(variants)('%s: recorded answer, reasoning apart, usage', async (_name, framing) => {
    const { outcome, answer, reasoning } = await chat(recording(file, framing), { model });
    const result = value(outcome);
    expect(result.answer).toBe(recorded.content);
    expect(result.reasoning).toBe(recorded.reasoning);
    // what streamed to the caller adds up to the same
    expect(answer).toBe(recorded.content);
    expect(reasoning).toBe(recorded.reasoning);
    if (recorded.reasoning.length > 20) expect(result.answer).not.toContain(recorded.reasoning.slice(0, 20));
    expect(result.usage).toMatchObject(usage!);
    expect(result.model).toBe(model);
  });
});

test('the recordings are what these tests assume (some with reasoning, one with usage in a choices:[] chunk)', () => {
  expect(chunkFiles.length).toBeGreaterThanOrEqual(5);
  const texts = chunkFiles.map((f) => recordedText(chunkLines(f)));
  expect(texts.filter((t) => t.reasoning.length > 0).length).toBeGreaterThanOrEqual(3);
  expect(texts.every((t) => !t.content.includes('<think>'))).toBe(true);
  const emptyChoicesUsage = chunkFiles.some((f) =>
    chunkLines(f).some((l) => {
      const c = JSON.parse(l) as { choices?: unknown[]; usage?: unknown };
      return c.choices?.length === 0 && c.usage;
    }),
  );
  expect(emptyChoicesUsage).toBe(true);
});

test('deepseek tool call: no answer text, finishReason tool_calls, reasoning kept', async () => {
  const file = 'vercel-ai__deepseek-tool-call.chunks.txt';
  const result = value((await chat(recording(file), { model: 'deepseek-reasoner' })).outcome);
  expect(result.answer).toBe('');
  expect(result.finishReason).toBe('tool_calls');
  expect(result.reasoning).toBe(recordedText(chunkLines(file)).reasoning);
  expect(result.reasoning.length).toBeGreaterThan(0);
});

describe('raw SSE bodies', () => {
  const bodyFile = 'pydantic-ai__deepseek-reasoner_stream.body.sse';
  const expected = recordedText(sseDataLines(fs.readFileSync(path.join(SSE_DIR, bodyFile), 'utf8')));
  const usage = recordedUsage(sseDataLines(fs.readFileSync(path.join(SSE_DIR, bodyFile), 'utf8')));

  test.each<[string, Partial<Script>]>([
    ['byte for byte', {}],
    ['in random 1–9 byte chunks', { chunking: { seed: 9, max: 9 } }],
    ['with CRLF line endings, 3-byte chunks', { framing: { lineEnding: '\r\n' }, chunking: { every: 3 } }],
  ])(`${bodyFile} %s`, async (_name, framing) => {
    const result = value((await chat(recording(bodyFile, framing), { model: 'deepseek-reasoner' })).outcome);
    expect(expected.content.length).toBeGreaterThan(0);
    expect(result.answer).toBe(expected.content);
    expect(result.reasoning).toBe(expected.reasoning);
    expect(result.usage).toMatchObject(usage!);
    expect(result.finishReason).toBe('stop');
  });

  test('pydantic-ai__test_deepseek_model_thinking_stream.yaml: the cassette body replays the same', async () => {
    const script = cassette('pydantic-ai__test_deepseek_model_thinking_stream.yaml', 0, { chunking: { seed: 5 } });
    expect(script.headers?.['content-type']).toMatch(/event-stream/);
    const result = value((await chat(script, { model: 'deepseek-reasoner' })).outcome);
    expect(result.answer).toBe(expected.content);
    expect(result.reasoning).toBe(expected.reasoning);
    expect(result.usage).toMatchObject(usage!);
  });
});

describe('recorded error replies', () => {
  test('vercel-ai__openai-reasoning-model-legacy-parameter-error.json as a 400: endpoint_bad_request with its message', async () => {
    const file = 'vercel-ai__openai-reasoning-model-legacy-parameter-error.json';
    const body = JSON.parse(fs.readFileSync(path.join(SSE_DIR, file), 'utf8')) as { error: { message: string } };
    const { outcome } = await chat(recording(file));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('endpoint_bad_request');
    expect(outcome.error.params).toEqual({ status: 400, detail: body.error.message });
    expect(outcome.partial.answer).toBe('');
  });

  test('pydantic-ai__test_openrouter_errors_raised.yaml: three 429s → retried twice, then endpoint_rate_limited', async () => {
    const file = 'pydantic-ai__test_openrouter_errors_raised.yaml';
    const before = server.requests.length;
    const { outcome } = await chat([0, 1, 2].map((i) => cassette(file, i)));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('endpoint_rate_limited');
    expect(outcome.error.params?.retryAfter).toEqual(expect.any(Number));
    expect(outcome.error.message).toContain('Provider returned error');
    expect(server.requests.length - before).toBe(3);
  });
});

test('a server that ignores stream:true and answers with one chat.completion JSON', async () => {
  const lines = chunkLines('vercel-ai__deepseek-reasoning.chunks.txt');
  const recorded = recordedText(lines);
  const completion = {
    id: 'x',
    object: 'chat.completion',
    model: 'deepseek-reasoner',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: recorded.content, reasoning_content: recorded.reasoning },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 18, completion_tokens: 219 },
  };
  const { outcome, answer } = await chat({ json: completion });
  const result = value(outcome);
  expect(result).toEqual({
    answer: recorded.content,
    reasoning: recorded.reasoning,
    finishReason: 'stop',
    model: 'deepseek-reasoner',
    usage: { promptTokens: 18, completionTokens: 219 },
  });
  expect(answer).toBe(recorded.content);
});

test('<think> in streamed content goes to reasoning, also split across chunks', async () => {
  const events = ['<thi', 'nk>先想', '一想</th', 'ink>\n\n答案', '是42。'].map((content) =>
    JSON.stringify({ model: 'qwen3-max', choices: [{ index: 0, delta: { content }, finish_reason: null }] }),
  );
  events.push(JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
  const { outcome, answer, reasoning } = await chat({ events, chunking: { seed: 11, max: 4 } });
  expect(value(outcome)).toMatchObject({ answer: '答案是42。', reasoning: '先想一想' });
  expect([answer, reasoning]).toEqual(['答案是42。', '先想一想']);
});

test('the request: stream with usage, temperature, max_tokens, auth and policy headers', async () => {
  const secured = await startLlmServer({ apiKey: 'k-123', models: ['m'] });
  try {
    const { client, egress } = clientFor(secured, { apiKey: 'k-123', headers: { 'X-Tenant': 'gov' }, maxTokens: 77 });
    const outcome = await client.chat({ model: 'm', messages: [{ role: 'user', content: '你好' }], temperature: 0 });
    expect(value(outcome).answer).toBe('好的。');
    const sent = secured.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer k-123');
    expect(sent.headers['x-tenant']).toBe('gov');
    expect(sent.headers.accept).toBe('text/event-stream');
    expect(sent.json).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: '你好' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      max_tokens: 77,
    });
    const noUsage = clientFor(secured, {
      apiKey: 'k-123',
      streamUsage: false,
      auth: { header: 'Authorization', scheme: '' },
    });
    const refused = await noUsage.client.chat({ model: 'm', messages: [] });
    expect(refused.ok || refused.error).toMatchObject({ code: 'endpoint_auth', params: { status: 401 } });
    expect(secured.requests.at(-1)!.headers.authorization).toBe('k-123');
    expect(secured.requests.at(-1)!.json).not.toHaveProperty('stream_options');
    egress.close();
    noUsage.egress.close();
  } finally {
    await secured.close();
  }
});
