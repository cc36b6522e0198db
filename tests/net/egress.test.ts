import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createEgress, normaliseOrigin } from '../../electron/net/egress';
import type { Egress } from '../../electron/net/egress';
import { rejection } from '../support/rejection';
import { clientFor, startLlmServer } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';

/**
 * The network boundary: nothing outside the policy's origins is ever connected to (counted on
 * the servers' side), plain http only on loopback, the policy's CAs and nothing else beyond Node's
 * roots, and redirects are reported, never followed.
 */
const TLS_DIR = path.join(__dirname, '..', 'fixtures', 'tls');
const pem = (name: string) => fs.readFileSync(path.join(TLS_DIR, name), 'utf8');
const CA = pem('ca.pem');
const TRUSTED = { key: pem('server.key.pem'), cert: pem('server.pem') };
const UNTRUSTED = { key: pem('untrusted.key.pem'), cert: pem('untrusted.pem') };

const servers: LlmServer[] = [];
const egresses: Egress[] = [];
async function serve(options: Parameters<typeof startLlmServer>[0] = {}): Promise<LlmServer> {
  const server = await startLlmServer({ models: ['m'], ...options });
  servers.push(server);
  return server;
}
function egressFor(allowed: string[], ca: string[] = []): Egress {
  const egress = createEgress({ allowed, ca });
  egresses.push(egress);
  return egress;
}
afterAll(async () => {
  for (const egress of egresses) egress.close();
  await Promise.all(servers.map((s) => s.close()));
});

const GET = { method: 'GET' as const, connectTimeoutMs: 1000 };

describe('the allow-list', () => {
  test('origins are normalised: lower-case host, explicit port', () => {
    expect(normaliseOrigin('https://LLM.Gov.example/v1')).toBe('https://llm.gov.example:443');
    expect(normaliseOrigin('http://127.0.0.1/v1/')).toBe('http://127.0.0.1:80');
    expect(normaliseOrigin('https://[::1]:8443/x?y')).toBe('https://[::1]:8443');
  });

  test.each([
    ['file:///etc/passwd', 'file: scheme'],
    ['ftp://127.0.0.1:21/x', 'ftp: scheme'],
    ['data:text/plain,hi', 'data: URL'],
    ['http://llm.gov.example/v1/models', 'plain http beyond loopback, even though allowed'],
    ['http://10.0.0.8:8000/v1/models', 'plain http to a private address'],
    ['https://llm.gov.example:8443/v1/models', 'another port of an allowed host'],
    ['https://evil.example/v1/models', 'another host'],
    ['https://user:pw@llm.gov.example/v1/models', 'credentials in the URL'],
    ['not a url', 'garbage'],
  ])('%s is refused (%s)', (url) => {
    const egress = egressFor(['https://llm.gov.example', 'http://llm.gov.example:80', 'http://10.0.0.8:8000']);
    let code = '';
    try {
      egress.assertAllowed(url);
    } catch (err) {
      code = (err as { code: string }).code;
    }
    expect(code).toBe('endpoint_not_allowed');
  });

  test('allowed: https origins in the list, http on loopback in the list', () => {
    const egress = egressFor(['https://llm.gov.example', 'http://127.0.0.1:8000', 'http://localhost:8001']);
    expect(egress.assertAllowed('https://LLM.gov.example:443/v1/chat/completions').pathname).toBe(
      '/v1/chat/completions',
    );
    expect(egress.assertAllowed('http://127.0.0.1:8000/v1/models').port).toBe('8000');
    expect(egress.assertAllowed('http://localhost:8001/v1').hostname).toBe('localhost');
  });

  test('a loopback server on a port not in the policy receives zero connections while a full flow runs', async () => {
    const allowed = await serve();
    const other = await serve();
    const egress = egressFor([allowed.origin]);
    const { client } = clientFor(allowed);

    // the full flow on the allowed endpoint works
    expect(await client.listModels()).toEqual(['m']);
    const outcome = await client.chat({ model: 'm', messages: [{ role: 'user', content: '你好' }] });
    expect(outcome.ok).toBe(true);
    expect(allowed.connections).toBeGreaterThan(0);

    // …and every way of reaching the other port is refused before any connection
    const url = `${other.url}/chat/completions`;
    const refused = await Promise.all([
      rejection(egress.request(url, { ...GET, method: 'POST', body: '{}' })),
      rejection(egress.connect(url, 1000)),
      rejection(egress.handshake(url, 1000)),
      rejection(egress.resolve(url)),
    ]);
    expect(refused.map((e) => e.code)).toEqual(Array(4).fill('endpoint_not_allowed'));
    expect(refused[0]!.params).toEqual({ target: other.origin });
    const otherClient = createClientAllowingOnly(allowed.origin, other.url);
    const viaClient = await otherClient.chat({ model: 'm', messages: [] });
    expect(!viaClient.ok && viaClient.error.code).toBe('endpoint_not_allowed');
    expect(other.connections).toBe(0);
    expect(other.requests).toHaveLength(0);
  });

  test('plain http to loopback by name (localhost) is allowed and works', async () => {
    const server = await serve();
    const { client } = clientFor(
      { ...server, url: `http://localhost:${server.port}/v1` } as LlmServer,
      {},
      {
        allowed: [`http://localhost:${server.port}`],
      },
    );
    const outcome = await client.chat({ model: 'm', messages: [] });
    expect(outcome.ok && outcome.value.answer).toBe('好的。');
  });
});

/** A client whose policy allows `allowedOrigin` but whose base URL points elsewhere. */
function createClientAllowingOnly(allowedOrigin: string, baseUrl: string) {
  const fake = { url: baseUrl, origin: allowedOrigin } as LlmServer;
  return clientFor(fake).client;
}

