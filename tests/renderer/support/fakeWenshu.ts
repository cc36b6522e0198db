/**
 * A fake main process behind the real bridge: `createBridge` over an in-memory transport, so the
 * renderer talks to `window.wenshu` exactly as in the app. Inputs are validated with the contract's
 * schemas (as main does), handlers keep an in-memory store, and events are pushed synchronously.
 */
import { createBridge } from '../../../shared/bridge';
import { calls } from '../../../shared/contract';
import type { CallName, CallOutput, EventName, EventPayload, ParsedInput } from '../../../shared/contract';
import type {
  DocumentDetail,
  DocumentFacets,
  DocumentKind,
  DocumentMeta,
  FacetValue,
  ImportOutcome,
} from '../../../shared/domain/document';
import { DocumentSummary, EMPTY_META } from '../../../shared/domain/document';
import { buildSnippet } from '../../../shared/search/snippet';
import type { SearchFilters, SearchHit } from '../../../shared/search/types';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { Settings } from '../../../shared/domain/settings';
import { AppError, toErrorData } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import type { WenshuApi } from '../../../shared/bridge';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { EndpointStatus } from '../../../shared/domain/endpoint';

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
  /** What endpoint:status answers (offline, no policy, unless given). */
  endpoint: EndpointStatus;
  audit: AuditEntry[];
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
    {
      id: `${id}#1`,
      seq: 1,
      page: 1,
      paragraph: 1,
      start: 9,
      end: 30,
      text: '各区县财政局：请于二〇二六年三月底前报送预算草案。',
    },
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

/** The password of every encrypted file in the fake: each `*.pdf` is encrypted. */
export const FAKE_PDF_PASSWORD = 'abc';

/** The store's filters, as main applies them to both the list and the search. */
function matchesFilters(doc: DocumentDetail, filters: SearchFilters = {}): boolean {
  const { meta } = doc;
  if (filters.docType !== undefined && meta.docType !== filters.docType) return false;
  if (filters.issuer !== undefined && meta.issuer !== filters.issuer) return false;
  if (filters.classification !== undefined && meta.classification !== filters.classification) return false;
  if (filters.tag !== undefined && !meta.tags.includes(filters.tag)) return false;
  if (filters.dateFrom !== undefined && (meta.issuedDate === null || meta.issuedDate < filters.dateFrom)) return false;
  if (filters.dateTo !== undefined && (meta.issuedDate === null || meta.issuedDate > filters.dateTo)) return false;
  return true;
}

