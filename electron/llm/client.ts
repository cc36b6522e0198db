/**
 * OpenAI-compatible chat client: `POST {baseUrl}/chat/completions` streamed as SSE, and
 * `GET {baseUrl}/models`. All traffic goes through the egress (allow-list, CAs) and the
 * endpoint's limiter. A chat never throws: failures are values that keep the partial answer.
 */
import { AppError } from '../../shared/errors';
import type { ChunkParts } from '../../shared/llm/chunk';
import { isDone, readChunk } from '../../shared/llm/chunk';
import { SseParser } from '../../shared/llm/sse';
import type { SseEvent } from '../../shared/llm/sse';
import { ThinkSplitter } from '../../shared/llm/think';
import type { ChatDelta, ChatMessage, ChatOutcome, ChatResult, ChatUsage, FinishReason } from '../../shared/llm/types';
import type { Egress, EgressResponse } from '../net/egress';
import type { ErrorInfo } from './http-errors';
import {
  clip,
  describeHtml,
  isContextLength,
  isHtml,
  rateLimited,
  readErrorBody,
  redirectError,
  statusError,
} from './http-errors';
import type { Limiter } from './limiter';
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
  signal?: AbortSignal;
  onDelta?: (delta: ChatDelta) => void;
}

export interface ChatClient {
  /** Never throws: errors are values and keep what had streamed. */
  chat(req: ChatRequest): Promise<ChatOutcome>;
  /** `GET {baseUrl}/models` → the ids in `data`; throws AppError. */
  listModels(signal?: AbortSignal): Promise<string[]>;
}

/** Error bodies are read up to this size: enough for any message, not for a runaway page. */
const ERROR_BODY_MAX = 64 * 1024;
/** A body without any SSE event is kept up to this size to be read as JSON. */
const UNFRAMED_MAX = 8 * 1024 * 1024;
/** After `[DONE]`, the rest of the body may take this long before the socket is dropped. */
const DRAIN_MS = 1000;

