/**
 * Error replies of OpenAI-compatible servers as typed errors. Bodies differ by server: OpenAI
 * `{"error":{message,type,code}}`, vLLM `{"object":"error",message,code:400}`, llama.cpp
 * `{"error":{code:400,message,type:"exceed_context_size_error"}}`, OpenRouter `{"error":{code:429,…}}`,
 * FastAPI `{"detail":…}`, or an HTML page from a proxy in front of the server.
 */
import { AppError } from '../../shared/errors';
import { readChunk } from '../../shared/llm/chunk';

const DETAIL_MAX = 300;

export interface ErrorInfo {
  /** A short, readable message for the user (never a whole body). */
  message: string;
  code: string | null;
  /** The HTTP status the body itself names (OpenRouter, vLLM), if any. */
  status: number | null;
}

/** The essentials of an error body of any of the shapes above. */
export function readErrorBody(body: string, contentType = ''): ErrorInfo {
  const text = body.trim();
  if (isHtml(text, contentType)) return { message: describeHtml(text), code: null, status: null };
  const read = readChunk(text);
  if (!read.ok && read.error.kind === 'error_event') {
    const { message, code, status } = read.error;
    return { message: clip(message), code: code ?? null, status: status ?? null };
  }
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['detail', 'message', 'msg']) {
      const field = value?.[key];
      if (typeof field === 'string' && field !== '') return { message: clip(field), code: null, status: null };
    }
  } catch {
    // not JSON: the text itself
  }
  return { message: clip(text.replace(/\s+/g, ' ')) || '(empty body)', code: null, status: null };
}

export function isHtml(text: string, contentType = ''): boolean {
  return /text\/html/i.test(contentType) || /^\s*<(!doctype html|html|head|body)\b/i.test(text);
}

/** `HTML page from a proxy: 502 Bad Gateway`: the page's title, never the page. */
export function describeHtml(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = match?.[1]
    ? decodeEntities(match[1].replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  return `HTML page from a proxy: ${title ? clip(title, 120) : 'no title'}`;
}

const CONTEXT_CODES = new Set(['context_length_exceeded', 'exceed_context_size_error', 'context_length']);
const CONTEXT_TEXT =
  /maximum context length|exceeds? the (available )?context size|context (length|window) (exceeded|is exceeded)|range of input length|input length .*exceed|too many tokens in (the )?prompt/i;

export function isContextLength(info: ErrorInfo): boolean {
  return (info.code !== null && CONTEXT_CODES.has(info.code)) || CONTEXT_TEXT.test(info.message);
}

/**
 * A non-2xx, non-3xx reply (or an error object where a completion was expected) as a typed error.
 * 429 is not handled here: see rateLimited, which also needs the Retry-After decision.
 */
export function statusError(status: number, info: ErrorInfo, model?: string): AppError {
  const detail = info.message;
  if (status === 401 || status === 403) {
    return new AppError('endpoint_auth', `HTTP ${status}: ${detail}`, { status });
  }
  if (isContextLength(info)) return new AppError('context_length_exceeded', detail, { detail });
  if (model !== undefined && isModelNotFound(status, info, model)) {
    return new AppError('model_not_found', `HTTP ${status}: ${detail}`, { model });
  }
  if (status >= 400 && status < 500) {
    return new AppError('endpoint_bad_request', `HTTP ${status}: ${detail}`, { status, detail });
  }
  if (status >= 500 && status < 600) {
    return new AppError('endpoint_server_error', `HTTP ${status}: ${detail}`, { status, detail });
  }
  return new AppError('endpoint_bad_response', `HTTP ${status}: ${detail}`, { detail: `HTTP ${status}: ${detail}` });
}

function isModelNotFound(status: number, info: ErrorInfo, model: string): boolean {
  if (info.code === 'model_not_found') return true;
  if (status !== 404) return false;
  return (model !== '' && info.message.includes(model)) || /\bmodel\b/i.test(info.message);
}

/** 429, with the wait the server asked for (seconds, for the message) or our own backoff. */
export function rateLimited(waitMs: number, detail: string): AppError {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('endpoint_rate_limited', `HTTP 429: ${detail}`, { retryAfter });
}

export function redirectError(status: number, location: string | undefined, requestUrl: string): AppError {
  let target = location ?? '(none)';
  try {
    if (location) target = new URL(location, requestUrl).href;
  } catch {
    // keep the raw header
  }
  return new AppError('endpoint_redirect', `HTTP ${status} to ${target}: not followed`, {
    location: clip(target, 200),
  });
}

export function clip(text: string, max = DETAIL_MAX): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}
