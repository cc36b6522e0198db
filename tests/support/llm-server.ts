/**
 * A scriptable OpenAI-compatible server for tests: real HTTP (or HTTPS) on 127.0.0.1, a random
 * port. It replays the real recordings in ../shared/fixtures/real/sse byte for byte or re-framed
 * (chunked anywhere, CRLF, comments, `event:` lines, delays) and injects faults (stall, reset,
 * malformed chunk, error statuses, HTML pages). close() destroys every socket: no test can hang on it.
 *
 *   const server = await startLlmServer({ models: ['m'] });
 *   server.script(recording('vercel-ai__xai-text.chunks.txt', { chunking: { seed: 1 } }));
 *   // POST {server.url}/chat/completions → that script; then the default answer again
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import path from 'node:path';
import { load } from 'js-yaml';
import { createChatClient } from '../../electron/llm/client';
import type { ChatClient, ClientConfig } from '../../electron/llm/client';
import { createLimiter } from '../../electron/llm/limiter';
import type { Limiter } from '../../electron/llm/limiter';
import { createEgress } from '../../electron/net/egress';
import type { Egress } from '../../electron/net/egress';
import { FIXTURES } from './temp';
import { mulberry32 } from './random';

export const SSE_DIR = path.join(FIXTURES, 'sse');

export interface ServerRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

export interface Script {
  status?: number;
  headers?: Record<string, string>;
  /** SSE `data:` payloads, one event each. */
  events?: string[];
  /** Append `data: [DONE]` after `events` (default true). */
  done?: boolean;
  /** Exact body bytes (a recorded .body.sse, an HTML page); wins over `events` and `json`. */
  raw?: string | Uint8Array;
  /** A JSON body (content-type application/json). */
  json?: unknown;
  /** How `events` (and a raw SSE body, for lineEnding) are framed. */
  framing?: { lineEnding?: '\n' | '\r\n' | '\r'; comments?: boolean; eventLines?: boolean };
  /** Split the body into writes: at seeded random sizes 1..max (default 64) bytes, or every N bytes. */
  chunking?: { seed: number; max?: number } | { every: number };
  /** Before the status line. */
  headersDelayMs?: number;
  /** After the headers, before the first body byte. */
  firstByteDelayMs?: number;
  /** Between writes (a token rate). */
  chunkDelayMs?: number;
  /**
   * A fixed speed on a clock that does not drift: write i (one event, i.e. one token) goes out
   * at headers + firstTokenMs + i × 1000 / tokensPerSecond. Wins over firstByteDelayMs/chunkDelayMs.
   */
  pace?: { firstTokenMs: number; tokensPerSecond: number };
  /** After `after` writes: stop writing and keep the socket open, send a TCP reset, or just close. */
  fault?: { after: number; kind: 'stall' | 'reset' | 'close' };
  /** Reset the connection instead of answering at all. */
  resetBeforeHeaders?: boolean;
}

export interface LlmServerOptions {
  tls?: { key: string; cert: string };
  /** When set, requests without the right credentials get a 401. */
  apiKey?: string;
  auth?: { header: string; scheme: string };
  /** Listed by GET /v1/models; the default chat answer refuses other models with a 404. */
  models?: string[];
  /** The unscripted chat answer, streamed one character per chunk. */
  answer?: string;
  /** Consulted first for every request; undefined falls through to queued scripts and defaults. */
  handler?: (req: ServerRequest) => Script | undefined;
}

export interface LlmServer {
  /** `http(s)://127.0.0.1:PORT/v1` */
  url: string;
  origin: string;
  port: number;
  requests: ServerRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** Chat responses being written right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Queue scripts for the next POST /v1/chat/completions requests, in order. */
  script(next: Script | Script[]): void;
  close(): Promise<void>;
}