type Attempt<T> =
  { ok: true; value: T } | { ok: false; error: AppError; beforeResponse: boolean; retryAfterMs: number | null };

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
        return { ok: false, error: asAppError(err), beforeResponse: true, retryAfterMs: null };
      }
      if (out.ok || delivered() || !isRetryable(out.error.toData(), out.beforeResponse)) return out;
      const delay = retryDelay(attempt, config.retries, out.retryAfterMs);
      if (delay === null) return out;
      try {
        await sleep(delay, signal);
      } catch (err) {
        return { ok: false, error: asAppError(err), beforeResponse: true, retryAfterMs: null };
      }
    }
  }

  /** A 3xx/4xx/5xx reply as a failed attempt (reads the body for the message). */
  async function failure(call: Call, res: EgressResponse, url: string, attempt: number, model?: string) {
    if (res.status >= 300 && res.status < 400) {
      return failed(redirectError(res.status, res.headers.location, url), false);
    }
    const text = await call.readText(ERROR_BODY_MAX, timeouts.idleMs).catch(() => '');
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
    const call = new Call(req.signal);
    const body = JSON.stringify({
      model: req.model,
      messages: req.messages,
      stream: true,
      ...(config.streamUsage && { stream_options: { include_usage: true } }),
      temperature: req.temperature ?? config.temperature,
      max_tokens: req.maxTokens ?? config.maxTokens,
    });
    acc.onFirst = () => call.arm('idle', timeouts.idleMs);
    try {
      try {
        call.response = await egress.request(url, {
          method: 'POST',
          headers: { ...headers('text/event-stream'), 'content-type': 'application/json' },
          body,
          signal: call.signal,
          connectTimeoutMs: timeouts.connectMs,
          onRequestSent: () => {
            if (!call.response) call.arm('first_token', timeouts.firstTokenMs);
          },
        });
      } catch (err) {
        return failed(call.error(err), true);
      }
      const res = call.response;
      if (res.status < 200 || res.status >= 300) return await failure(call, res, url, attempt, req.model);
      const type = res.headers['content-type'] ?? '';
      if (/json/i.test(type)) return await readWhole(call, acc, res.status);
      if (isHtml('', type)) {
        const text = await call.readText(ERROR_BODY_MAX, timeouts.idleMs).catch(() => '');
        return failed(badResponse(describeHtml(text)), false);
      }
      return await readStream(call, acc, res);
    } finally {
      call.end();
    }
  }

  /** The SSE body: deltas as they come; success needs a finish_reason or `[DONE]`. */
  async function readStream(call: Call, acc: Accumulator, res: EgressResponse): Promise<Attempt<null>> {
    const decoder = new TextDecoder('utf-8');
    const parser = new SseParser();
    const chunks = res.body[Symbol.asyncIterator]();
    /** The body while no event has been seen: it may be JSON or HTML sent with the wrong type. */
    let unframed: string | null = '';
    const take = (text: string, events: SseEvent[]): AppError | 'done' | null => {
      if (events.length > 0) unframed = null;
      else if (unframed !== null) unframed = unframed.length < UNFRAMED_MAX ? unframed + text : null;
      for (const event of events) {
        const outcome = onEvent(event, acc, res.status);
        if (outcome) return outcome;
      }
      return null;
    };
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (err) {
        acc.flush();
        return failed(call.error(err), false);
      }
      if (call.stopped) {
        acc.flush();
        return failed(call.stopped, false);
      }
      const text = next.done ? decoder.decode() : decoder.decode(next.value, { stream: true });
      const outcome = take(text, next.done ? [...parser.push(text), ...parser.end()] : parser.push(text));
      if (outcome === 'done') {
        call.keep();
        drain(chunks, res);
        break;
      }
      if (outcome) {
        acc.flush();
        return failed(outcome, false);
      }
      if (next.done) break;
      if (acc.started) call.arm('idle', timeouts.idleMs);
    }
    if (unframed !== null && /^\s*[{<]/.test(unframed)) return fromJson(unframed, acc, res.status);
    acc.flush();
    if (acc.doneSeen || acc.finishReason !== null) return { ok: true, value: null };
    return failed(
      new AppError('stream_interrupted', 'the stream ended without a finish_reason or [DONE]', {
        detail: 'the stream ended early',
      }),
      false,
    );
  }

  /** A server that ignored `stream: true` and sent one `chat.completion` object. */
  async function readWhole(call: Call, acc: Accumulator, status: number): Promise<Attempt<null>> {
    let text: string;
    try {
      text = await call.readText(Number.POSITIVE_INFINITY, timeouts.idleMs);
    } catch (err) {
      return failed(call.error(err), false);
    }
    call.keep();
    return fromJson(text, acc, status);
  }

  async function chat(req: ChatRequest): Promise<ChatOutcome> {
    const delivered = { value: false };
    let acc = new Accumulator(req.onDelta, delivered);
    try {
      const out = await withRetries(
        req.signal,
        () => delivered.value,
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
        const call = new Call(signal);
        try {
          call.arm('response', timeouts.firstTokenMs);
          try {
            call.response = await egress.request(url, {
              method: 'GET',
              headers: headers('application/json'),
              signal: call.signal,
              connectTimeoutMs: timeouts.connectMs,
            });
          } catch (err) {
            return failed(call.error(err), true);
          }
          const res = call.response;
          if (res.status < 200 || res.status >= 300) return await failure(call, res, url, attempt);
          let text: string;
          try {
            text = await call.readText(Number.POSITIVE_INFINITY, timeouts.idleMs);
          } catch (err) {
            return failed(call.error(err), false);
          }
          call.keep();
          return readModelList(text, res.headers['content-type'] ?? '');
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

/** One SSE event into the accumulator: null to go on, 'done', or the error that ends the stream. */
function onEvent(event: SseEvent, acc: Accumulator, status: number): AppError | 'done' | null {
  if (isDone(event.data)) {
    acc.doneSeen = true;
    return 'done';
  }
  const read = readChunk(event.data);
  if (read.ok) {
    acc.take(read.parts);
    return null;
  }
  if (read.error.kind === 'malformed') {
    if (event.event === 'error') {
      const detail = clip(event.data);
      return new AppError('endpoint_server_error', `error event: ${detail}`, { status, detail });
    }
    // A server's own named events (pings, metadata) are not the chat's: skipped.
    if (event.event !== 'message') return null;
    return badResponse(`malformed chunk: ${clip(read.error.message, 120)}`);
  }
  const info: ErrorInfo = {
    message: clip(read.error.message),
    code: read.error.code ?? null,
    status: read.error.status ?? null,
  };
  if (isContextLength(info)) return new AppError('context_length_exceeded', info.message, { detail: info.message });
  if (info.status === 429) return rateLimited(0, info.message);
  const code = info.status ?? status;
  return new AppError('endpoint_server_error', `error event: ${info.message}`, { status: code, detail: info.message });
}

/** A whole body that should be a `chat.completion` (or an error object). */
function fromJson(text: string, acc: Accumulator, status: number): Attempt<null> {
  const body = text.trim();
  if (isHtml(body)) return failed(badResponse(describeHtml(body)), false);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return failed(badResponse(`neither an event stream nor JSON: ${clip(body.replace(/\s+/g, ' '), 80)}`), false);
  }
  const error = onEvent({ event: 'message', data: JSON.stringify(asDeltas(value)) }, acc, status);
  acc.flush();
  if (error && error !== 'done') return failed(error, false);
  return { ok: true, value: null };
}

/** `{choices:[{message}]}` → `{choices:[{delta}]}`, so one reader serves both shapes. */
function asDeltas(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('choices' in value) || !Array.isArray(value.choices)) {
    return value;
  }
  const choices = value.choices.map((choice: unknown) =>
    typeof choice === 'object' && choice !== null && 'message' in choice
      ? { ...choice, delta: choice.message }
      : choice,
  );
  return { ...value, choices };
}

function readModelList(text: string, contentType: string): Attempt<string[]> {
  try {
    const value = JSON.parse(text) as { data?: unknown };
    if (Array.isArray(value.data)) {
      const ids = value.data
        .map((m: unknown) => (typeof m === 'object' && m !== null && 'id' in m ? m.id : undefined))
        .filter((id): id is string => typeof id === 'string');
      return { ok: true, value: ids };
    }
  } catch {
    // reported below
  }
  const detail = isHtml(text, contentType)
    ? describeHtml(text)
    : `no model list: ${clip(text.replace(/\s+/g, ' '), 80)}`;
  return failed(badResponse(detail), false);
}

/** Everything received so far, and the deltas passed on to the caller as they come. */
class Accumulator {
  answer = '';
  reasoning = '';
  finishReason: FinishReason | null = null;
  usage: ChatUsage | null = null;
  model: string | null = null;
  started = false;
  doneSeen = false;
  onFirst: () => void = () => {};
  private readonly splitter = new ThinkSplitter();

  constructor(
    private readonly onDelta: ((delta: ChatDelta) => void) | undefined,
    private readonly delivered: { value: boolean },
  ) {}

  take(parts: ChunkParts): void {
    if (parts.model && this.model === null) this.model = parts.model;
    if (parts.reasoning) this.emit({ kind: 'reasoning', text: parts.reasoning });
    if (parts.content) for (const delta of this.splitter.push(parts.content)) this.emit(delta);
    if (parts.finishReason) this.finishReason = parts.finishReason;
    if (parts.usage) this.usage = parts.usage;
  }

  /** End of content: text the think-splitter held back is released. */
  flush(): void {
    for (const delta of this.splitter.end()) this.emit(delta);
  }

  result(requested: string): ChatResult {
    return {
      answer: this.answer,
      reasoning: this.reasoning,
      finishReason: this.finishReason,
      model: this.model ?? requested,
      usage: this.usage,
    };
  }

  private emit(delta: ChatDelta): void {
    if (delta.kind === 'retract') [this.reasoning, this.answer] = [this.reasoning + this.answer, ''];
    else if (delta.kind === 'answer') this.answer += delta.text;
    else this.reasoning += delta.text;
    this.delivered.value = true;
    if (!this.started) {
      this.started = true;
      this.onFirst();
    }
    this.onDelta?.(delta);
  }
}

/**
 * One HTTP exchange: its abort controller, the single timer (first token, then idle) and the
 * reason it was stopped, which wins over whatever error the aborted I/O reports.
 */
class Call {
  private readonly ctl = new AbortController();
  stopped: AppError | null = null;
  response: EgressResponse | null = null;
  private timer: NodeJS.Timeout | undefined;
  private kept = false;
  private readonly onCancel = () => this.halt(new AppError('cancelled', 'cancelled'));

  constructor(private readonly outer: AbortSignal | undefined) {
    if (outer?.aborted) this.onCancel();
    else outer?.addEventListener('abort', this.onCancel, { once: true });
  }

  get signal(): AbortSignal {
    return this.ctl.signal;
  }

  halt(err: AppError): void {
    if (this.stopped) return;
    this.stopped = err;
    clearTimeout(this.timer);
    this.ctl.abort();
    this.response?.destroy();
  }

  arm(phase: string, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.halt(new AppError('endpoint_timeout', `no data for ${ms} ms (${phase})`, { phase, ms })),
      ms,
    );
  }

  error(err: unknown): AppError {
    return this.stopped ?? asAppError(err);
  }

  /** The response was read to its end (or is being drained): leave its socket to the pool. */
  keep(): void {
    this.kept = true;
  }

  end(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onCancel);
    if (!this.kept) this.response?.destroy();
  }

  /** The body as text, up to `limit` characters, re-arming the idle timer per chunk. */
  async readText(limit: number, idleMs: number): Promise<string> {
    if (!this.response) return '';
    const decoder = new TextDecoder('utf-8');
    let text = '';
    this.arm('idle', idleMs);
    for await (const chunk of this.response.body) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length >= limit) return text.slice(0, limit);
      this.arm('idle', idleMs);
    }
    if (this.stopped) throw this.stopped;
    return text + decoder.decode();
  }
}

/** Reads what follows `[DONE]` in the background so a keep-alive socket can be reused. */
function drain(chunks: AsyncIterator<Uint8Array>, res: EgressResponse): void {
  const timer = setTimeout(() => res.destroy(), DRAIN_MS);
  timer.unref();
  void (async () => {
    try {
      while (!(await chunks.next()).done);
    } catch {
      // the answer is complete; a broken tail does not matter
    } finally {
      clearTimeout(timer);
    }
  })();
}

function failed(error: AppError, beforeResponse: boolean, retryAfterMs: number | null = null) {
  return { ok: false as const, error, beforeResponse, retryAfterMs };
}

function badResponse(detail: string): AppError {
  return new AppError('endpoint_bad_response', detail, { detail });
}

function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', err instanceof Error ? err.message : String(err));
}