/** Values with document counts, most frequent first (then by value). */
function facet(values: (string | null)[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
}

/**
 * A plain substring search: a passage is a hit when it holds every whitespace-separated term
 * (case-insensitive); the score is the number of occurrences. Snippets and highlights come from
 * the shared snippet builder the real search uses.
 */
function searchPassages(documents: DocumentDetail[], query: string, filters?: SearchFilters): SearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of documents) {
    if (!matchesFilters(doc, filters)) continue;
    for (const passage of doc.passages) {
      const text = passage.text.toLowerCase();
      if (!terms.every((term) => text.includes(term))) continue;
      const { snippet, highlights } = buildSnippet(passage.text, query);
      const score = terms.reduce((n, term) => n + text.split(term).length - 1, 0);
      hits.push({
        documentId: doc.id,
        title: doc.title,
        passageId: passage.id,
        page: passage.page,
        paragraph: passage.paragraph,
        snippet,
        highlights,
        score,
      });
    }
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** The metadata of 国办发〔2022〕35号, for documents that need official particulars. */
export const OFFICIAL_META: DocumentMeta = {
  docNumber: '国办发〔2022〕35号',
  issuer: '国务院办公厅',
  issuedDate: '2022-09-26',
  docType: '通知',
  classification: '秘密',
  tags: ['营商环境', '试点'],
};

export const OFFLINE_STATUS: EndpointStatus = {
  engine: 'offline',
  reason: 'not_configured',
  endpoint: null,
  apiKey: { present: false, storage: 'safeStorage' },
  policy: {
    path: '/etc/wenshu/policy.json',
    found: false,
    valid: true,
    problems: [],
    organization: null,
    locked: [],
    disabledTools: [],
  },
};

export function createFakeWenshu(
  init: {
    settings?: Partial<Settings>;
    documents?: DocumentDetail[];
    endpoint?: EndpointStatus;
    audit?: AuditEntry[];
  } = {},
): FakeWenshu {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const failures = new Map<CallName, AppErrorData>();

  const fake: FakeWenshu = {
    api: undefined as unknown as WenshuApi,
    calls: [],
    settings: { ...DEFAULT_SETTINGS, ...init.settings },
    documents: init.documents ?? [],
    endpoint: init.endpoint ?? OFFLINE_STATUS,
    audit: init.audit ?? [],
    handlers: undefined as unknown as FakeHandlers,
    fail: (channel, error) => void failures.set(channel, error),
    recover: (channel) => void failures.delete(channel),
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    callsTo: (channel) => fake.calls.filter((c) => c.channel === channel).map((c) => c.input),
  };

  fake.handlers = {
    'app:info': async () => ({
      version: '0.1.0',
      shell: 'web',
      dataDir: '/home/clerk/.wenshu',
      dbPath: '/home/clerk/.wenshu/wenshu.db',
      engine: 'offline',
    }),
    'settings:get': async () => fake.settings,
    'settings:update': async (patch) => (fake.settings = { ...fake.settings, ...patch }),
    'documents:list': async ({ sort = 'imported_desc', limit = 200, offset = 0, filters }) => {
      const docs = fake.documents
        .filter((d) => matchesFilters(d, filters))
        .sort((a, b) =>
          sort === 'title_asc'
            ? a.title.localeCompare(b.title, 'zh-CN')
            : (sort === 'imported_asc' ? 1 : -1) * a.importedAt.localeCompare(b.importedAt),
        );
      return docs.slice(offset, offset + limit).map(summaryOf);
    },
    'documents:facets': async (): Promise<DocumentFacets> => ({
      docTypes: facet(fake.documents.map((d) => d.meta.docType)),
      issuers: facet(fake.documents.map((d) => d.meta.issuer)),
      classifications: facet(fake.documents.map((d) => d.meta.classification)),
      tags: facet(fake.documents.flatMap((d) => d.meta.tags)),
    }),
    'documents:get': async ({ id }) => {
      const doc = fake.documents.find((d) => d.id === id);
      if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
      return doc;
    },
    // Like the real service: empty files and unknown extensions are rejected, encrypted files
    // (every *.pdf here) need their password, the rest is imported.
    'documents:import': async ({ batchId, files }) => {
      const outcomes = files.map((file, i): ImportOutcome => {
        const outcome = importOne(file);
        fake.emit('import:progress', {
          batchId,
          done: i + 1,
          total: files.length,
          file: file.name,
          status: outcome.status,
        });
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
      fake.emit('documents:changed', { ids: [id] });
      return summaryOf(doc);
    },
    'documents:search': async ({ query, limit = 20, offset = 0, filters }) =>
      searchPassages(fake.documents, query, filters).slice(offset, offset + limit),
    'policy:status': async () => fake.endpoint.policy,
    'endpoint:status': async () => fake.endpoint,
    'endpoint:setApiKey': async ({ apiKey }) => {
      fake.endpoint = { ...fake.endpoint, apiKey: { present: apiKey !== '', storage: 'safeStorage' } };
      return fake.endpoint;
    },
    'endpoint:check': async () => ({ ok: false, items: [] }),
    'model:preview': async ({ prompt }) => ({
      endpoint: fake.endpoint.endpoint,
      messages: [{ role: 'user', content: prompt }],
      entities: [],
      estimate: { promptTokens: prompt.length, maxTokens: 1024, contextWindow: 8192, fits: true },
      refusal: null,
    }),
    'model:complete': async () => {
      throw new AppError('endpoint_not_configured', 'offline');
    },
    'model:cancel': async () => ({ cancelled: false }),
    'audit:list': async ({ limit, offset }) => ({
      entries: fake.audit.slice(offset, offset + limit),
      total: fake.audit.length,
    }),
    'audit:verify': async () => ({
      ok: true,
      count: fake.audit.length,
      head: fake.audit.at(-1)?.hash ?? null,
      brokenAt: null,
      reason: null,
    }),
  };

  const importOne = (file: { name: string; bytes: Uint8Array; password?: string }): ImportOutcome => {
    const type = file.name.split('.').pop() ?? '';
    if (!['txt', 'md', 'markdown', 'pdf', 'docx'].includes(type)) {
      return {
        file: file.name,
        status: 'rejected',
        reason: { code: 'unsupported_type', message: 'unsupported', params: { file: file.name, type } },
      };
    }
    if (file.bytes.length === 0) {
      return {
        file: file.name,
        status: 'rejected',
        reason: { code: 'empty_file', message: 'empty', params: { file: file.name } },
      };
    }
    if (type === 'pdf' && file.password !== FAKE_PDF_PASSWORD) {
      const code = file.password === undefined ? 'password_required' : 'wrong_password';
      return { file: file.name, status: 'rejected', reason: { code, message: code, params: { file: file.name } } };
    }
    const kind = type === 'markdown' ? 'md' : (type as DocumentKind);
    const doc = makeDocument({
      title: file.name.replace(/\.[^.]+$/, ''),
      fileName: file.name,
      kind,
      sizeBytes: file.bytes.length,
      importedAt: new Date().toISOString(),
    });
    fake.documents.push(doc);
    return { file: file.name, status: 'imported', id: doc.id, title: doc.title };
  };

  fake.api = createBridge({
    async invoke(channel, input) {
      const parsed = calls[channel].input.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          error: { code: 'invalid_input', message: parsed.error.message, params: { field: channel } },
        };
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
