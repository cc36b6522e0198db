import fs from 'node:fs';
import path from 'node:path';
import { startLlmServer } from '../support/llm-server';
import type { LlmServer } from '../support/llm-server';
import { rejection } from '../support/rejection';
import { tempDir } from '../support/temp';
import { appWithPolicy, writePolicy } from './support';

// The machine policy as the app lives with it: merged over user settings, locking them, recorded in
// the audit log when it changes, and a safe state (no endpoint, no connection) when it is invalid.

const dir = tempDir();
let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ apiKey: 'sk-test' });
});
afterAll(() => server.close());

describe('an invalid policy', () => {
  test('starts the app in a safe state: offline, the problems named, nothing sent anywhere', async () => {
    const file = writePolicy(server.url, { concurrency: 0 });
    const app = appWithPolicy(file);
    const status = app.endpointStatus();
    expect(status).toMatchObject({ engine: 'offline', reason: 'policy_invalid', endpoint: null });
    expect(status.policy).toMatchObject({ found: true, valid: false });
    expect(status.policy.problems).toEqual([expect.objectContaining({ path: 'concurrency' })]);

    const err = await rejection(app.model.complete({ prompt: '你好' }));
    expect(err).toMatchObject({ code: 'policy_invalid', params: { path: file } });
    expect(String(err.params?.detail)).toContain('concurrency');
    // The user cannot leave the safe state by configuring an endpoint of their own.
    expect(() => app.settings.update({ endpointUrl: server.url, model: 'test-model' })).toThrow(
      expect.objectContaining({ code: 'setting_locked' }),
    );
    const report = await app.doctor('en-US');
    expect(report.ok).toBe(false);
    expect(report.items[0]).toMatchObject({ id: 'policy', ok: false });
    expect(server.connections).toBe(0);
  });
});

describe('policy over settings', () => {
  test('policy settings win and are locked; free settings change and each change is audited', () => {
    const app = appWithPolicy(writePolicy(server.url, { settings: { maxImportMb: 50 } }));
    expect(app.settings.get()).toMatchObject({ maxImportMb: 50, endpointUrl: server.url, model: 'test-model' });
    expect(app.settings.locked()).toEqual(expect.arrayContaining(['maxImportMb', 'endpointUrl', 'model']));
    expect(() => app.settings.update({ maxImportMb: 500 })).toThrow(
      expect.objectContaining({ code: 'setting_locked' }),
    );

    app.settings.update({ locale: 'en-US' });
    const [entry] = app.audit.list({ kind: 'settings_change', limit: 10, offset: 0 }).entries;
    expect(entry?.data).toEqual({ key: 'locale', from: 'zh-CN', to: 'en-US' });
    expect(app.audit.list({ kind: 'settings_change', limit: 10, offset: 0 }).total).toBe(1);
  });

  test('without a policy the user may name an endpoint; the allow-list follows it', () => {
    const app = appWithPolicy(path.join(dir, 'absent.json'));
    expect(app.endpointStatus()).toMatchObject({ engine: 'offline', reason: 'not_configured' });
    app.settings.update({ endpointUrl: server.url, model: 'test-model' });
    expect(app.endpointStatus()).toMatchObject({
      engine: 'endpoint',
      reason: 'user',
      endpoint: { baseUrl: server.url, model: 'test-model' },
    });
  });
});

describe('policy changes are audited', () => {
  test('once per change of the file, from → to, across restarts of the app', () => {
    const file = writePolicy(server.url);
    const db = path.join(dir, 'wenshu.db');
    const open = () => appWithPolicy(file, { dbPath: db });
    const loaded = (app: ReturnType<typeof open>) =>
      app.audit.list({ kind: 'policy_loaded', limit: 10, offset: 0 }).entries.map((e) => e.data);

    const first = open();
    expect(loaded(first)).toEqual([expect.objectContaining({ state: 'valid', from: null, path: file })]);
    const firstHash = loaded(first)[0]!.to;
    void first.close();

    const again = open();
    expect(loaded(again)).toHaveLength(1); // same file: nothing new
    void again.close();

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('测试市', '测试县'));
    const changed = open();
    expect(loaded(changed)).toHaveLength(2);
    expect(loaded(changed)[0]).toMatchObject({ state: 'valid', from: firstHash });
    expect(changed.audit.verify()).toMatchObject({ ok: true, count: 2 });
  });
});
