/**
 * A fake main process behind the real bridge: `createBridge` over an in-memory transport, so the
 * renderer talks to `window.wenshu` exactly as in the app. Inputs are validated with the contract's
 * schemas (as main does), handlers keep an in-memory store, and events are pushed synchronously.
 */
import { createBridge } from '../../../shared/bridge';
import { calls } from '../../../shared/contract';
import type { CallName, CallOutput, EventName, EventPayload, ParsedInput } from '../../../shared/contract';
import type { DocumentDetail, ImportOutcome } from '../../../shared/domain/document';
import { DocumentSummary, EMPTY_META } from '../../../shared/domain/document';
import type { Settings } from '../../../shared/domain/settings';
import { AppError, toErrorData } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import type { WenshuApi } from '../../../shared/bridge';

export type FakeHandlers = {
  [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>>;
};

export interface RecordedCall {
  channel: CallName;
  input: unknown;
}

export interface FakeWenshu {
  api: WenshuApi;
  /** Every call that reached "main", in order (after validation). */
  calls: RecordedCall[];
  settings: Settings;
  documents: DocumentDetail[];
  /** Replace one handler (e.g. to hold an import open, or to return odd data). */
  handlers: FakeHandlers;
  /** Make every call to `channel` fail with `error` until `recover(channel)`. */
  fail(channel: CallName, error: AppErrorData): void;
  recover(channel: CallName): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  callsTo(channel: CallName): unknown[];
}

let nextId = 1;
/** A valid, unique document id (the contract wants a UUID). */
export const docId = () => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;

export function makeDocument(overrides: Partial<DocumentDetail> = {}): DocumentDetail {
  const id = overrides.id ?? docId();
  const passages = overrides.passages ?? [
    { id: `${id}#0`, seq: 0, page: 1, paragraph: 0, start: 0, end: 8, text: '关于做好年度预算工作的通知' },
    { id: `${id}#1`, seq: 1, page: 1, paragraph: 1, start: 9, end: 30, text: '各区县财政局：请于二〇二六年三月底前报送预算草案。' },
  ];
  return {
    id,
    title: '关于做好年度预算工作的通知',
    fileName: 'budget-notice.txt',
    kind: 'txt',
    sizeBytes: 2048,
    sha256: 'ab'.repeat(32),
    pageCount: 1,
    passageCount: passages.length,
    charCount: passages.reduce((n, p) => n + p.text.length, 0),
    importedAt: '2026-03-01T08:30:00.000Z',
    encoding: 'utf-8',
    textLayer: true,
    meta: EMPTY_META,
    ...overrides,
    passages,
  };
}

const summaryOf = (doc: DocumentDetail) => DocumentSummary.parse(doc);

export function createFakeWenshu(init: { settings?: Settings; documents?: DocumentDetail[] } = {}): FakeWenshu {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const failures = new Map<CallName, AppErrorData>();

  const fake: FakeWenshu = {
    api: undefined as unknown as WenshuApi,
    calls: [],
    settings: init.settings ?? { locale: 'zh-CN' },
    documents: init.documents ?? [],
    handlers: undefined as unknown as FakeHandlers,
    fail: (channel, error) => void failures.set(channel, error),
    recover: (channel) => void failures.delete(channel),
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    callsTo: (channel) => fake.calls.filter((c) => c.channel === channel).map((c) => c.input),
  };

  fake.handlers = {
    'app:info': async () => ({ version: '0.1.0', shell: 'web', dataDir: '/home/clerk/.wenshu', dbPath: '/home/clerk/.wenshu/wenshu.db', engine: 'offline' }),
    'settings:get': async () => fake.settings,
    'settings:update': async (patch) => (fake.settings = { ...fake.settings, ...patch }),
    'documents:list': async ({ sort = 'imported_desc', limit = 200, offset = 0 }) => {
      const docs = [...fake.documents].sort((a, b) =>
        sort === 'title_asc'
          ? a.title.localeCompare(b.title, 'zh-CN')
          : (sort === 'imported_asc' ? 1 : -1) * a.importedAt.localeCompare(b.importedAt),
      );
      return docs.slice(offset, offset + limit).map(summaryOf);
    },
    'documents:get': async ({ id }) => {
      const doc = fake.documents.find((d) => d.id === id);
      if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
      return doc;
    },
    // Like the real service: empty files and unknown extensions are rejected, the rest imported.
    'documents:import': async ({ batchId, files }) => {
      const outcomes = files.map((file, i): ImportOutcome => {
        const outcome = importOne(file);
        fake.emit('import:progress', { batchId, done: i + 1, total: files.length, file: file.name, status: outcome.status });
        return outcome;
      });
      const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.id] : []));
      if (ids.length > 0) fake.emit('documents:changed', { ids });
      return outcomes;
    },
    'documents:cancelImport': async () => ({ cancelled: false }),
    'documents:updateMeta': async ({ id, meta }) => {
      const doc = fake.documents.find((d) => d.id === id);
      if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
      doc.meta = meta;
      return summaryOf(doc);
    },
    'documents:search': async () => [],
  };

  const importOne = (file: { name: string; bytes: Uint8Array }): ImportOutcome => {
    const type = file.name.split('.').pop() ?? '';
    if (!['txt', 'md', 'markdown', 'pdf', 'docx'].includes(type)) {
      return { file: file.name, status: 'rejected', reason: { code: 'unsupported_type', message: 'unsupported', params: { file: file.name, type } } };
    }
    if (file.bytes.length === 0) {
      return { file: file.name, status: 'rejected', reason: { code: 'empty_file', message: 'empty', params: { file: file.name } } };
    }
    const doc = makeDocument({ title: file.name.replace(/\.[^.]+$/, ''), fileName: file.name, sizeBytes: file.bytes.length, importedAt: new Date().toISOString() });
    fake.documents.push(doc);
    return { file: file.name, status: 'imported', id: doc.id, title: doc.title };
  };

  fake.api = createBridge({
    async invoke(channel, input) {
      const parsed = calls[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: parsed.error.message, params: { field: channel } } };
      fake.calls.push({ channel, input: parsed.data });
      const failure = failures.get(channel);
      if (failure) return { ok: false, error: failure };
      try {
        const handler = fake.handlers[channel] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return fake;
}
