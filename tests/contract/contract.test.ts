import fs from 'node:fs';
import path from 'node:path';
import { calls, CALL_NAMES } from '../../shared/contract';
import type { CallName, EventName, EventPayload } from '../../shared/contract';
import { createBridge } from '../../shared/bridge';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { CallContext } from '../../electron/ipc/handlers';
import { testApp } from '../support/app';
import { ROOT } from '../support/temp';
import { applicationTemplate } from '../forms/support';

const app = testApp();
const dispatch = createDispatch(app.handlers, { validateOutput: true });
const emitted: { event: EventName; payload: unknown }[] = [];
const ctx: CallContext = {
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
    emitted.push({ event, payload });
  },
};

// A draft made in beforeAll (offline: the test app has no endpoint), edited once by 'drafts:edit'.
let draftId = '';
// The document imported in beforeAll.
let seedId = '';
// A form opened in beforeAll: its bytes, id and profile.
let formBytes: Uint8Array = new Uint8Array();
let formId = '';
let formProfile: unknown = null;
const approval = () => ({
  id: draftId,
  version: 2,
  contentHash: '0'.repeat(64), // not the hash of version 2: main recomputes and refuses
  acknowledged: [],
  confirmed: true,
});
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const missingId = '00000000-0000-4000-8000-000000000000';

/**
 * One valid and several invalid inputs per channel. Typed by CallName, so a channel added to
 * the contract without examples here is a compile error.
 */
