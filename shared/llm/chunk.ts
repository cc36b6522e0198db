/**
 * One SSE `data:` payload of an OpenAI-compatible `chat.completion.chunk`, reduced to what Wenshu
 * uses. Schemas are loose (servers add their own keys: DeepSeek's prompt_cache_*, xAI's
 * cost_in_usd_ticks) but the fields read must have the expected types.
 */
import { z } from 'zod';
import type { ChatUsage, FinishReason } from './types';

export interface ChunkParts {
  content: string;
  reasoning: string;
  finishReason: FinishReason | null;
  usage: ChatUsage | null;
  model: string | null;
  /** The delta carried tool_calls (Wenshu sends no tools; the client reports it, never runs it). */
  toolCalls: boolean;
}

export type ChunkRead =
  | { ok: true; parts: ChunkParts }
  | { ok: false; error: { kind: 'malformed' | 'error_event'; message: string; code?: string; status?: number } };

const text = z.string().nullish();
const count = z.number().nonnegative().nullish();

const Delta = z.looseObject({
  content: text,
  reasoning_content: text,
  /** Some vLLM and OpenRouter versions name it `reasoning`. */
  reasoning: text,
  tool_calls: z.array(z.unknown()).nullish(),
  function_call: z.unknown().optional(),
});

const Choice = z.looseObject({ delta: Delta.nullish(), finish_reason: z.string().nullish() });

const Usage = z.looseObject({
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  completion_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
});

const Chunk = z.looseObject({
  choices: z.array(Choice).nullish(),
  usage: Usage.nullish(),
  model: z.string().nullish(),
});

/** `{"error": ...}` sent instead of a chunk (vLLM, OpenRouter, llama.cpp mid-stream). */
const ErrorBody = z.looseObject({
  message: z.unknown().optional(),
  code: z.unknown().optional(),
  status: z.unknown().optional(),
  type: z.unknown().optional(),
  /** Some servers nest the OpenAI error object once more: {"error":{"error":{...}}}. */
  error: z.unknown().optional(),
});

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  eos: 'stop',
  eos_token: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls', // the legacy name of the same thing
  content_filter: 'content_filter',
};

export const isDone = (data: string): boolean => data.trim() === '[DONE]';

export function readChunk(data: string): ChunkRead {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return malformed('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed('not a JSON object');
  if ('error' in value && value.error != null) return errorEvent(value.error);
  // Old vLLM sent the OpenAI error object itself: {"object":"error","message":...}.
  if ('object' in value && value.object === 'error') return errorEvent(value);
  if (!('choices' in value) && !('usage' in value)) return malformed('no choices, usage or error');

  const parsed = Chunk.safeParse(value);
  if (!parsed.success) return malformed(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { choices, usage, model } = parsed.data;
  const choice = choices?.[0];
  const delta = choice?.delta;
  const reason = choice?.finish_reason;
  return {
    ok: true,
    parts: {
      content: delta?.content ?? '',
      reasoning: delta?.reasoning_content || delta?.reasoning || '',
      finishReason: reason == null ? null : (FINISH[reason] ?? 'unknown'),
      usage: usage ? readUsage(usage) : null,
      model: model ?? null,
      toolCalls: (delta?.tool_calls?.length ?? 0) > 0 || delta?.function_call != null,
    },
  };
}

function readUsage(usage: z.infer<typeof Usage>): ChatUsage | null {
  if (usage.prompt_tokens == null && usage.completion_tokens == null) return null;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  const prompt = usage.prompt_tokens ?? 0;
  let completion = usage.completion_tokens ?? 0;
  // xAI counts reasoning outside completion_tokens; the total still holds it. Wenshu's usage always
  // includes reasoning in completionTokens (what the endpoint generated).
  if (reasoning != null && reasoning > completion && usage.total_tokens != null) {
    completion = usage.total_tokens - prompt;
  }
  return {
    promptTokens: Math.round(prompt),
    completionTokens: Math.round(completion),
    ...(reasoning != null && { reasoningTokens: Math.round(reasoning) }),
  };
}

function malformed(message: string): ChunkRead {
  return { ok: false, error: { kind: 'malformed', message } };
}

function errorEvent(raw: unknown): ChunkRead {
  if (typeof raw === 'string') return { ok: false, error: { kind: 'error_event', message: raw } };
  const parsed = ErrorBody.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { kind: 'error_event', message: JSON.stringify(raw) } };
  let body = parsed.data;
  const inner = ErrorBody.safeParse(body.error);
  if (inner.success && typeof inner.data.message === 'string') body = inner.data;
  const { message, code, status, type } = body;
  const error: { kind: 'error_event'; message: string; code?: string; status?: number } = {
    kind: 'error_event',
    message: typeof message === 'string' && message !== '' ? message : JSON.stringify(raw),
  };
  // OpenAI-style codes are strings ("context_length_exceeded"); vLLM, llama.cpp and OpenRouter put
  // the HTTP status there as a number, which is then also the status.
  if (typeof code === 'string' && code !== '') error.code = code;
  else if (typeof code === 'number') error.code = String(code);
  else if (typeof type === 'string' && type !== '') error.code = type;
  const httpStatus = typeof status === 'number' ? status : typeof code === 'number' ? code : undefined;
  if (httpStatus !== undefined && Number.isInteger(httpStatus) && httpStatus >= 100 && httpStatus <= 599) {
    error.status = httpStatus;
  }
  return { ok: false, error };
}
