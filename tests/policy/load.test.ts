import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadPolicy, policyStatus } from '../../electron/policy/load';
import type { PolicyState } from '../../electron/policy/load';
import { ROOT, tempDir } from '../support/temp';
import { EXAMPLE_FILE, TEST_CA, endpoint, example, policy, writeFile } from './support';

const dir = tempDir('wenshu-policy-');
let n = 0;
const load = (content: string | Buffer | object) => loadPolicy(writeFile(dir, `policy-${++n}.json`, content));
const problems = (state: PolicyState) => (state.kind === 'invalid' ? state.problems : []);
const problemAt = (state: PolicyState, at: string) => problems(state).find((p) => p.path === at)?.message;

describe('loadPolicy: the file', () => {
  test('no file: absent (user settings rule)', () => {
    const file = path.join(dir, 'missing', 'policy.json');
    expect(loadPolicy(file)).toEqual({ kind: 'absent', path: file });
  });

  test('the published example is valid', () => {
    const state = loadPolicy(EXAMPLE_FILE);
    expect(state.kind).toBe('valid');
    if (state.kind !== 'valid') return;
    expect(state.policy.organization).toBe('某某省人民政府办公厅');
    expect(state.policy.endpoints[0]!.models.map((m) => m.name)).toEqual(['qwen3-32b', 'deepseek-r1-distill-qwen-32b']);
  });

  test('fields left out take their defaults', () => {
    const state = load({ version: 1 });
    expect(state).toMatchObject({
      kind: 'valid',
      policy: {
        endpoints: [],
        caCertificates: [],
        concurrency: 4,
        timeouts: { connectMs: 10_000, firstTokenMs: 60_000, idleMs: 30_000 },
        retries: { max: 2 },
        pii: { id_number: true, mobile: true, bank_card: true, email: true },
        tools: {},
        logLevel: 'warn',
        settings: {},
      },
    });
    const withEndpoint = load(policy({ endpoints: [endpoint('a')] }));
    expect(withEndpoint.kind === 'valid' && withEndpoint.policy.endpoints[0]).toMatchObject({
      auth: { header: 'Authorization', scheme: 'Bearer' },
      headers: {},
      temperature: 0.3,
      classificationCeiling: 'none',
      streamUsage: true,
    });
  });

  test('a UTF-8 byte order mark is tolerated, and so is UTF-16 from Notepad', () => {
    const json = JSON.stringify(policy({ organization: '某某市人民政府办公室' }));
    const bom = load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    expect(bom).toMatchObject({ kind: 'valid', policy: { organization: '某某市人民政府办公室' } });
    const utf16 = load(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(utf16).toMatchObject({ kind: 'valid', policy: { organization: '某某市人民政府办公室' } });
  });

  test('text in another encoding (GBK) is refused, not misread', () => {
    const gbk = Buffer.concat([
      Buffer.from('{"organization":"'),
      Buffer.from([0xd5, 0xfe, 0xb8, 0xae]),
      Buffer.from('"}'),
    ]); // 政府
    expect(problems(load(gbk))).toEqual([{ path: '(file)', message: 'not UTF-8 text (save the file as UTF-8)' }]);
  });

  test('a folder where the file should be: invalid (safe state)', () => {
    const folder = path.join(dir, 'policy-folder.json');
    fs.mkdirSync(folder);
    expect(loadPolicy(folder)).toEqual({
      kind: 'invalid',
      path: folder,
      problems: [{ path: '(file)', message: 'is a folder, not a file' }],
    });
  });

  test('an unreadable file: invalid (safe state), with the reason', () => {
    const file = writeFile(dir, 'unreadable.json', policy());
    fs.chmodSync(file, 0o000);
    fs.chmodSync(dir, 0o755);
    let state: PolicyState;
    if (process.getuid?.() === 0) {
      // root reads anything: load it as an ordinary user instead.
      const script = `process.stdout.write(JSON.stringify(require('./electron/policy/load.ts').loadPolicy(${JSON.stringify(file)})))`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: ROOT,
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      state = JSON.parse(child.stdout);
    } else {
      state = loadPolicy(file);
    }
    expect(problems(state)).toEqual([
      { path: '(file)', message: 'cannot be read: permission denied (the file must be readable by every user)' },
    ]);
  });

  test('a file far too large to be a policy is not read', () => {
    const state = load(Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(problemAt(state, '(file)')).toMatch(/larger than 1 MB/);
  });
});

describe('loadPolicy: JSON syntax errors name the line and column', () => {
  test.each([
    ['a missing comma', '{\n  "version": 1,\n  "endpoints": []\n  "logLevel": "info"\n}', 4, 3, "expected ',' or '}'"],
    ['a trailing comma', '{\n  "version": 1,\n  "tools": { "draft": false, },\n}', 3, 30, 'trailing comma'],
    ['a comment', '{\n  // 测试\n  "version": 1\n}', 2, 3, 'comments are not allowed in JSON'],
    ['single quotes', "{ 'version': 1 }", 1, 3, 'expected a field name in double quotes'],
    ['a raw line break in a PEM string', '{"caCertificates": ["-----BEGIN\nX"]}', 1, 32, 'line break'],
    ['CRLF line endings', '{\r\n  "version": 1\r\n  "x": 2\r\n}', 3, 3, "expected ',' or '}'"],
    ['an unfinished file', '{\n  "version": 1,\n  "endpoints": [', 3, 17, 'unexpected end of file'],
    ['an empty file', '', 1, 1, 'the file is empty'],
  ])('%s', (_name, text, line, column, reason) => {
    const [problem] = problems(load(text));
    expect(problem).toEqual({ path: '(file)', message: expect.stringContaining(`line ${line}, column ${column}: `) });
    expect(problem!.message).toContain(reason);
  });
});

describe('loadPolicy: schema errors, one problem per field with its JSON path', () => {
  test('each wrong field is named by its path, with a clear message', () => {
    const state = load({
      version: 1,
      organization: '某某市',
      endpoints: [
        {
          id: 'Gov LLM',
          name: '政务云',
          bseUrl: 'https://llm.example/v1',
          models: [{ name: 'qwen3-32b', contextWindow: 100 }],
          headers: { 'X Trace': '1' },
        },
      ],
      concurrency: 0,
      logLevel: 'verbose',
      tools: { translate: false, draft: 'no' },
      colour: 'red',
    });
    expect(state.kind).toBe('invalid');
    expect(Object.fromEntries(problems(state).map((p) => [p.path, p.message]))).toEqual({
      'endpoints[0].id': 'lower-case letters, digits, - and _ (at most 40)',
      'endpoints[0].baseUrl': 'required',
      'endpoints[0].bseUrl': 'unknown field',
      'endpoints[0].models[0].contextWindow': 'Too small: expected number to be >=512',
      'endpoints[0].headers["X Trace"]': 'invalid name: a header name: letters, digits and - only',
      concurrency: 'Too small: expected number to be >=1',
      logLevel: 'Invalid option: expected one of "error"|"warn"|"info"|"debug"',
      'tools.translate': 'unknown field',
      'tools.draft': 'expected boolean, received string',
      colour: 'unknown field',
    });
  });

  test('version is required and must be 1', () => {
    expect(problems(load({}))).toEqual([{ path: 'version', message: 'required' }]);
    expect(problems(load({ version: 2 }))).toEqual([
      { path: 'version', message: 'must be 1 (the policy format this Wenshu reads)' },
    ]);
  });

  test('a file that is not an object', () => {
    expect(problems(load('[]'))).toEqual([{ path: '(file)', message: 'expected object, received array' }]);
  });

  test.each([
    ['ftp://llm.example/v1', 'an http:// or https:// URL'],
    ['http://llm.example/v1', 'https:// is required (plain http only for localhost, 127.x.x.x or [::1])'],
    ['https://user:secret@llm.example/v1', 'an http(s) URL without user name, query or fragment'],
    ['https://llm.example/v1?key=1', 'an http(s) URL without user name, query or fragment'],
  ])('baseUrl %s is refused', (baseUrl, message) => {
    const state = load(policy({ endpoints: [endpoint('a', { baseUrl })] }));
    expect(problems(state)).toEqual([{ path: 'endpoints[0].baseUrl', message }]);
  });

  test.each(['http://127.0.0.1:8000/v1', 'http://localhost:11434/v1', 'http://[::1]:8080/v1', 'https://10.1.2.3/v1'])(
    'baseUrl %s is accepted',
    (baseUrl) => {
      expect(load(policy({ endpoints: [endpoint('a', { baseUrl })] })).kind).toBe('valid');
    },
  );
});

describe('loadPolicy: checks across fields', () => {
  test('duplicate endpoint ids', () => {
    const state = load(policy({ endpoints: [endpoint('a'), endpoint('b'), endpoint('a')] }));
    expect(problems(state)).toEqual([{ path: 'endpoints[2].id', message: 'duplicate endpoint id "a"' }]);
  });

  test('defaultModel not among the models', () => {
    const state = load(policy({ endpoints: [endpoint('a', { defaultModel: 'qwen2' })] }));
    expect(problems(state)).toEqual([
      { path: 'endpoints[0].defaultModel', message: '"qwen2" is not one of models: a-model' },
    ]);
  });

  test('duplicate model names, and maxTokens that leave no room for the prompt', () => {
    const models = [
      { name: 'm', contextWindow: 4096, maxTokens: 4096 },
      { name: 'm', contextWindow: 8192 },
    ];
    expect(problems(load(policy({ endpoints: [endpoint('a', { models })] })))).toEqual([
      { path: 'endpoints[0].models[0].maxTokens', message: 'must be less than contextWindow (4096)' },
      { path: 'endpoints[0].models[1].name', message: 'duplicate model "m"' },
    ]);
  });

  test('settings.endpointUrl set: the policy would contradict its own endpoints', () => {
    const state = load({
      version: 1,
      endpoints: [endpoint('a')],
      settings: { endpointUrl: 'https://other.example/v1' },
    });
    expect(problemAt(state, 'settings.endpointUrl')).toMatch(/the endpoint comes from `endpoints`/);
    // Also without endpoints: a policy's endpoint list (empty when left out) is authoritative.
    expect(
      problemAt(load({ version: 1, settings: { endpointUrl: 'https://x.example' } }), 'settings.endpointUrl'),
    ).toBeTruthy();
    expect(load(policy({ settings: { endpointUrl: '' } })).kind).toBe('valid');
  });

  test('settings.contextWindow and a settings.model the endpoint does not offer', () => {
    const state = load(
      policy({ endpoints: [endpoint('a')], settings: { model: 'gpt-4o', contextWindow: 4096 } as never }),
    );
    expect(problems(state)).toEqual([
      {
        path: 'settings.contextWindow',
        message: 'cannot be set here: each model in `endpoints` names its context window',
      },
    ]);
    expect(problems(load(policy({ endpoints: [endpoint('a')], settings: { model: 'gpt-4o' } })))).toEqual([
      { path: 'settings.model', message: '"gpt-4o" is not one of the models of endpoint "a": a-model' },
    ]);
  });

  test('headers that Wenshu sets itself, or that would carry the key twice', () => {
    const state = load(
      policy({ endpoints: [endpoint('a', { headers: { Host: 'x', authorization: 'k', 'X-Ok': '1' } })] }),
    );
    expect(problems(state)).toEqual([
      { path: 'endpoints[0].headers.Host', message: 'Host is set by Wenshu and cannot be overridden' },
      {
        path: 'endpoints[0].headers.authorization',
        message: 'authorization carries the API key (auth.header); set auth to null to send it here',
      },
    ]);
    const keyless = load(
      policy({ endpoints: [endpoint('a', { auth: null, headers: { Authorization: 'Bearer k' } })] }),
    );
    expect(keyless.kind).toBe('valid');
  });

  test('retries.baseDelayMs above maxDelayMs', () => {
    expect(problems(load(policy({ retries: { baseDelayMs: 5000, maxDelayMs: 1000 } })))).toEqual([
      { path: 'retries.baseDelayMs', message: 'must not exceed maxDelayMs (1000)' },
    ]);
  });

  test('a PEM Node cannot parse, and two certificates in one entry', () => {
    const garbage =
      '-----BEGIN CERTIFICATE-----\nTUlJQ0h6Q0NBY1dnQXdJQkFnSVVaTGZ0bHRNdlptcU9RMzdRM2F3Z25xZ29FZkl3\n-----END CERTIFICATE-----\n';
    const state = load(policy({ caCertificates: [TEST_CA, garbage, TEST_CA + TEST_CA] }));
    const byPath = Object.fromEntries(problems(state).map((p) => [p.path, p.message]));
    expect(Object.keys(byPath)).toEqual(['caCertificates[2]', 'caCertificates[1]']);
    expect(byPath['caCertificates[1]']).toMatch(/^not a certificate Node can read/);
    expect(byPath['caCertificates[2]']).toMatch(/^one PEM certificate per entry/);
    expect(load(policy({ caCertificates: [TEST_CA] })).kind).toBe('valid');
  });

  test('every field problem at once; checks across fields once the fields are valid (no follow-on noise)', () => {
    const fields = { caCertificates: ['not a pem'] };
    const endpoints = [
      endpoint('a', { models: [], defaultModel: 'x' }),
      endpoint('a', { baseUrl: 'http://llm.example/v1' }),
    ];
    expect(problems(load(policy({ ...fields, endpoints }))).map((p) => p.path)).toEqual([
      'endpoints[0].models',
      'endpoints[1].baseUrl',
      'caCertificates[0]',
    ]);
    const fixed = [endpoint('a', { defaultModel: 'x' }), endpoint('a')];
    expect(problems(load(policy({ endpoints: fixed }))).map((p) => p.path)).toEqual([
      'endpoints[0].defaultModel',
      'endpoints[1].id',
    ]);
  });
});

describe('policyStatus', () => {
  test('absent: nothing locked', () => {
    expect(policyStatus({ kind: 'absent', path: '/etc/wenshu/policy.json' })).toEqual({
      path: '/etc/wenshu/policy.json',
      found: false,
      valid: false,
      problems: [],
      organization: null,
      locked: [],
      disabledTools: [],
    });
  });

  test('the example: organization, fixed settings, endpoint fields; model open among two models', () => {
    expect(policyStatus(loadPolicy(EXAMPLE_FILE))).toEqual({
      path: EXAMPLE_FILE,
      found: true,
      valid: true,
      problems: [],
      organization: '某某省人民政府办公厅',
      locked: ['locale', 'endpointUrl', 'contextWindow'],
      disabledTools: ['forms'],
    });
  });

  test('model is locked with one model, with no endpoint, or when the policy fixes it', () => {
    const locked = (p: object) => policyStatus(load(p)).locked;
    expect(locked(policy({ endpoints: [endpoint('a')] }))).toEqual(['endpointUrl', 'model', 'contextWindow']);
    expect(locked(policy({ endpoints: [] }))).toEqual(['endpointUrl', 'model', 'contextWindow']);
    expect(locked(policy())).toEqual(['endpointUrl', 'model', 'contextWindow']);
    const ex = example();
    expect(locked({ ...ex, settings: { model: 'deepseek-r1-distill-qwen-32b', maxImportMb: 50 } })).toEqual([
      'maxImportMb',
      'endpointUrl',
      'model',
      'contextWindow',
    ]);
  });

  test('invalid: found, not valid, the problems, and the endpoint fields locked (safe state)', () => {
    const status = policyStatus(load({ version: 1, logLevel: 'loud' }));
    expect(status).toMatchObject({ found: true, valid: false, organization: null, disabledTools: [] });
    expect(status.problems).toEqual([{ path: 'logLevel', message: expect.stringContaining('Invalid option') }]);
    expect(status.locked).toEqual(['endpointUrl', 'model', 'contextWindow']);
  });
});