const examples: Record<CallName, { valid: () => unknown; invalid: unknown[]; offlineError?: string }> = {
  'app:info': { valid: () => ({}), invalid: [{ extra: 1 }, 'x'] },
  'settings:get': { valid: () => ({}), invalid: [{ locale: 'en-US' }, 42] },
  'settings:update': {
    valid: () => ({ locale: 'en-US' }),
    invalid: [{ locale: 'fr-FR' }, { theme: 'dark' }, { maxImportMb: 0 }, { maxImportMb: 1.5 }, { maxImportMb: 5000 }],
  },
  'documents:list': {
    valid: () => ({ sort: 'title_asc', limit: 10, filters: { docType: '通知', dateFrom: '2024-01-01' } }),
    invalid: [
      { sort: 'random' },
      { limit: 0 },
      { limit: 1.5 },
      { offset: -1 },
      { filters: { classification: '内部' } },
    ],
  },
  'documents:facets': { valid: () => ({}), invalid: [{ all: true }] },
  'documents:get': {
    valid: () => ({ id: app.documents.list()[0]!.id }),
    invalid: [{}, { id: 'not-a-uuid' }, { id: 7 }],
  },
  'documents:import': {
    valid: () => ({ batchId: 'b-valid', files: [{ name: '契约.txt', bytes: bytes('合同条款\n第一条') }] }),
    invalid: [
      { batchId: 'b', files: [] },
      { files: [{ name: 'a.txt', bytes: bytes('x') }] },
      { batchId: 'b', files: [{ name: 'a.txt', bytes: 'not bytes' }] },
      { batchId: 'b', files: [{ name: '', bytes: bytes('x') }] },
      { batchId: 'b', files: [{ name: 'x'.repeat(300), bytes: bytes('x') }] },
      { batchId: 'b', files: [{ name: 'a.txt' }] },
      { batchId: 'b', files: [{ name: 'a.pdf', bytes: bytes('x'), password: 7 }] },
    ],
  },
  'documents:cancelImport': {
    valid: () => ({ batchId: 'nothing-running' }),
    invalid: [{}, { batchId: '' }, { batchId: 3 }],
  },
  'documents:updateMeta': {
    valid: () => ({
      id: app.documents.list()[0]!.id,
      meta: {
        docNumber: '财预〔2026〕1号',
        issuer: '财政局',
        issuedDate: '2026-03-05',
        docType: '通知',
        classification: null,
        tags: ['预算'],
      },
    }),
    invalid: [
      { id: missingId, meta: {} },
      {
        id: missingId,
        meta: {
          docNumber: null,
          issuer: null,
          issuedDate: '2026-02-30',
          docType: null,
          classification: null,
          tags: [],
        },
      },
      {
        id: missingId,
        meta: { docNumber: null, issuer: null, issuedDate: null, docType: null, classification: '内部', tags: [] },
      },
      {
        id: missingId,
        meta: { docNumber: null, issuer: null, issuedDate: null, docType: null, classification: null, tags: [''] },
      },
    ],
  },
  'documents:search': {
    valid: () => ({ query: '合同', limit: 5, filters: { docType: '通知' } }),
    invalid: [
      { query: 5 },
      { query: 'x', limit: 0 },
      { query: 'x', filters: { dateFrom: '2026-13-01' } },
      { query: 'x'.repeat(501) },
      { query: 'x', filters: { color: 'red' } },
    ],
  },
  'policy:status': { valid: () => ({}), invalid: [{ path: '/tmp/p.json' }] },
  'endpoint:status': { valid: () => ({}), invalid: [{ refresh: true }] },
  'endpoint:setApiKey': {
    valid: () => ({ apiKey: '' }),
    invalid: [{}, { apiKey: 5 }, { apiKey: 'k'.repeat(5000) }],
  },
  'endpoint:check': { valid: () => ({}), invalid: [{ url: 'http://evil.example' }] },
  'model:preview': {
    valid: () => ({ prompt: '请概括这份文件', documentIds: [app.documents.list()[0]!.id] }),
    invalid: [{}, { prompt: '' }, { prompt: 'x', documentIds: ['not-a-uuid'] }, { prompt: 'x', model: 'other' }],
  },
  // The test app has no endpoint: a valid request is refused as a value, not as invalid input.
  'model:complete': {
    valid: () => ({ requestId: 'r1', prompt: '你好' }),
    invalid: [
      { prompt: '你好' },
      { requestId: '', prompt: 'x' },
      { requestId: 'r', prompt: 'x', endpoint: 'http://x' },
    ],
    offlineError: 'endpoint_not_configured',
  },
  'model:cancel': { valid: () => ({ requestId: 'r1' }), invalid: [{}, { requestId: 1 }] },
  'audit:list': {
    valid: () => ({ kind: 'model_call', from: '2026-01-01', limit: 10 }),
    invalid: [{ kind: 'delete' }, { limit: 0 }, { from: '2026-02-30' }, { offset: -1 }],
  },
  'audit:verify': { valid: () => ({}), invalid: [{ repair: true }] },
  'drafts:list': {
    valid: () => ({ state: 'draft', limit: 10 }),
    invalid: [{ state: 'published' }, { limit: 0 }, { kind: 'memo' }],
  },
  'drafts:get': { valid: () => ({ id: draftId }), invalid: [{}, { id: 'x' }] },
  'drafts:generate': {
    valid: () => ({ requestId: 'g1', prompt: '起草一份会议通知', kind: 'document' }),
    invalid: [{ prompt: 'x' }, { requestId: 'g', prompt: '' }, { requestId: 'g', prompt: 'x', kind: 'poem' }],
  },
  'drafts:edit': {
    valid: () => ({ id: draftId, baseVersion: 1, content: { text: '修改后的正文', fields: {} } }),
    invalid: [
      { id: draftId, baseVersion: 0, content: { text: 'x' } },
      { id: draftId, content: { text: 1 } },
    ],
  },
  'drafts:approve': {
    valid: () => approval(),
    invalid: [
      { ...approval(), confirmed: false },
      { ...approval(), contentHash: 'abc' },
      { id: draftId, version: 2, acknowledged: [], confirmed: true },
    ],
    offlineError: 'content_changed',
  },
  'drafts:reject': {
    valid: () => ({ id: draftId, version: 2, reason: 'inaccurate', note: '数字有误' }),
    invalid: [
      { id: draftId, version: 1, reason: 'boring' },
      { id: draftId, reason: 'other' },
    ],
  },
  'drafts:export': {
    valid: () => ({ id: draftId, format: 'docx' }),
    invalid: [
      { id: draftId, format: 'exe' },
      { id: draftId, path: '/tmp/x.docx', format: 'md' },
    ],
    offlineError: 'not_approved',
  },
  'drafts:copy': {
    valid: () => ({ id: draftId }),
    invalid: [{ id: draftId, text: 'x' }],
    offlineError: 'not_approved',
  },
  'drafts:print': { valid: () => ({ id: draftId }), invalid: [{}], offlineError: 'not_approved' },
  'metrics:get': { valid: () => ({ weeks: 4 }), invalid: [{ weeks: 0 }, { weeks: 500 }] },
  'metrics:export': { valid: () => ({ format: 'csv' }), invalid: [{ format: 'xlsx' }, {}] },
  'drafting:types': { valid: () => ({}), invalid: [{ pack: 'x' }] },
  'drafting:packs': { valid: () => ({}), invalid: [{ all: true }] },
  'drafting:importPack': {
    valid: () => ({
      name: 'pack.json',
      bytes: bytes(fs.readFileSync(path.join(ROOT, 'docs/template-pack.example.json'), 'utf8')),
    }),
    invalid: [{ name: 'pack.json' }, { name: '', bytes: bytes('{}') }, { name: 'p', path: '/etc/passwd' }],
  },
  'drafting:removePack': { valid: () => ({ id: 'nothing' }), invalid: [{}, { id: '' }] },
  // Offline (no endpoint): the type's structure filled from the fields.
  'drafting:generate': {
    valid: () => ({
      requestId: 'd1',
      typeId: 'tongzhi',
      fields: {
        issuer: '某市人民政府办公室',
        subject: '做好春季防汛工作',
        recipients: '各区人民政府：',
        points: '四月十日前完成河道清淤',
      },
    }),
    invalid: [
      { requestId: 'd', fields: {} },
      { requestId: 'd', typeId: 'tongzhi', fields: { x: 1 } },
    ],
  },
  // The contract test's draft is not a typed one: regenerating it is refused as a value.
  'drafting:regenerate': {
    valid: () => ({ requestId: 'rg1', id: draftId, baseVersion: 2 }),
    invalid: [
      { requestId: 'rg', id: draftId },
      { requestId: 'rg', id: 'x', baseVersion: 1 },
    ],
    offlineError: 'invalid_state',
  },
  // Revising needs the model: offline it is refused as a value.
  'drafting:revise': {
    valid: () => ({ requestId: 'v1', id: draftId, baseVersion: 2, instruction: '更简洁' }),
    invalid: [
      { requestId: 'v', id: draftId, baseVersion: 1, instruction: '' },
      { requestId: 'v', id: draftId, baseVersion: 1, instruction: 'x', selection: { start: -1, end: 2 } },
    ],
    offlineError: 'endpoint_not_configured',
  },
  'summaries:run': {
    valid: () => ({ requestId: 's1', documentIds: [seedId], preset: 'key_points' }),
    invalid: [
      { requestId: 's', documentIds: [] },
      { requestId: 's', documentIds: [missingId], preset: '要点' },
      { requestId: 's', documentIds: [missingId], language: 'fr' },
      { requestId: 's', documentIds: Array.from({ length: 21 }, () => missingId) },
    ],
  },
  'summaries:report': {
    valid: () => ({ id: draftId, text: '会议于3月5日召开。[P1]' }),
    invalid: [{ id: 'x' }, { id: missingId, text: 5 }],
  },
  'forms:list': { valid: () => ({}), invalid: [{ all: true }] },
  'forms:open': {
    valid: () => ({ name: '申请表.docx', bytes: formBytes }),
    invalid: [
      { name: '', bytes: formBytes },
      { name: 'x.docx', bytes: 'not bytes' },
    ],
  },
  'forms:get': { valid: () => ({ id: formId }), invalid: [{ id: 'x' }, {}] },
  'forms:saveProfile': {
    valid: () => ({ profile: formProfile }),
    invalid: [{ profile: {} }, { profile: { version: 2 } }],
  },
  'forms:fill': {
    valid: () => ({ requestId: 'f1', id: formId, documentIds: [seedId] }),
    invalid: [
      { requestId: 'f', id: formId, documentIds: [] },
      { requestId: 'f', id: 'x', documentIds: [missingId] },
    ],
  },
  'forms:fillOf': { valid: () => ({ id: draftId }), invalid: [{ id: 'x' }], offlineError: 'draft_not_found' },
  'summaries:secondOpinion': {
    valid: () => ({ requestId: 's2', id: draftId }),
    invalid: [{ requestId: '', id: missingId }, { id: missingId }],
    offlineError: 'forbidden',
  },
};

