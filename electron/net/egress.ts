/**
 * The only module that opens network connections (docs/architecture.md, "Network boundary").
 * Every method first checks the URL against the policy's allow-list, so nothing else can be
 * reached: not another host, not another port, not plain http beyond loopback. Redirects are never
 * followed (node:http does not), and the policy's CAs are trusted besides Node's own roots.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { AppError } from '../../shared/errors';
import { NOT_LOOPBACK, cancelled, connectTimeout, netError } from './net-errors';
import { describeTarget, hostOf, isLoopback, normaliseOrigin, originOf, portOf } from './origin';

export { normaliseOrigin } from './origin';

export interface EgressOptions {
  /** Origins such as `https://host:port` (normalised here, so `https://Host/v1` works too). */
  allowed: string[];
  /** Extra PEM trust anchors, added to Node's default roots. */
  ca: string[];
}

export interface EgressResponse {
  status: number;
  /** Lower-cased names; repeated headers joined. */
  headers: Record<string, string | undefined>;
  /** Throws AppError: `stream_interrupted` when the peer breaks off, `cancelled` on abort. */
  body: AsyncIterable<Uint8Array>;
  destroy(): void;
}

export interface EgressRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  connectTimeoutMs: number;
  /** Called once the request is on the wire: the client's first-token clock starts here. */
  onRequestSent?: () => void;
}

export interface Egress {
  assertAllowed(url: string): URL;
  /** Resolves when the response headers arrive. */
  request(url: string, init: EgressRequest): Promise<EgressResponse>;
  /** DNS addresses of the host (for `wenshu doctor`). */
  resolve(url: string): Promise<string[]>;
  /** A TCP connection, closed again at once. */
  connect(url: string, timeoutMs: number): Promise<void>;
  /** A TLS handshake with the policy's CAs; for http: URLs `{protocol: 'none', subject: ''}`. */
  handshake(url: string, timeoutMs: number): Promise<{ protocol: string; subject: string }>;
  /** Closes pooled keep-alive connections (when the policy changes or the app quits). */
  close(): void;
}

