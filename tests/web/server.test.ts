import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createDispatch } from '../../electron/ipc/dispatch';
import { startWebServer } from '../../electron/web/server';
import type { WebServer } from '../../electron/web/server';
import { jsonReplacer, jsonReviver } from '../../shared/transport';
import { testApp } from '../support/app';
import { tempDir } from '../support/temp';

const app = testApp();
const dir = tempDir();
fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
fs.writeFileSync(
  path.join(dir, 'renderer', 'index.html'),
  '<!doctype html><html><head><title>t</title></head><body></body></html>',
);
fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
fs.writeFileSync(path.join(dir, 'bridge.js'), '/* bridge */');

let server: WebServer;
let cookie = '';

/** Raw HTTP (not fetch) so tests can send any Host and Origin headers. */
function request(p: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: p, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/call/${channel}`, {
    method: 'POST',
    headers: { cookie, 'x-wenshu': '1', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input, jsonReplacer),
  });

beforeAll(async () => {
  server = await startWebServer({
    dispatch: createDispatch(app.handlers),
    rendererDir: path.join(dir, 'renderer'),
    bridgeFile: path.join(dir, 'bridge.js'),
    token: 'test-token',
  });
});
afterAll(() => server.close());

describe('web harness server', () => {
  test('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('nothing is served without the session', async () => {
    expect((await request('/')).status).toBe(401);
    expect(
      (await request('/api/call/app:info', { method: 'POST', headers: { 'x-wenshu': '1' }, body: '{}' })).status,
    ).toBe(401);
    expect((await request('/login?token=wrong')).status).toBe(403);
  });

  test('the token sets an HttpOnly, SameSite=Strict cookie and redirects', async () => {
    const r = await request('/login?token=test-token');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const set = r.headers['set-cookie']![0]!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    cookie = set.split(';')[0]!;
  });

  test('index.html comes with the CSP and the bridge script first', async () => {
    const r = await request('/', { headers: { cookie } });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(r.body).toMatch(/^<!doctype html><html><head><script src="\/__wenshu\/bridge.js"><\/script>/);
    expect((await request('/__wenshu/bridge.js', { headers: { cookie } })).body).toBe('/* bridge */');
  });

  test('static files stay inside the renderer folder', async () => {
    expect((await request('/assets/app.js', { headers: { cookie } })).status).toBe(200);
    expect((await request('/../secret.txt', { headers: { cookie } })).status).toBe(404);
    expect((await request('/%2e%2e/secret.txt', { headers: { cookie } })).status).toBe(404);
    expect((await request('/assets/%2e%2e%2f..%2fsecret.txt', { headers: { cookie } })).status).toBe(404);
  });

  test('calls go through the contract dispatch, bytes included', async () => {
    const r = await call('documents:import', {
      batchId: 'w',
      files: [{ name: 'w.txt', bytes: new Uint8Array(Buffer.from('网页导入\n正文')) }],
    });
    const result = JSON.parse(r.body, jsonReviver);
    expect(result).toMatchObject({ ok: true, value: [{ status: 'imported', title: '网页导入' }] });
    const bad = JSON.parse((await call('documents:get', { id: 'x' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = JSON.parse((await call('shell:run', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  test('cross-site and forged requests are refused', async () => {
    expect((await call('app:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('/api/call/app:info', { method: 'POST', headers: { cookie }, body: '{}' })).status).toBe(403);
    expect((await request('/', { headers: { cookie, host: 'evil.example' } })).status).toBe(421);
    expect(JSON.parse((await call('app:info', undefined as never, {})).body).ok).toBe(true);
  });

  test('events reach an open event stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { cookie } },
        (res) => {
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (c: string) => {
            buf += c;
            if (buf.includes('connected')) {
              if (!buf.includes('data:')) {
                void call('documents:import', {
                  batchId: 'ev',
                  files: [{ name: 'ev.txt', bytes: new Uint8Array(Buffer.from('事件')) }],
                });
              } else {
                req.destroy();
                resolve(buf);
              }
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toMatch(
      /data: \{"name":"import:progress","payload":\{"batchId":"ev","done":1,"total":1,"file":"ev.txt","status":"imported"\}\}/,
    );
  });
});