describe('IPC contract', () => {
  beforeAll(async () => {
    const seeded = await dispatch(
      'documents:import',
      {
        batchId: 'seed',
        files: [{ name: 'seed.txt', bytes: bytes('种子文档\n会议于3月5日召开，请各单位于3月1日前报送名单。') }],
      },
      ctx,
    );
    if (!seeded.ok) throw new Error(`seed document: ${JSON.stringify(seeded.error)}`);
    seedId = (seeded.value as { id: string }[])[0]!.id;
    formBytes = await applicationTemplate();
    const opened = await dispatch('forms:open', { name: '申请表.docx', bytes: formBytes }, ctx);
    if (!opened.ok) throw new Error(`seed form: ${JSON.stringify(opened.error)}`);
    ({
      form: { id: formId },
      profile: formProfile,
    } = opened.value as { form: { id: string }; profile: unknown });
    const draft = await dispatch('drafts:generate', { requestId: 'seed', prompt: '起草一份会议通知' }, ctx);
    if (!draft.ok) throw new Error(`seed draft: ${JSON.stringify(draft.error)}`);
    draftId = (draft.value as { id: string }).id;
  });

  test('the examples cover exactly the contract', () => {
    expect(Object.keys(examples).sort()).toEqual([...CALL_NAMES].sort());
  });

  test.each(CALL_NAMES)('%s serves a valid input (and the reply matches its schema)', async (channel) => {
    const { valid, offlineError } = examples[channel];
    const result = await dispatch(channel, valid(), ctx);
    if (offlineError) return expect(result).toMatchObject({ ok: false, error: { code: offlineError } });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(calls[channel].output.safeParse(result.value).success).toBe(true);
  });

  test.each(CALL_NAMES.flatMap((c) => examples[c].invalid.map((input, i) => [c, i, input] as const)))(
    '%s rejects invalid input #%i with invalid_input',
    async (channel, _i, input) => {
      const result = await dispatch(channel, input, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    },
  );

  test('unknown channels are refused', async () => {
    expect(await dispatch('fs:readFile', { path: '/etc/passwd' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await dispatch('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  test('service errors come back as values with their code', async () => {
    expect(await dispatch('documents:get', { id: missingId }, ctx)).toEqual({
      ok: false,
      error: { code: 'not_found', message: `no document ${missingId}`, params: { id: missingId } },
    });
  });

  test('an unexpected failure is reported and answered as internal', async () => {
    const reported: string[] = [];
    const broken = createDispatch(
      {
        ...app.handlers,
        'app:info': async () => {
          throw new TypeError('boom');
        },
      },
      { onInternalError: (ch) => reported.push(ch) },
    );
    expect(await broken('app:info', {}, ctx)).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(reported).toEqual(['app:info']);
  });

  test('import emits per-file progress and a change event', async () => {
    emitted.length = 0;
    const result = await dispatch(
      'documents:import',
      {
        batchId: 'events',
        files: [
          { name: 'e1.txt', bytes: bytes('事件一') },
          { name: 'e2.txt', bytes: bytes('事件二') },
        ],
      },
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(emitted.map((e) => e.event)).toEqual(['import:progress', 'import:progress', 'documents:changed']);
    expect(emitted[1]!.payload).toMatchObject({ batchId: 'events', done: 2, total: 2, status: 'imported' });
  });

  test('settings persist across calls', async () => {
    await dispatch('settings:update', { locale: 'en-US', maxImportMb: 50 }, ctx);
    expect(await dispatch('settings:get', {}, ctx)).toMatchObject({
      ok: true,
      value: { locale: 'en-US', maxImportMb: 50 },
    });
  });

  test('the bridge refuses names outside the contract before anything is sent', async () => {
    const sent: string[] = [];
    const bridge = createBridge({
      invoke: async (channel) => {
        sent.push(channel);
        return { ok: true, value: null };
      },
      subscribe: () => () => {},
    });
    const result = await bridge.call('shell:exec' as CallName, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(() => bridge.on('secret:event' as EventName, () => {})).toThrow(TypeError);
    expect(sent).toEqual([]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.channels).toEqual(CALL_NAMES);
  });
});
