import fs from 'node:fs';
import path from 'node:path';
import { APP_SCHEME_DECLARATION, rendererHandler, serveRenderer } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/security/csp';
import { tempDir } from '../support/temp';

const dir = tempDir();
const rendererDir = path.join(dir, 'renderer');
fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>文书</title>');
fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
fs.writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');

const handler = rendererHandler(rendererDir);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('is declared standard and secure, with fetch support', () => {
    expect(APP_SCHEME_DECLARATION).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves index.html with the CSP and the other security headers', async () => {
    for (const url of ['app://wenshu/index.html', 'app://wenshu/']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
      expect(await res.text()).toContain('<title>文书</title>');
    }
  });

  it('sends each asset with its MIME type (nosniff makes this matter for module scripts)', async () => {
    const js = await get('app://wenshu/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://wenshu/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const url of [
      'app://wenshu/../secret.txt',
      'app://wenshu/%2e%2e/secret.txt',
      'app://wenshu/..%2fsecret.txt',
      'app://wenshu/assets/..%2f..%2fsecret.txt',
      'app://wenshu/%2fetc%2fpasswd',
      'app://wenshu/assets%5c..%5c..%5csecret.txt',
    ]) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 404]);
      expect(await res.text()).not.toContain('outside the renderer');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('404s unknown files and folders, other hosts; refuses bad escapes and writes', async () => {
    expect((await get('app://wenshu/nope.js')).status).toBe(404);
    expect((await get('app://wenshu/assets/')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://wenshu/%E0%A4%A')).status).toBe(400);
    expect((await get('app://wenshu/index.html', 'POST')).status).toBe(405);
  });

  it('registers itself for the app scheme', () => {
    const handle = jest.fn();
    serveRenderer({ handle }, rendererDir);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
