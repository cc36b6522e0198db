import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import { WEB_API, jsonReplacer, jsonReviver } from '../../shared/transport';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security/csp';
import { contentType } from '../security/mime';

/**
 * The browser harness behind `npm run start:web` (development and browser tests; never packaged).
 * It serves the built renderer plus the web bridge, and relays contract calls to the same dispatch
 * the Electron shell uses. Only 127.0.0.1, only with the session token, only same-origin.
 */
export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  bridgeFile: string;
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
  /** Largest request body (base64 of imported files). */
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  /** Open this once: it sets the session cookie and redirects to the app. */
  loginUrl: string;
  port: number;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const COOKIE = 'wenshu_session';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieValue(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 400 * 1024 * 1024;
  const rendererDir = path.resolve(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  let origin = '';

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    type = 'text/plain; charset=utf-8',
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

  const emit: WebServer['emit'] = (name, payload) => {
    const data = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const res of streams) res.write(data);
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          reject(new Error('body too large'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const serveFile = (res: http.ServerResponse, file: string) => {
    fs.readFile(file, (err, data) => {
      if (err) return send(res, 404, 'not found');
      if (file.endsWith('index.html')) {
        // The bridge must run before the app's module script, which is deferred.
        data = Buffer.from(data.toString('utf8').replace('<head>', `<head><script src="${WEB_API.bridge}"></script>`));
      }
      send(res, 200, data, contentType(file));
    });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    // DNS rebinding: only our own host name is served.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'wrong host');

    if (url.pathname === '/login') {
      if (!sameSecret(url.searchParams.get('token') ?? '', token)) return send(res, 403, 'wrong token');
      return send(res, 302, '', 'text/plain', {
        'Set-Cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
    }
    if (!sameSecret(cookieValue(req.headers.cookie) ?? '', session)) {
      return send(res, 401, 'Wenshu: open the address printed by `npm run start:web`.');
    }

    if (url.pathname.startsWith(WEB_API.call)) {
      if (req.method !== 'POST' || req.headers['x-wenshu'] !== '1') return send(res, 403, 'forbidden');
      if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'cross-origin');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body, jsonReviver) : undefined;
      } catch {
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'body is not JSON' } }),
          'application/json',
        );
      }
      const channel = decodeURIComponent(url.pathname.slice(WEB_API.call.length));
      const result = await options.dispatch(channel, input, { emit });
      return send(res, 200, JSON.stringify(result, jsonReplacer), 'application/json');
    }

    if (url.pathname === WEB_API.events) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    if (url.pathname === WEB_API.bridge) return serveFile(res, options.bridgeFile);
    const file = path.resolve(
      rendererDir,
      `.${url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname)}`,
    );
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'not found');
    return serveFile(res, file);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, `internal error: ${String(err)}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    loginUrl: `${origin}/login?token=${token}`,
    port,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
