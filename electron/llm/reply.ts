/**
 * Reading a 2xx body into what the client returns: a chat reply (an SSE stream, or one JSON
 * completion from a server that ignored `stream: true`) into the accumulator, a model list into
 * its ids. Whatever cannot be read is an `endpoint_bad_response` that names it briefly.
 */
import { AppError } from '../../shared/errors';
import { isDone, readChunk } from '../../shared/llm/chunk';
import { SseParser } from '../../shared/llm/sse';
import type { SseEvent } from '../../shared/llm/sse';
import type { EgressResponse } from '../net/egress';
import type { Accumulator } from './accumulator';
import type { Attempt } from './attempt';
import { failed } from './attempt';
import type { Call } from './call';
import type { ErrorInfo } from './http-errors';
import { clip, describeHtml, isContextLength, isHtml, rateLimited } from './http-errors';

/** A body without any SSE event is kept up to this size to be read as JSON. */
const UNFRAMED_MAX = 8 * 1024 * 1024;

/** A chat reply by its content type; the answer keeps whatever had streamed when it fails. */
export async function readChatReply(call: Call, acc: Accumulator, res: EgressResponse): Promise<Attempt<null>> {
  const type = res.headers['content-type'] ?? '';
  if (/json/i.test(type)) return readWhole(call, acc, res.status);
  if (isHtml('', type)) return failed(badResponse(describeHtml(await call.readError())), false);
  return readStream(call, acc, res);
}

/** `GET /models` → the ids in `data`. */
export function readModelList(text: string, contentType: string): Attempt<string[]> {
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
  return failed(unreadable('no model list', text, contentType), false);
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
      call.drain(chunks);
      break;
    }
    if (outcome) {
      acc.flush();
      return failed(outcome, false);
    }
    if (next.done) break;
    if (acc.started) call.arm('idle');
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
  const body = await call.readAll();
  return body.ok ? fromJson(body.value, acc, status) : body;
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
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return failed(unreadable('neither an event stream nor JSON', body), false);
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

/** A body that is not what was asked for: an HTML page by its title (never the page), else its start. */
function unreadable(what: string, text: string, contentType = ''): AppError {
  const detail = isHtml(text, contentType) ? describeHtml(text) : `${what}: ${clip(text.replace(/\s+/g, ' '), 80)}`;
  return badResponse(detail);
}

function badResponse(detail: string): AppError {
  return new AppError('endpoint_bad_response', detail, { detail });
}
