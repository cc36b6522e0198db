/**
 * OpenAI-compatible chat client: `POST {baseUrl}/chat/completions` streamed as SSE, and
 * `GET {baseUrl}/models`. All traffic goes through the egress (allow-list, CAs) and the
 * endpoint's limiter. A chat never throws: failures are values that keep the partial answer.
 * Here: the requests and the retry loop; one exchange is a Call (call.ts), its body is read by
 * reply.ts into an Accumulator (accumulator.ts).
 */
import type { ChatDelta, ChatMessage, ChatOutcome } from '../../shared/llm/types';
import type { Egress, EgressResponse } from '../net/egress';
import { Accumulator } from './accumulator';
import type { Attempt } from './attempt';
import { asAppError, failed } from './attempt';
import { Call } from './call';
import { rateLimited, readErrorBody, redirectError, statusError } from './http-errors';
import type { Limiter } from './limiter';
import { readChatReply, readModelList } from './reply';
import { backoffMs, isRetryable, parseRetryAfter, retryDelay, sleep } from './retry';

export interface ClientConfig {
  /** Includes /v1. */
  baseUrl: string;
  apiKey?: string;
  /** `scheme: ''` sends the key alone. null: the endpoint takes no key. */
  auth: { header: string; scheme: string } | null;
  /** Extra headers from policy. */
  headers: Record<string, string>;
  temperature: number;
  maxTokens: number;
  streamUsage: boolean;
  timeouts: { connectMs: number; firstTokenMs: number; idleMs: number };
  retries: { max: number; baseDelayMs: number; maxDelayMs: number };
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** OpenAI `response_format` (e.g. a JSON Schema for structured output), sent as given. */
  responseFormat?: unknown;
  signal?: AbortSignal;
  onDelta?: (delta: ChatDelta) => void;
}

export interface ChatClient {
  /** Never throws: errors are values and keep what had streamed. */
  chat(req: ChatRequest): Promise<ChatOutcome>;
  /** `GET {baseUrl}/models` → the ids in `data`; throws AppError. */
  listModels(signal?: AbortSignal): Promise<string[]>;
}

export function createChatClient(config: ClientConfig, egress: Egress, limiter: Limiter): ChatClient {
  const base = config.baseUrl.replace(/\/+$/, '');
  const { timeouts } = config;

  const headers = (accept: string): Record<string, string> => {
    const out: Record<string, string> = { ...config.headers, accept };
    if (config.auth && config.apiKey) {
      out[config.auth.header] = config.auth.scheme ? `${config.auth.scheme} ${config.apiKey}` : config.apiKey;
    }
    return out;
  };

  const chatBody = (req: ChatRequest): string =>
    JSON.stringify({
      model: req.model,
      messages: req.messages,
      stream: true,
      ...(config.streamUsage && { stream_options: { include_usage: true } }),
      temperature: req.temperature ?? config.temperature,
      max_tokens: req.maxTokens ?? config.maxTokens,
      ...(req.responseFormat !== undefined && { response_format: req.responseFormat }),
    });

  /** Each attempt holds a limiter slot; the wait before a retry does not. */
  async function withRetries<T>(
    signal: AbortSignal | undefined,
    delivered: () => boolean,
    run: (attempt: number) => Promise<Attempt<T>>,
  ): Promise<Attempt<T>> {
    for (let attempt = 0; ; attempt++) {
      let out: Attempt<T>;
      try {
        out = await limiter.run(() => run(attempt), signal);
      } catch (err) {
        return failed(asAppError(err), true);
      }
      if (out.ok || delivered() || !isRetryable(out.error.toData(), out.beforeResponse)) return out;
      const delay = retryDelay(attempt, config.retries, out.retryAfterMs);
      if (delay === null) return out;
      try {
        await sleep(delay, signal);
      } catch (err) {
        return failed(asAppError(err), true);
      }
    }
  }

  /** A 3xx/4xx/5xx reply as a failed attempt (reads the body for the message). */
  async function failure(call: Call, res: EgressResponse, url: string, attempt: number, model?: string) {
    if (res.status >= 300 && res.status < 400) {
      return failed(redirectError(res.status, res.headers.location, url), false);
    }
    const text = await call.readError();
    if (call.stopped?.code === 'cancelled') return failed(call.stopped, false);
    const info = readErrorBody(text, res.headers['content-type']);
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    if (res.status === 429) {
      return failed(rateLimited(retryAfterMs ?? backoffMs(attempt, config.retries), info.message), false, retryAfterMs);
    }
    return failed(statusError(res.status, info, model), false, retryAfterMs);
  }

  async function chatOnce(req: ChatRequest, acc: Accumulator, attempt: number): Promise<Attempt<null>> {
    const url = `${base}/chat/completions`;
    const call = new Call(req.signal, timeouts);
    acc.onFirst = () => call.arm('idle');
    try {
      const request = {
        method: 'POST' as const,
        headers: { ...headers('text/event-stream'), 'content-type': 'application/json' },
        body: chatBody(req),
      };
      const sent = await call.send(egress, url, request, 'first_token');
      if (!sent.ok) return sent;
      const res = sent.value;
      if (res.status < 200 || res.status >= 300) return await failure(call, res, url, attempt, req.model);
      return await readChatReply(call, acc, res);
    } finally {
      call.end();
    }
  }

  async function chat(req: ChatRequest): Promise<ChatOutcome> {
    const delivered = { value: false };
    let acc = new Accumulator(req.onDelta, delivered);
    try {
      const out = await withRetries(
        req.signal,
        () => delivered.value,
        // Each attempt starts from nothing; the result is the last attempt's.
        (attempt) => chatOnce(req, (acc = new Accumulator(req.onDelta, delivered)), attempt),
      );
      const result = acc.result(req.model);
      return out.ok ? { ok: true, value: result } : { ok: false, error: out.error.toData(), partial: result };
    } catch (err) {
      return { ok: false, error: asAppError(err).toData(), partial: acc.result(req.model) };
    }
  }

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    const url = `${base}/models`;
    const out = await withRetries(
      signal,
      () => false,
      async (attempt): Promise<Attempt<string[]>> => {
        const call = new Call(signal, timeouts);
        try {
          const sent = await call.send(
            egress,
            url,
            { method: 'GET', headers: headers('application/json') },
            'response',
          );
          if (!sent.ok) return sent;
          const res = sent.value;
          if (res.status < 200 || res.status >= 300) return await failure(call, res, url, attempt);
          const body = await call.readAll();
          return body.ok ? readModelList(body.value, res.headers['content-type'] ?? '') : body;
        } finally {
          call.end();
        }
      },
    );
    if (!out.ok) throw out.error;
    return out.value;
  }

  return { chat, listModels };
}
