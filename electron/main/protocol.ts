import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS } from '../security/csp';
import { contentType } from '../security/mime';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Registered before `ready`. `standard` gives the scheme real origins (relative URLs, 'self' in
 * the CSP, per-origin storage); `secure` makes it a secure context; `supportFetchAPI` lets the
 * renderer fetch its own assets.
 */
export const APP_SCHEME_DECLARATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function reply(
  status: number,
  body: Uint8Array<ArrayBuffer> | string | null,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

/**
 * Serves the built renderer from `rendererDir` and nothing else: other hosts, other methods,
 * paths that resolve outside the directory and missing files get an error status.
 */
export function rendererHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return reply(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return reply(400, 'bad path');
    }
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep)) return reply(404, 'not found');
    let data: Uint8Array<ArrayBuffer>;
    try {
      // A copy backed by a plain ArrayBuffer, which is what Response's body type accepts.
      data = new Uint8Array(await fs.readFile(file));
    } catch {
      return reply(404, 'not found');
    }
    const type = contentType(file);
    return reply(200, request.method === 'HEAD' ? null : data, type);
  };
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(rendererDir));
}
