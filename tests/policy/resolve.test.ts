import { endpointSummary, resolveEffective, settingsOverlay } from '../../electron/policy/resolve';
import type { PolicyState } from '../../electron/policy/load';
import { loadPolicy } from '../../electron/policy/load';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import type { Settings } from '../../shared/domain/settings';
import { Policy } from '../../shared/policy/schema';
import type { PolicyInput } from '../../shared/policy/schema';
import { EXAMPLE_FILE, TEST_CA, endpoint, policy } from './support';

const valid = (input: PolicyInput): PolicyState => ({ kind: 'valid', path: '/p.json', policy: Policy.parse(input) });
const settings = (s: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...s });
const DEFAULT_TIMEOUTS = { connectMs: 10_000, firstTokenMs: 60_000, idleMs: 30_000 };
const ALL_TOOLS = { draft: true, summarize: true, forms: true };

describe('resolveEffective: a valid policy with endpoints', () => {
  const example = loadPolicy(EXAMPLE_FILE);

  test('the first endpoint, its default model, everything else from the policy', () => {
    const eff = resolveEffective(example, settings());
    expect(eff).toEqual({
      engineReason: 'policy',
      endpoint: {
        id: 'zwy-llm',
        name: '省政务云大模型',
        baseUrl: 'https://llm.zwy.example/v1',
        model: 'qwen3-32b',
        models: ['qwen3-32b', 'deepseek-r1-distill-qwen-32b'],
        contextWindow: 32768,
        maxTokens: 4096,
        temperature: 0.3,
        auth: { header: 'Authorization', scheme: 'Bearer' },
        headers: { 'X-Tenant': 'bgt' },
        classificationCeiling: 'none',
        streamUsage: true,
      },
      allowedOrigins: ['https://llm.zwy.example:443'],
      ca: [TEST_CA],
      concurrency: 4,
      timeouts: { connectMs: 10_000, firstTokenMs: 90_000, idleMs: 30_000 },
      retries: { max: 2, baseDelayMs: 500, maxDelayMs: 30_000 },
      pii: { id_number: true, mobile: true, bank_card: true, email: true },
      tools: { draft: true, summarize: true, forms: false },
      logLevel: 'info',
      aigc: { visibleLabel: true, labelText: '本文件包含人工智能生成内容，请核实后使用', contentProducer: 'Wenshu' },
      decisionWords: { mode: 'extend', requests: [], outputs: [] },
      retention: { auditDays: 1095, draftDays: 180 },
      templatePacks: [],
      verification: { secondOpinion: false },
      formProfiles: [],
    });
  });

  test("the user's model when it is one of the endpoint's; maxTokens defaults to min(2048, window / 4)", () => {
    const eff = resolveEffective(example, settings({ model: 'deepseek-r1-distill-qwen-32b' }));
    expect(eff.endpoint).toMatchObject({
      model: 'deepseek-r1-distill-qwen-32b',
      contextWindow: 65536,
      maxTokens: 2048,
    });
    const small = valid(policy({ endpoints: [endpoint('a', { models: [{ name: 'm', contextWindow: 4096 }] })] }));
    expect(resolveEffective(small, settings()).endpoint).toMatchObject({ contextWindow: 4096, maxTokens: 1024 });
  });

  test('a model the endpoint does not offer falls back to defaultModel, else the first model', () => {
    expect(resolveEffective(example, settings({ model: 'gpt-4o' })).endpoint!.model).toBe('qwen3-32b');
    const models = [
      { name: 'a', contextWindow: 8192 },
      { name: 'b', contextWindow: 8192 },
    ];
    const noDefault = valid(policy({ endpoints: [endpoint('x', { models })] }));
    expect(resolveEffective(noDefault, settings({ model: 'gpt-4o' })).endpoint!.model).toBe('a');
  });

  test("the policy's settings.model wins over the user's", () => {
    const models = [
      { name: 'a', contextWindow: 8192 },
      { name: 'b', contextWindow: 8192 },
    ];
    const fixed = valid(policy({ endpoints: [endpoint('x', { models })], settings: { model: 'b' } }));
    expect(resolveEffective(fixed, settings({ model: 'a' })).endpoint!.model).toBe('b');
  });

  test('origins of every approved endpoint, with the port written out and no duplicates', () => {
    const state = valid(
      policy({
        endpoints: [
          endpoint('a', { baseUrl: 'https://LLM.Gov.example/v1/' }),
          endpoint('b', { baseUrl: 'http://127.0.0.1:8000/v1' }),
          endpoint('c', { baseUrl: 'https://llm.gov.example:443/v2' }),
          endpoint('d', { baseUrl: 'http://[::1]/v1' }),
        ],
      }),
    );
    const eff = resolveEffective(state, settings());
    expect(eff.allowedOrigins).toEqual(['https://llm.gov.example:443', 'http://127.0.0.1:8000', 'http://[::1]:80']);
    expect(eff.endpoint!.baseUrl).toBe('https://LLM.Gov.example/v1');
  });

  test('auth null and the other endpoint fields pass through', () => {
    const state = valid(
      policy({
        endpoints: [endpoint('a', { auth: null, temperature: 0, classificationCeiling: '秘密', streamUsage: false })],
      }),
    );
    expect(resolveEffective(state, settings()).endpoint).toMatchObject({
      auth: null,
      temperature: 0,
      classificationCeiling: '秘密',
      streamUsage: false,
    });
  });
});