export async function startLlmServer(options: LlmServerOptions = {}): Promise<LlmServer> {
  const models = options.models ?? ['test-model'];
  const queue: Script[] = [];
  const requests: ServerRequest[] = [];
  const sockets = new Set<net.Socket>();
  const waits = new Set<() => void>();
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let closed = false;

  /** A delay that close() cuts short. */
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (!ms || closed) return resolve();
      const done = () => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const record: ServerRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      json: parseJson(body),
    };
    requests.push(record);
    const isChat = record.method === 'POST' && record.path === '/v1/chat/completions';
    const script = authorised(record)
      ? (options.handler?.(record) ?? (isChat ? queue.shift() : undefined) ?? defaults(record))
      : INVALID_KEY;
    if (isChat) {
      // Until the response is finished or its connection closed (a stalled stream counts).
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      let counted = true;
      const finished = () => {
        if (counted) inFlight--;
        counted = false;
      };
      res.once('finish', finished);
      res.once('close', finished);
    }
    await send(res, script, wait);
  };

  const authorised = (req: ServerRequest): boolean => {
    if (options.apiKey === undefined) return true;
    const auth = options.auth ?? { header: 'Authorization', scheme: 'Bearer' };
    const expected = auth.scheme ? `${auth.scheme} ${options.apiKey}` : options.apiKey;
    return req.headers[auth.header.toLowerCase()] === expected;
  };

  const defaults = (req: ServerRequest): Script => {
    if (req.method === 'GET' && req.path === '/v1/models') {
      return {
        json: { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })) },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/chat/completions') {
      const { model, max_tokens: maxTokens } = (req.json ?? {}) as { model?: string; max_tokens?: number };
      if (!model || !models.includes(model)) return modelNotFound(String(model));
      const answer = [...(options.answer ?? '好的。')];
      const cut = maxTokens !== undefined && maxTokens < answer.length;
      return textStream(answer.slice(0, cut ? maxTokens : undefined).join(''), {
        model,
        finishReason: cut ? 'length' : 'stop',
      });
    }
    return { status: 404, json: { error: { message: `no route ${req.method} ${req.path}`, type: 'not_found' } } };
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch(() => res.destroy());
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : http.createServer(onRequest);
  server.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that gives up during the TLS handshake is not the server's problem.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    port,
    requests,
    get connections() {
      return connections;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    script(next) {
      queue.push(...(Array.isArray(next) ? next : [next]));
    },
    async close() {
      closed = true;
      for (const done of [...waits]) done();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function send(res: http.ServerResponse, script: Script, wait: (ms: number) => Promise<void>): Promise<void> {
  if (script.resetBeforeHeaders) return reset(res.socket);
  await wait(script.headersDelayMs ?? 0);
  if (res.destroyed) return;
  const { body, contentType } = bodyOf(script);
  res.writeHead(script.status ?? 200, { 'content-type': contentType, 'cache-control': 'no-cache', ...script.headers });
  res.flushHeaders();
  const started = Date.now();
  if (!script.pace) await wait(script.firstByteDelayMs ?? 0);
  const pieces = split(body, script);
  const pause = async (i: number) => {
    if (!script.pace) return i > 0 ? wait(script.chunkDelayMs ?? 0) : undefined;
    const due = started + script.pace.firstTokenMs + (i * 1000) / script.pace.tokensPerSecond;
    return wait(Math.max(0, due - Date.now()));
  };
  for (let i = 0; i <= pieces.length; i++) {
    if (res.destroyed) return;
    if (script.fault && i === script.fault.after) {
      // Let what was written reach the client first: destroy() drops unflushed writes, and a
      // reset makes the client's kernel discard unread data.
      if (script.fault.kind !== 'stall') await flushed(res, wait);
      if (res.destroyed) return;
      if (script.fault.kind === 'reset') reset(res.socket);
      else if (script.fault.kind === 'close') res.socket?.destroy();
      return; // 'stall': nothing more, the socket stays open
    }
    const piece = pieces[i];
    if (!piece) break;
    await pause(i);
    if (res.destroyed) return;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

async function flushed(res: http.ServerResponse, wait: (ms: number) => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => res.write('', () => resolve()));
  await wait(50);
}

function reset(socket: net.Socket | null): void {
  try {
    socket?.resetAndDestroy();
  } catch {
    socket?.destroy(); // TLS sockets cannot send a bare RST
  }
}

function bodyOf(script: Script): { body: Buffer; contentType: string } {
  const eol = script.framing?.lineEnding ?? '\n';
  if (script.raw !== undefined) {
    if (eol === '\n') return { body: Buffer.from(script.raw), contentType: SSE };
    const text = typeof script.raw === 'string' ? script.raw : Buffer.from(script.raw).toString('utf8');
    return { body: Buffer.from(text.replace(/\r\n|\r|\n/g, eol)), contentType: SSE };
  }
  if (script.json !== undefined) return { body: Buffer.from(JSON.stringify(script.json)), contentType: JSON_TYPE };
  if (script.events === undefined) return { body: Buffer.alloc(0), contentType: JSON_TYPE };
  const data = script.done === false ? script.events : [...script.events, '[DONE]'];
  const framed = data.map((payload, i) => {
    const comment = script.framing?.comments ? `: keep-alive ${i}${eol}` : '';
    const event = script.framing?.eventLines ? `event: message${eol}` : '';
    return `${comment}${event}data: ${payload}${eol}${eol}`;
  });
  return { body: Buffer.from(framed.join('')), contentType: SSE };
}

/** The body as the writes the server makes: per event unless `chunking` says otherwise. */
function split(body: Buffer, script: Script): Buffer[] {
  const chunking = script.chunking;
  const sizes: number[] = [];
  if (!chunking) {
    if (script.raw !== undefined || script.events === undefined) return body.length ? [body] : [];
    // one write per event: cut after each blank line
    const text = body.toString('utf8');
    const eol = script.framing?.lineEnding ?? '\n';
    return text
      .split(eol + eol)
      .filter((part) => part !== '')
      .map((part) => Buffer.from(part + eol + eol));
  }
  const random = 'seed' in chunking ? mulberry32(chunking.seed) : null;
  for (let at = 0; at < body.length;) {
    const size = random
      ? 1 + Math.floor(random() * ((chunking as { max?: number }).max ?? 64))
      : (chunking as { every: number }).every;
    sizes.push(Math.min(size, body.length - at));
    at += size;
  }
  let at = 0;
  return sizes.map((size) => body.subarray(at, (at += size)));
}

const SSE = 'text/event-stream; charset=utf-8';
const JSON_TYPE = 'application/json';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---- The real client against it ----------------------------------------------------------

export interface TestClient {
  client: ChatClient;
  egress: Egress;
  limiter: Limiter;
}

/**
 * The production client, egress and limiter pointed at `server` (its origin is the only one
 * allowed). Short timeouts and retry delays by default, so a failing test fails fast.
 */
export function clientFor(
  server: LlmServer,
  config: Partial<ClientConfig> = {},
  net: { ca?: string[]; allowed?: string[]; concurrency?: number } = {},
): TestClient {
  const egress = createEgress({ allowed: net.allowed ?? [server.origin], ca: net.ca ?? [] });
  const limiter = createLimiter(net.concurrency ?? 4);
  const client = createChatClient(
    {
      baseUrl: server.url,
      auth: { header: 'Authorization', scheme: 'Bearer' },
      headers: {},
      temperature: 0.3,
      maxTokens: 1024,
      streamUsage: true,
      timeouts: { connectMs: 2000, firstTokenMs: 2000, idleMs: 2000 },
      retries: { max: 2, baseDelayMs: 5, maxDelayMs: 200 },
      ...config,
    },
    egress,
    limiter,
  );
  return { client, egress, limiter };
}

// ---- Recordings ----------------------------------------------------------------------------

/** A `*.chunks.txt` recording: one JSON payload per line. */
export function chunkLines(file: string): string[] {
  return fs
    .readFileSync(path.join(SSE_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

/** Replays a recording: `.chunks.txt` as events, `.body.sse` as raw bytes, `.json` as a 400. */
export function recording(file: string, extra: Partial<Script> = {}): Script {
  if (file.endsWith('.chunks.txt')) return { events: chunkLines(file), ...extra };
  if (file.endsWith('.sse')) return { raw: fs.readFileSync(path.join(SSE_DIR, file)), ...extra };
  if (file.endsWith('.json')) {
    return { status: 400, json: JSON.parse(fs.readFileSync(path.join(SSE_DIR, file), 'utf8')), ...extra };
  }
  if (file.endsWith('.yaml')) return cassette(file, 0, extra);
  throw new Error(`unknown recording type: ${file}`);
}

interface Cassette {
  interactions: {
    response: {
      status: { code: number };
      headers: Record<string, string[]>;
      body?: { string: string };
      parsed_body?: unknown;
    };
  }[];
}

/** One response of a VCR cassette: its status, content type and body (raw string or parsed_body). */
export function cassette(file: string, index = 0, extra: Partial<Script> = {}): Script {
  const doc = load(fs.readFileSync(path.join(SSE_DIR, file), 'utf8')) as Cassette;
  const response = doc.interactions[index]?.response;
  if (!response) throw new Error(`${file} has no interaction ${index}`);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'retry-after']) {
    const value = response.headers[name]?.[0];
    if (value !== undefined) headers[name] = value;
  }
  const body = response.body?.string !== undefined ? { raw: response.body.string } : { json: response.parsed_body };
  return { status: response.status.code, headers, ...body, ...extra };
}

/** The text a `.chunks.txt` recording streams as content and as reasoning, read from the file. */
export function recordedText(lines: string[]): { content: string; reasoning: string } {
  let content = '';
  let reasoning = '';
  for (const line of lines) {
    const chunk = JSON.parse(line) as {
      choices?: { delta?: { content?: string | null; reasoning_content?: string | null } }[];
    };
    const delta = chunk.choices?.[0]?.delta;
    content += delta?.content ?? '';
    reasoning += delta?.reasoning_content ?? '';
  }
  return { content, reasoning };
}

/** The usage of the last chunk that carries one, in Wenshu's shape. */
export function recordedUsage(lines: string[]): { promptTokens: number; completionTokens: number } | null {
  let usage: { promptTokens: number; completionTokens: number } | null = null;
  type Recorded = {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens?: number;
    completion_tokens_details?: { reasoning_tokens?: number };
  };
  for (const line of lines) {
    const u = (JSON.parse(line) as { usage?: Recorded | null }).usage;
    if (!u) continue;
    // xAI reports reasoning beside completion_tokens (2 completion, 340 reasoning, 354 total for a
    // 12-token prompt); Wenshu counts all generated tokens as completion: total − prompt.
    const reasoning = u.completion_tokens_details?.reasoning_tokens ?? 0;
    const completion =
      reasoning > u.completion_tokens && u.total_tokens !== undefined
        ? u.total_tokens - u.prompt_tokens
        : u.completion_tokens;
    usage = { promptTokens: u.prompt_tokens, completionTokens: completion };
  }
  return usage;
}

/** The `data:` payloads of a raw SSE body (for computing what a `.body.sse` recording says). */
export function sseDataLines(raw: string): string[] {
  return raw
    .split(/\r\n|\r|\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .filter((data) => data !== '[DONE]');
}

// ---- Synthetic answers and faults -----------------------------------------------------------

export interface TextStreamOptions {
  model?: string;
  /** Characters per chunk (default 1). */
  per?: number;
  reasoning?: string;
  finishReason?: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/** A well-formed stream of `answer` (after `reasoning`, if any), with a finish chunk and usage. */
export function textStream(answer: string, opts: TextStreamOptions = {}): Script {
  return { events: textEvents(answer, opts) };
}

export function textEvents(answer: string, opts: TextStreamOptions = {}): string[] {
  const model = opts.model ?? 'test-model';
  const per = opts.per ?? 1;
  const chunk = (delta: object, finish: string | null = null, usage: object | null = null) =>
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...(usage && { usage }),
    });
  const pieces = (text: string) => {
    const chars = [...text];
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
    return out;
  };
  const events = [chunk({ role: 'assistant', content: '' })];
  for (const piece of pieces(opts.reasoning ?? '')) events.push(chunk({ reasoning_content: piece }));
  for (const piece of pieces(answer)) events.push(chunk({ content: piece }));
  if (opts.finishReason !== null) events.push(chunk({}, opts.finishReason ?? 'stop'));
  const usage = opts.usage === undefined ? { prompt_tokens: 10, completion_tokens: [...answer].length } : opts.usage;
  if (usage) {
    events.push(JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', model, choices: [], usage }));
  }
  return events;
}

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

/** `chars` characters of Chinese prose, the same every time (a very long answer). */
export function longChinese(chars: number, seed = 7): string {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (let i = 1; i <= chars; i++) {
    out.push(i % 37 === 0 ? '。' : i % 11 === 0 ? '，' : HAN[Math.floor(random() * HAN.length)]!);
  }
  return out.join('');
}

const INVALID_KEY: Script = {
  status: 401,
  json: {
    error: {
      message: 'Incorrect API key provided.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  },
};

/** vLLM's reply for a model it does not serve. */
export function modelNotFound(model: string): Script {
  return {
    status: 404,
    json: {
      object: 'error',
      message: `The model \`${model}\` does not exist.`,
      type: 'NotFoundError',
      param: null,
      code: 404,
    },
  };
}

/** vLLM (OpenAI server) when the prompt plus max_tokens exceed the context window. */
export function vllmContext400(limit = 32768, requested = 40000): Script {
  return {
    status: 400,
    json: {
      object: 'error',
      message: `This model's maximum context length is ${limit} tokens. However, you requested ${requested} tokens (${requested - 1000} in the messages, 1000 in the completion). Please reduce the length of the messages or completion.`,
      type: 'BadRequestError',
      param: null,
      code: 400,
    },
  };
}

/** llama.cpp server (b4000+) for the same. */
export function llamaCppContext400(prompt = 9000, ctx = 8192): Script {
  return {
    status: 400,
    json: {
      error: {
        code: 400,
        message: 'the request exceeds the available context size, try increasing it',
        type: 'exceed_context_size_error',
        n_prompt_tokens: prompt,
        n_ctx: ctx,
      },
    },
  };
}

/** nginx in front of a model server that is down. */
export function nginx502(): Script {
  return {
    status: 502,
    headers: { 'content-type': 'text/html', server: 'nginx/1.24.0' },
    raw: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n',
  };
}

export function status(code: number, json: unknown, headers: Record<string, string> = {}): Script {
  return { status: code, json, headers };
}
