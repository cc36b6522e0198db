import path from 'node:path';
import { loadPolicy } from '../../electron/policy/load';
import type { PolicyState } from '../../electron/policy/load';
import { SettingsService } from '../../electron/services/settings-service';
import { openDatabase } from '../../electron/store/database';
import type { Database } from '../../electron/store/database';
import { SettingsRepo } from '../../electron/store/settings-repo';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import { Policy } from '../../shared/policy/schema';
import type { PolicyInput } from '../../shared/policy/schema';
import { ROOT, tempDir } from '../support/temp';

const dir = tempDir('wenshu-settings-');
let n = 0;
const open: Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
const store = () => {
  const db = openDatabase({ file: path.join(dir, `store-${++n}.db`) });
  open.push(db);
  return db;
};

/** A service over a fresh SQLite store; the policy can be swapped as IT would edit the file. */
function setup(initial: PolicyState = { kind: 'absent', path: '/p' }) {
  const repo = new SettingsRepo(store());
  let state = initial;
  const changes: [string, unknown, unknown][] = [];
  const service = new SettingsService(
    repo,
    () => state,
    (key, from, to) => changes.push([key, from, to]),
  );
  return { service, repo, changes, setPolicy: (s: PolicyState) => (state = s) };
}

const valid = (input: PolicyInput): PolicyState => ({ kind: 'valid', path: '/p', policy: Policy.parse(input) });
const EXAMPLE = loadPolicy(path.join(ROOT, 'docs', 'policy.example.json'));
const oneModel = valid({
  version: 1,
  endpoints: [{ id: 'a', name: 'A', baseUrl: 'https://a.example/v1', models: [{ name: 'm', contextWindow: 16384 }] }],
  settings: { maxImportMb: 50 },
});

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('SettingsService without a policy', () => {
  test('defaults, then what the user stored; nothing locked', () => {
    const { service } = setup();
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.locked()).toEqual([]);
    service.update({ locale: 'en-US', endpointUrl: 'http://127.0.0.1:11434/v1', model: 'qwen3:8b' });
    expect(service.get()).toEqual({
      ...DEFAULT_SETTINGS,
      locale: 'en-US',
      endpointUrl: 'http://127.0.0.1:11434/v1',
      model: 'qwen3:8b',
    });
  });

  test('the constructor still works with the store alone (no policy)', () => {
    const service = new SettingsService(new SettingsRepo(store()));
    expect(service.update({ maxImportMb: 10 }).maxImportMb).toBe(10);
  });

  test('stored values that no longer validate fall back to their defaults one by one', () => {
    const { service, repo } = setup();
    repo.setMany({ locale: 'fr-FR', maxImportMb: 20, contextWindow: 3 });
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, maxImportMb: 20 });
  });

  test('onChange once per key whose value changed, with from and to', () => {
    const { service, changes } = setup();
    service.update({ locale: 'en-US', maxImportMb: DEFAULT_SETTINGS.maxImportMb });
    service.update({ locale: 'en-US' });
    service.update({ maxImportMb: 300, model: 'qwen3' });
    expect(changes).toEqual([
      ['locale', 'zh-CN', 'en-US'],
      ['maxImportMb', 200, 300],
      ['model', '', 'qwen3'],
    ]);
  });

  test('an invalid patch is refused and changes nothing', () => {
    const { service, changes } = setup();
    const err = refused(() => service.update({ maxImportMb: 0, locale: 'en-US' }));
    expect(err.toData()).toMatchObject({ code: 'invalid_input', params: { key: 'maxImportMb' } });
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(changes).toEqual([]);
  });
});

describe('SettingsService with a policy', () => {
  test('policy values are laid over the stored ones, and the endpoint in use is shown', () => {
    const { service, repo } = setup(EXAMPLE);
    repo.setMany({ locale: 'en-US', maxImportMb: 80, endpointUrl: 'https://mine.example/v1', model: 'mine' });
    expect(service.get()).toEqual({
      locale: 'zh-CN',
      maxImportMb: 80,
      endpointUrl: 'https://llm.zwy.example/v1',
      model: 'qwen3-32b',
      contextWindow: 32768,
      reviewerName: '',
    });
    expect(service.locked()).toEqual(['locale', 'endpointUrl', 'contextWindow']);
  });

  test('a patch touching a locked key is refused whole: nothing stored, nothing reported', () => {
    const { service, repo, changes } = setup(oneModel);
    for (const patch of [
      { maxImportMb: 10 },
      { locale: 'en-US' as const, endpointUrl: 'https://x.example/v1' },
      { model: 'm2' },
    ]) {
      const err = refused(() => service.update(patch));
      expect(err.code).toBe('setting_locked');
      expect(Object.keys(patch)).toContain(err.params!.key);
    }
    expect(repo.all()).toEqual({});
    expect(changes).toEqual([]);
    expect(service.get()).toMatchObject({ locale: 'zh-CN', maxImportMb: 50, model: 'm' });
  });

  test("sending a locked key's current value is harmless (a form may send every field)", () => {
    const { service, changes } = setup(oneModel);
    const current = service.get();
    expect(service.update({ ...current, locale: 'en-US' })).toEqual({ ...current, locale: 'en-US' });
    expect(changes).toEqual([['locale', 'zh-CN', 'en-US']]);
  });

  test('with several approved models the user picks among them, and only among them', () => {
    const { service, changes } = setup(EXAMPLE);
    expect(service.locked()).not.toContain('model');
    service.update({ model: 'deepseek-r1-distill-qwen-32b' });
    expect(service.get()).toMatchObject({ model: 'deepseek-r1-distill-qwen-32b', contextWindow: 65536 });
    expect(changes).toEqual([
      ['model', 'qwen3-32b', 'deepseek-r1-distill-qwen-32b'],
      ['contextWindow', 32768, 65536],
    ]);
    const err = refused(() => service.update({ model: 'gpt-4o' }));
    expect(err.toData()).toMatchObject({ code: 'invalid_input', params: { key: 'model' } });
    expect(service.get().model).toBe('deepseek-r1-distill-qwen-32b');
  });

  test('when IT removes the policy, what the user stored applies again', () => {
    const { service, setPolicy } = setup();
    service.update({ locale: 'en-US', endpointUrl: 'https://mine.example/v1', model: 'mine' });
    setPolicy(oneModel);
    expect(service.get()).toMatchObject({ locale: 'en-US', endpointUrl: 'https://a.example/v1', model: 'm' });
    setPolicy({ kind: 'absent', path: '/p' });
    expect(service.get()).toMatchObject({ endpointUrl: 'https://mine.example/v1', model: 'mine' });
  });

  test('an invalid policy: no endpoint, endpoint fields locked, the rest editable', () => {
    const { service } = setup({ kind: 'invalid', path: '/p', problems: [{ path: 'version', message: 'required' }] });
    expect(service.get()).toMatchObject({ endpointUrl: '', model: '' });
    expect(service.locked()).toEqual(['endpointUrl', 'model', 'contextWindow']);
    expect(refused(() => service.update({ endpointUrl: 'https://mine.example/v1' })).code).toBe('setting_locked');
    expect(service.update({ locale: 'en-US' }).locale).toBe('en-US');
  });
});