describe('TLS', () => {
  test('HTTPS with the policy CA: the handshake and a chat succeed', async () => {
    const server = await serve({ tls: TRUSTED });
    const egress = egressFor([server.origin], [CA]);
    expect(await egress.handshake(server.url, 2000)).toEqual({
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
      subject: '127.0.0.1',
    });
    const { client } = clientFor(server, {}, { ca: [CA] });
    const outcome = await client.chat({ model: 'm', messages: [] });
    expect(outcome.ok && outcome.value.answer).toBe('好的。');
  });

  test('the same server without the CA in policy: tls_untrusted for requests and the handshake', async () => {
    const server = await serve({ tls: TRUSTED });
    const egress = egressFor([server.origin]);
    const handshake = await rejection(egress.handshake(server.url, 2000));
    expect(handshake).toMatchObject({
      code: 'tls_untrusted',
      params: { target: server.origin, detail: expect.any(String) },
    });
    const { client } = clientFor(server);
    const outcome = await client.chat({ model: 'm', messages: [] });
    expect(!outcome.ok && outcome.error).toMatchObject({ code: 'tls_untrusted', params: { target: server.origin } });
    expect(server.requests).toHaveLength(0); // not retried, nothing sent
  });

  test('a self-signed certificate the CA did not sign: tls_untrusted even with the policy CA', async () => {
    const server = await serve({ tls: UNTRUSTED });
    const egress = egressFor([server.origin], [CA]);
    expect((await rejection(egress.handshake(server.url, 2000))).code).toBe('tls_untrusted');
    const models = await rejection(clientFor(server, {}, { ca: [CA] }).client.listModels());
    expect(models.code).toBe('tls_untrusted');
    expect(server.requests).toHaveLength(0);
  });

  test('connect timeout: a peer that accepts TCP but never answers the TLS hello', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const url = `https://127.0.0.1:${port}/v1/models`;
    const egress = egressFor([`https://127.0.0.1:${port}`]);
    try {
      await expect(egress.connect(url, 500)).resolves.toBeUndefined(); // TCP alone is fine
      const started = performance.now();
      const err = await rejection(egress.request(url, { ...GET, connectTimeoutMs: 200 }));
      expect(err).toMatchObject({ code: 'endpoint_timeout', params: { phase: 'connect', ms: 200 } });
      expect(performance.now() - started).toBeLessThan(700);
      expect(await rejection(egress.handshake(url, 200))).toMatchObject({ code: 'endpoint_timeout' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('redirects, DNS, refused ports', () => {
  test('a 302 to another loopback port: endpoint_redirect, and that port sees zero connections', async () => {
    const other = await serve();
    const server = await serve();
    server.script({ status: 302, headers: { location: `${other.url}/chat/completions` } });
    const { client } = clientFor(server);
    const outcome = await client.chat({ model: 'm', messages: [] });
    expect(!outcome.ok && outcome.error).toMatchObject({
      code: 'endpoint_redirect',
      params: { location: `${other.url}/chat/completions` },
    });
    expect(server.requests).toHaveLength(1);
    expect(other.connections).toBe(0);
  });

  test('a redirect on GET /models is not followed either', async () => {
    const other = await serve();
    const server = await serve({
      handler: (req) => (req.path === '/v1/models' ? { status: 301, headers: { location: '/elsewhere' } } : undefined),
    });
    const err = await rejection(clientFor(server).client.listModels());
    expect(err).toMatchObject({ code: 'endpoint_redirect', params: { location: `${server.origin}/elsewhere` } });
    expect(other.connections).toBe(0);
  });

  test('DNS failure: endpoint_unreachable with detail DNS', async () => {
    const egress = egressFor(['https://no-such-host.invalid']);
    const err = await rejection(egress.resolve('https://no-such-host.invalid/v1'));
    expect(err).toMatchObject({
      code: 'endpoint_unreachable',
      params: { target: 'https://no-such-host.invalid:443', detail: 'DNS' },
    });
    const viaRequest = await rejection(egress.request('https://no-such-host.invalid/v1/models', GET));
    expect(viaRequest.params).toMatchObject({ detail: 'DNS' });
  });

  test('resolve and connect on the allowed loopback endpoint', async () => {
    const server = await serve();
    const egress = egressFor([server.origin]);
    expect(await egress.resolve(server.url)).toEqual(['127.0.0.1']);
    await egress.connect(server.url, 1000);
    expect(server.connections).toBe(1);
    expect(await egress.handshake(server.url, 1000)).toEqual({ protocol: 'none', subject: '' });
  });

  test('a closed port: endpoint_unreachable ECONNREFUSED from request and connect', async () => {
    const closed = await startLlmServer();
    await closed.close();
    const egress = egressFor([closed.origin]);
    expect(await rejection(egress.connect(closed.url, 1000))).toMatchObject({
      code: 'endpoint_unreachable',
      params: { target: closed.origin, detail: 'ECONNREFUSED' },
    });
    expect((await rejection(egress.request(`${closed.url}/models`, GET))).params).toMatchObject({
      detail: 'ECONNREFUSED',
    });
  });

  test('an already aborted request: cancelled, no connection', async () => {
    const server = await serve();
    const egress = egressFor([server.origin]);
    const ctl = new AbortController();
    ctl.abort();
    expect((await rejection(egress.request(`${server.url}/models`, { ...GET, signal: ctl.signal }))).code).toBe(
      'cancelled',
    );
    expect(server.connections).toBe(0);
  });
});