describe('resolveEffective: the other states', () => {
  test("a policy with an empty endpoint list, or none: offline, the user's endpoint ignored", () => {
    const user = settings({ endpointUrl: 'https://mine.example/v1', model: 'm' });
    for (const p of [policy({ endpoints: [] }), policy({ concurrency: 2 })]) {
      const eff = resolveEffective(valid(p), user);
      expect(eff).toMatchObject({ engineReason: 'policy_no_endpoint', endpoint: null, allowedOrigins: [] });
    }
  });

  test('no policy: the endpoint the user configured, with Bearer auth and the schema defaults', () => {
    const eff = resolveEffective(
      { kind: 'absent', path: '/etc/wenshu/policy.json' },
      settings({ endpointUrl: 'http://127.0.0.1:11434/v1/', model: 'qwen3:8b', contextWindow: 16384 }),
    );
    expect(eff).toEqual({
      engineReason: 'user',
      endpoint: {
        id: 'user',
        name: '127.0.0.1:11434',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'qwen3:8b',
        models: ['qwen3:8b'],
        contextWindow: 16384,
        maxTokens: 2048,
        temperature: 0.3,
        auth: { header: 'Authorization', scheme: 'Bearer' },
        headers: {},
        classificationCeiling: 'none',
        streamUsage: true,
      },
      allowedOrigins: ['http://127.0.0.1:11434'],
      ca: [],
      concurrency: 4,
      timeouts: DEFAULT_TIMEOUTS,
      retries: { max: 2, baseDelayMs: 500, maxDelayMs: 30_000 },
      pii: { id_number: true, mobile: true, bank_card: true, email: true },
      tools: ALL_TOOLS,
      logLevel: 'warn',
      aigc: { visibleLabel: true, labelText: '本文件包含人工智能生成内容，请核实后使用', contentProducer: 'Wenshu' },
      decisionWords: { mode: 'extend', requests: [], outputs: [] },
      retention: {},
      templatePacks: [],
      verification: { secondOpinion: false },
      formProfiles: [],
    });
  });

  test('no policy and no endpoint URL or no model: not configured', () => {
    const absent: PolicyState = { kind: 'absent', path: '/p' };
    for (const s of [settings(), settings({ endpointUrl: 'https://x.example/v1' }), settings({ model: 'm' })]) {
      expect(resolveEffective(absent, s)).toMatchObject({
        engineReason: 'not_configured',
        endpoint: null,
        allowedOrigins: [],
      });
    }
  });

  test('an invalid policy: the safe state, no endpoint and nothing reachable, whatever the user set', () => {
    const invalid: PolicyState = { kind: 'invalid', path: '/p', problems: [{ path: 'version', message: 'required' }] };
    const eff = resolveEffective(invalid, settings({ endpointUrl: 'https://mine.example/v1', model: 'm' }));
    expect(eff).toMatchObject({
      engineReason: 'policy_invalid',
      endpoint: null,
      allowedOrigins: [],
      ca: [],
      timeouts: DEFAULT_TIMEOUTS,
      tools: ALL_TOOLS,
    });
  });
});

test('endpointSummary: what the UI shows', () => {
  const endpoint = resolveEffective(loadPolicy(EXAMPLE_FILE), settings()).endpoint!;
  expect(endpointSummary(endpoint)).toEqual({
    id: 'zwy-llm',
    name: '省政务云大模型',
    baseUrl: 'https://llm.zwy.example/v1',
    model: 'qwen3-32b',
    models: ['qwen3-32b', 'deepseek-r1-distill-qwen-32b'],
    contextWindow: 32768,
    maxTokens: 4096,
    classificationCeiling: 'none',
  });
});

describe('settingsOverlay: what Settings shows as in effect', () => {
  const stored = settings({
    locale: 'en-US',
    endpointUrl: 'https://mine.example/v1',
    model: 'mine',
    contextWindow: 4096,
  });

  test('no policy: nothing', () => {
    expect(settingsOverlay({ kind: 'absent', path: '/p' }, stored)).toEqual({});
  });

  test("a policy: its fixed settings and the endpoint in use, in place of the user's", () => {
    expect(settingsOverlay(loadPolicy(EXAMPLE_FILE), stored)).toEqual({
      locale: 'zh-CN',
      endpointUrl: 'https://llm.zwy.example/v1',
      model: 'qwen3-32b',
      contextWindow: 32768,
    });
    expect(settingsOverlay(valid(policy()), stored)).toEqual({ endpointUrl: '', model: '' });
  });

  test('an invalid policy: no endpoint', () => {
    expect(settingsOverlay({ kind: 'invalid', path: '/p', problems: [] }, stored)).toEqual({
      endpointUrl: '',
      model: '',
    });
  });
});
