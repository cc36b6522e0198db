import fs from 'node:fs';
import path from 'node:path';
import type { ChunkParts } from '../../shared/llm/chunk';
import { isDone, readChunk } from '../../shared/llm/chunk';
import { FIXTURES } from '../support/temp';

const SSE = path.join(FIXTURES, 'sse');
const CHUNK_FILES = fs.readdirSync(SSE).filter((f) => f.endsWith('.chunks.txt'));
const RAW = 'pydantic-ai__deepseek-reasoner_stream.body.sse';

function recorded(file: string): string[] {
  const text = fs.readFileSync(path.join(SSE, file), 'utf8');
  if (file.endsWith('.chunks.txt')) return text.split('\n').filter((line) => line !== '');
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: ') && !isDone(block.slice(6)))
    .map((block) => block.slice('data: '.length));
}

function parts(data: string): ChunkParts {
  const read = readChunk(data);
  if (!read.ok) throw new Error(`${read.error.kind}: ${read.error.message}`);
  return read.parts;
}

const chunk = (choice: object | null, extra: object = {}): string =>
  JSON.stringify({ object: 'chat.completion.chunk', model: 'm', choices: choice ? [choice] : [], ...extra });

describe.each([RAW, ...CHUNK_FILES])('readChunk on %s', (file) => {
  const lines = recorded(file);
  const json = lines.map((line) => JSON.parse(line));
  const read = lines.map(parts);

  test('every chunk reads; content and reasoning concatenate to the recorded text', () => {
    const content = json.map((j) => j.choices[0]?.delta?.content ?? '').join('');
    const reasoning = json.map((j) => j.choices[0]?.delta?.reasoning_content ?? '').join('');
    expect(read.map((p) => p.content).join('')).toBe(content);
    expect(read.map((p) => p.reasoning).join('')).toBe(reasoning);
    expect(content.length + reasoning.length).toBeGreaterThan(0);
  });

  test('usage comes from the one chunk that has it, as recorded', () => {
    const withUsage = json.flatMap((j, i) => (j.usage ? [i] : []));
    expect(withUsage).toHaveLength(1);
    const raw = json[withUsage[0]!].usage;
    const usage = read[withUsage[0]!]!.usage;
    const reasoning = raw.completion_tokens_details?.reasoning_tokens;
    expect(usage).toEqual({
      promptTokens: raw.prompt_tokens,
      // xAI alone reports reasoning outside completion_tokens: there the total says what was generated.
      completionTokens:
        reasoning > raw.completion_tokens ? raw.total_tokens - raw.prompt_tokens : raw.completion_tokens,
      ...(raw.completion_tokens_details && { reasoningTokens: reasoning }),
    });
    if (file.includes('xai')) expect(usage?.completionTokens).toBe(342);
    expect(read.filter((p) => p.usage !== null)).toHaveLength(1);
  });

  test('one finish reason, the recorded one; the model on every chunk', () => {
    const reasons = read.flatMap((p) => (p.finishReason ? [p.finishReason] : []));
    expect(reasons).toEqual([file.includes('tool-call') ? 'tool_calls' : 'stop']);
    expect(new Set(read.map((p) => p.model))).toEqual(new Set([json[0].model]));
  });

  test('tool calls are flagged exactly on the chunks that carry them', () => {
    expect(read.map((p) => p.toolCalls)).toEqual(json.map((j) => (j.choices[0]?.delta?.tool_calls?.length ?? 0) > 0));
    expect(read.some((p) => p.toolCalls)).toBe(file.includes('tool-call'));
  });
});