export function createEgress(options: EgressOptions): Egress {
  const allowed = new Set(options.allowed.map(tryNormalise).filter((o): o is string => o !== null));
  // Without extra CAs, leave `ca` unset so Node uses its roots (and --use-openssl-ca, if set).
  const ca = options.ca.length > 0 ? [...tls.rootCertificates, ...options.ca] : undefined;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 256, ca });

  function assertAllowed(url: string): URL {
    const target = describeTarget(url);
    const refuse = (why: string): never => {
      throw new AppError('endpoint_not_allowed', `refused ${target}: ${why}`, { target });
    };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse('not a URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') refuse(`scheme ${parsed.protocol}`);
    if (parsed.username || parsed.password) refuse('credentials in the URL');
    if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) refuse('plain http beyond loopback');
    if (!allowed.has(originOf(parsed))) refuse('origin not in the policy');
    return parsed;
  }

  function request(url: string, init: EgressRequest): Promise<EgressResponse> {
    const target = assertAllowed(url);
    const origin = originOf(target);
    const secure = target.protocol === 'https:';
    const { signal } = init;
    if (signal?.aborted) return Promise.reject(cancelled());

    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...init.headers };
      if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
      const req = (secure ? https : http).request({
        protocol: target.protocol,
        host: hostOf(target),
        port: portOf(target),
        path: `${target.pathname}${target.search}`,
        method: init.method,
        headers,
        agent: secure ? httpsAgent : httpAgent,
        lookup: lookupFor(!secure),
      });
      let settled = false;
      let connected = false;
      let connectTimer: NodeJS.Timeout | undefined;
      let response: http.IncomingMessage | undefined;

      const onAbort = () => {
        const err = cancelled();
        if (response) response.destroy(err);
        req.destroy(err);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        clearTimeout(connectTimer);
        signal?.removeEventListener('abort', onAbort);
      };

      let finished = false;
      const sent = () => {
        if (finished && connected) init.onRequestSent?.();
      };
      req.on('socket', (socket) => {
        const ready = () => {
          connected = true;
          clearTimeout(connectTimer);
          sent();
        };
        // A pooled keep-alive socket is ready at once; a new one must connect (and shake hands).
        if (!socket.connecting && (!secure || handshakeDone(socket as tls.TLSSocket))) return ready();
        connectTimer = setTimeout(() => req.destroy(connectTimeout(init.connectTimeoutMs)), init.connectTimeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', ready);
      });
      req.on('finish', () => {
        finished = true;
        sent();
      });
      req.on('error', (err) => {
        cleanup();
        if (settled) return;
        settled = true;
        reject(signal?.aborted ? cancelled() : netError(err, origin, connected));
      });
      req.on('response', (res) => {
        settled = true;
        connected = true;
        clearTimeout(connectTimer);
        response = res;
        resolve({
          status: res.statusCode ?? 0,
          headers: flattenHeaders(res.headers),
          body: readBody(res, origin, signal, cleanup),
          destroy: () => {
            res.destroy();
            cleanup();
          },
        });
      });
      req.end(init.body);
    });
  }

  async function resolve(url: string): Promise<string[]> {
    const target = assertAllowed(url);
    const host = hostOf(target);
    if (net.isIP(host)) return [host];
    try {
      const addresses = await dns.promises.lookup(host, { all: true });
      return addresses.map((a) => a.address);
    } catch (err) {
      throw netError(err, originOf(target), false);
    }
  }

  function connect(url: string, timeoutMs: number): Promise<void> {
    const target = assertAllowed(url);
    return open(target, timeoutMs, (done) =>
      net.connect({ host: hostOf(target), port: portOf(target), lookup: lookupFor(target.protocol === 'http:') }, () =>
        done(),
      ),
    );
  }

  function handshake(url: string, timeoutMs: number): Promise<{ protocol: string; subject: string }> {
    const target = assertAllowed(url);
    if (target.protocol !== 'https:') return Promise.resolve({ protocol: 'none', subject: '' });
    const host = hostOf(target);
    let result = { protocol: '', subject: '' };
    return open(target, timeoutMs, (done) => {
      const socket = tls.connect(
        { host, port: portOf(target), ca, servername: net.isIP(host) ? undefined : host, lookup: lookupFor(false) },
        () => {
          const cert = socket.getPeerCertificate();
          result = { protocol: socket.getProtocol() ?? '', subject: subjectName(cert?.subject) };
          done();
        },
      );
      return socket;
    }).then(() => result);
  }

  /** Opens a socket, waits for `done`, closes it; errors and the timeout become AppErrors. */
  function open(target: URL, timeoutMs: number, start: (done: () => void) => net.Socket): Promise<void> {
    const origin = originOf(target);
    return new Promise((resolve, reject) => {
      let connected = false;
      const socket = start(() => {
        connected = true;
        clearTimeout(timer);
        socket.destroy();
        resolve();
      });
      const timer = setTimeout(() => socket.destroy(connectTimeout(timeoutMs)), timeoutMs);
      socket.on('error', (err) => {
        clearTimeout(timer);
        if (!connected) reject(netError(err, origin, false));
      });
    });
  }

  return {
    assertAllowed,
    request: rejecting(request),
    resolve,
    connect: rejecting(connect),
    handshake: rejecting(handshake),
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** A refusal from assertAllowed becomes a rejected promise, not a synchronous throw. */
function rejecting<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      return Promise.reject(err);
    }
  };
}

function tryNormalise(origin: string): string | null {
  try {
    return normaliseOrigin(origin);
  } catch {
    return null;
  }
}

function handshakeDone(socket: tls.TLSSocket): boolean {
  const protocol = socket.getProtocol();
  return protocol !== null && protocol !== 'unknown';
}

/**
 * DNS through the OS resolver, as Node does by default; for plain http the name must also
 * resolve to loopback only (a hosts-file entry cannot turn `localhost` into a remote host).
 */
function lookupFor(loopbackOnly: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (loopbackOnly && addresses.some((a) => !isLoopback(a.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} does not resolve to loopback`);
        refused.code = NOT_LOOPBACK;
        return callback(refused, '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}

async function* readBody(
  res: http.IncomingMessage,
  origin: string,
  signal: AbortSignal | undefined,
  cleanup: () => void,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of res) yield chunk as Uint8Array;
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    throw netError(err, origin, true);
  } finally {
    cleanup();
    res.destroy();
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function subjectName(subject: tls.Certificate | undefined): string {
  if (!subject) return '';
  const cn = subject.CN as string | string[] | undefined;
  return Array.isArray(cn) ? cn.join(', ') : (cn ?? '');
}