describe('readChunk: shapes seen in the wild', () => {
  test('usage in a final chunk with empty choices (stream_options.include_usage)', () => {
    expect(parts(chunk(null, { usage: { prompt_tokens: 24, completion_tokens: 1355, total_tokens: 1379 } }))).toEqual({
      content: '',
      reasoning: '',
      finishReason: null,
      usage: { promptTokens: 24, completionTokens: 1355 },
      model: 'm',
      toolCalls: false,
    });
  });

  test('usage in the same chunk as finish_reason, with reasoning tokens', () => {
    const p = parts(
      chunk(
        { index: 0, delta: { content: '' }, finish_reason: 'length' },
        { usage: { prompt_tokens: 6, completion_tokens: 212, completion_tokens_details: { reasoning_tokens: 198 } } },
      ),
    );
    expect(p.finishReason).toBe('length');
    expect(p.usage).toEqual({ promptTokens: 6, completionTokens: 212, reasoningTokens: 198 });
  });

  test('usage null, or without any count, is no usage; details without reasoning tokens add none', () => {
    expect(parts(chunk(null, { usage: null })).usage).toBeNull();
    expect(parts(chunk(null, { usage: {} })).usage).toBeNull();
    expect(
      parts(chunk(null, { usage: { prompt_tokens: 1, completion_tokens: 2, completion_tokens_details: {} } })).usage,
    ).toEqual({ promptTokens: 1, completionTokens: 2 });
  });

  test('null content and reasoning are empty strings; a missing delta is an empty chunk', () => {
    const p = parts(chunk({ index: 0, delta: { content: null, reasoning_content: null, role: 'assistant' } }));
    expect([p.content, p.reasoning, p.finishReason, p.toolCalls]).toEqual(['', '', null, false]);
    expect(parts(chunk({ index: 0, finish_reason: 'stop' })).content).toBe('');
    expect(parts(JSON.stringify({ choices: [] }))).toMatchObject({ content: '', model: null, usage: null });
  });

  test('reasoning from delta.reasoning (vLLM, OpenRouter) as well as reasoning_content', () => {
    expect(parts(chunk({ delta: { reasoning: 'hm' } })).reasoning).toBe('hm');
    expect(parts(chunk({ delta: { reasoning_content: 'a', reasoning: 'a' } })).reasoning).toBe('a');
    expect(parts(chunk({ delta: { reasoning_content: '', reasoning: 'b' } })).reasoning).toBe('b');
  });

  test.each([
    ['stop', 'stop'],
    ['eos', 'stop'],
    ['eos_token', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['abort', 'unknown'],
    ['', 'unknown'],
  ])('finish_reason %j → %s', (raw, want) => {
    expect(parts(chunk({ index: 0, delta: {}, finish_reason: raw })).finishReason).toBe(want);
  });

  test('unknown keys anywhere are fine (DeepSeek, xAI and Qwen add their own)', () => {
    const p = parts(
      chunk(
        { index: 0, delta: { content: 'x', extra: [1] }, logprobs: null, finish_reason: null, matched_stop: 1 },
        { system_fingerprint: 'fp', prompt_cache_hit_tokens: 0, usage: null },
      ),
    );
    expect(p.content).toBe('x');
  });
});

describe('readChunk: errors inside the stream', () => {
  test('OpenAI-style error body (a real recording)', () => {
    const body = fs.readFileSync(
      path.join(SSE, 'vercel-ai__openai-reasoning-model-legacy-parameter-error.json'),
      'utf8',
    );
    expect(readChunk(body)).toEqual({
      ok: false,
      error: {
        kind: 'error_event',
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        code: 'unsupported_parameter',
      },
    });
  });

  test('OpenRouter: a numeric code is the HTTP status too', () => {
    // The shape of pydantic-ai__test_openrouter_errors_raised.yaml's body.
    const body = { error: { code: 429, message: 'Provider returned error', metadata: { provider_name: 'Google' } } };
    expect(readChunk(JSON.stringify(body))).toEqual({
      ok: false,
      error: { kind: 'error_event', message: 'Provider returned error', code: '429', status: 429 },
    });
  });

  test('vLLM and llama.cpp mid-stream errors', () => {
    const vllm = { error: { object: 'error', message: 'too long', type: 'BadRequestError', param: null, code: 400 } };
    expect(readChunk(JSON.stringify(vllm))).toEqual({
      ok: false,
      error: { kind: 'error_event', message: 'too long', code: '400', status: 400 },
    });
    const llamaCpp = { error: { code: 500, message: 'slot unavailable', type: 'server_error' } };
    expect(readChunk(JSON.stringify(llamaCpp))).toMatchObject({ ok: false, error: { code: '500', status: 500 } });
    // Old vLLM sent the error object bare.
    expect(readChunk('{"object":"error","message":"bad","type":"BadRequestError","code":400}')).toMatchObject({
      ok: false,
      error: { kind: 'error_event', message: 'bad', status: 400 },
    });
  });

  test('nested, string and odd error bodies still become error events with a message', () => {
    expect(readChunk('{"error":{"error":{"message":"inner","code":"context_length_exceeded"}}}')).toEqual({
      ok: false,
      error: { kind: 'error_event', message: 'inner', code: 'context_length_exceeded' },
    });
    expect(readChunk('{"error":"upstream timeout"}')).toEqual({
      ok: false,
      error: { kind: 'error_event', message: 'upstream timeout' },
    });
    expect(readChunk('{"error":{"type":"server_error"}}')).toEqual({
      ok: false,
      error: { kind: 'error_event', message: '{"type":"server_error"}', code: 'server_error' },
    });
    expect(readChunk('{"error":{"message":"x","code":42,"status":503}}')).toMatchObject({
      error: { code: '42', status: 503 },
    });
    expect(readChunk('{"error":{"message":"x","code":7}}')).toEqual({
      ok: false,
      error: { kind: 'error_event', message: 'x', code: '7' },
    });
  });

  test('"error": null is a normal chunk', () => {
    expect(readChunk(chunk({ delta: { content: 'a' } }, { error: null }))).toMatchObject({ ok: true });
  });
});

describe('readChunk: malformed payloads', () => {
  test.each([
    ['not JSON', '{"choices":[{"delta":{"content":"a"'],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['empty', ''],
    ['an array', '[1,2]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['a number', '42'],
    ['an object with nothing we know', '{"id":"x","object":"chat.completion.chunk"}'],
    ['choices not an array', '{"choices":"nope"}'],
    ['content not a string', '{"choices":[{"delta":{"content":5}}]}'],
    ['a negative token count', '{"choices":[],"usage":{"prompt_tokens":-1,"completion_tokens":2}}'],
    ['finish_reason not a string', '{"choices":[{"delta":{},"finish_reason":1}]}'],
  ])('%s', (_, data) => {
    const read = readChunk(data);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.kind).toBe('malformed');
      expect(read.error.message).not.toBe('');
    }
  });
});

describe('isDone', () => {
  test('only the [DONE] sentinel, surrounding whitespace allowed', () => {
    expect(['[DONE]', ' [DONE]', '[DONE]\n', '\t[DONE] '].map(isDone)).toEqual([true, true, true, true]);
    expect(['DONE', '[done]', '{"x":"[DONE]"}', '', '[DONE]x'].map(isDone)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
