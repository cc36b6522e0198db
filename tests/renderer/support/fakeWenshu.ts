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
import type { DraftDetail } from '../../../shared/domain/draft';
import type {
  CheckItem,
  DoctorReport,
  EndpointStatus,
  EndpointSummary,
  PiiEntity,
  PiiType,
  PolicyProblem,
  RequestPreview,
} from '../../../shared/domain/endpoint';
import type { ChatMessage, ChatUsage, FinishReason } from '../../../shared/llm/types';

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
  /** How model:complete answers: scripted deltas and results, paced as a test needs. */
  model: FakeModel;
  /** What endpoint:check answers; unset: derived from `endpoint`. */
  doctor?: DoctorReport;
  audit: AuditEntry[];
  drafts: DraftDetail[];
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

const notYet = async (): Promise<never> => {
  throw new AppError('internal', 'not in the fake yet');
};

export function createFakeWenshu(
  init: {
    settings?: Partial<Settings>;
    documents?: DocumentDetail[];
    endpoint?: EndpointStatus;
    model?: Partial<FakeModel>;
    audit?: AuditEntry[];
    drafts?: DraftDetail[];
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
    drafts: init.drafts ?? [],
    model: { replies: [SCRIPTED_REPLY], pace: () => Promise.resolve(), ...init.model },
    audit: init.audit ?? [],
    handlers: undefined as unknown as FakeHandlers,
    fail: (channel, error) => void failures.set(channel, error),
    recover: (channel) => void failures.delete(channel),
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    callsTo: (channel) => fake.calls.filter((c) => c.channel === channel).map((c) => c.input),
  };

  fake.handlers = {
    // The review gate (drafts): a minimal in-memory store; the renderer work fills it out.
    'drafts:list': async ({ limit, offset }) => ({
      drafts: fake.drafts.slice(offset, offset + limit),
      total: fake.drafts.length,
    }),
    'drafts:get': async ({ id }) => {
      const draft = fake.drafts.find((d) => d.id === id);
      if (!draft) throw new AppError('not_found', `no draft ${id}`, { id });
      return draft;
    },
    'drafts:generate': notYet,
    'drafts:edit': notYet,
    'drafts:approve': notYet,
    'drafts:reject': notYet,
    'drafts:export': notYet,
    'drafts:copy': notYet,
    'drafts:print': notYet,
    'metrics:get': async () => ({ generatedAt: new Date().toISOString(), weeks: [] }),
    'metrics:export': notYet,
    'app:info': async () => ({
      version: '0.1.0',
      shell: 'web',
      dataDir: '/home/clerk/.wenshu',
      dbPath: '/home/clerk/.wenshu/wenshu.db',
      engine: fake.endpoint.engine,
    }),
    'settings:get': async () => fake.settings,
    'settings:update': async (patch) => updateSettings(fake, patch),
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
    ...endpointHandlers(fake),
    // Like the store: newest first; kind, UTC days (inclusive) and text in the actor or the data.
    'audit:list': async ({ kind, from, to, text, limit, offset }) => {
      const needle = text?.toLowerCase();
      const matching = fake.audit
        .filter(
          (e) =>
            (kind === undefined || e.kind === kind) &&
            (from === undefined || e.at.slice(0, 10) >= from) &&
            (to === undefined || e.at.slice(0, 10) <= to) &&
            (needle === undefined ||
              e.actor.toLowerCase().includes(needle) ||
              JSON.stringify(e.data).toLowerCase().includes(needle)),
        )
        .sort((a, b) => b.seq - a.seq);
      return { entries: matching.slice(offset, offset + limit), total: matching.length };
    },
    'audit:verify': async () => {
      const last = fake.audit.reduce<AuditEntry | undefined>((a, e) => (a && a.seq > e.seq ? a : e), undefined);
      return {
        ok: true,
        count: fake.audit.length,
        head: last?.hash ?? null,
        brokenAt: null,
        reason: null,
        brokenEntry: null,
      };
    },
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

// ---- Endpoint, policy and model (issue 4) --------------------------------------------------------

/** The endpoint a managed machine's policy approves in these tests: two models to choose from. */
export const MANAGED_ENDPOINT: EndpointSummary = {
  id: 'gov-cloud',
  name: '省政务云大模型',
  baseUrl: 'https://llm.gov.example/v1',
  model: 'qwen3-32b',
  models: ['qwen3-32b', 'deepseek-r1'],
  contextWindow: 32768,
  maxTokens: 2048,
  classificationCeiling: 'none',
};

/** A machine whose valid policy approves MANAGED_ENDPOINT and may lock settings or turn tools off. */
export function managedStatus(
  options: {
    locked?: string[];
    disabledTools?: string[];
    endpoint?: Partial<EndpointSummary>;
    apiKey?: EndpointStatus['apiKey'];
    organization?: string | null;
  } = {},
): EndpointStatus {
  return {
    engine: 'endpoint',
    reason: 'policy',
    endpoint: { ...MANAGED_ENDPOINT, ...options.endpoint },
    apiKey: options.apiKey ?? { present: true, storage: 'safeStorage' },
    policy: {
      path: '/etc/wenshu/policy.json',
      found: true,
      valid: true,
      problems: [],
      organization: options.organization === undefined ? '某某市人民政府办公室' : options.organization,
      locked: options.locked ?? [],
      disabledTools: options.disabledTools ?? [],
    },
  };
}

/** A policy file that does not validate: the safe state, no endpoint, the problems listed. */
export function invalidPolicyStatus(problems: PolicyProblem[]): EndpointStatus {
  return {
    engine: 'offline',
    reason: 'policy_invalid',
    endpoint: null,
    apiKey: { present: false, storage: 'safeStorage' },
    policy: {
      path: '/etc/wenshu/policy.json',
      found: true,
      valid: false,
      problems,
      organization: null,
      locked: [],
      disabledTools: [],
    },
  };
}

/** One scripted answer: the deltas model:complete emits, then its result (or an error). */
export interface FakeReply {
  deltas: ({ kind: 'answer' | 'reasoning'; text: string } | { kind: 'retract' })[];
  finishReason?: FinishReason | null;
  usage?: ChatUsage | null;
  model?: string;
  /** Thrown after the deltas (the renderer keeps what streamed). */
  error?: AppErrorData;
}

export interface FakeModel {
  /** Request n gets replies[n] (the last one repeats). */
  replies: FakeReply[];
  /**
   * Awaited before delta `step` of each request; replace it to hold a stream open between two
   * deltas (model:cancel ends a held stream with `cancelled`).
   */
  pace: (step: number, requestId: string) => Promise<void>;
}

/** Reasoning first, then the answer in two pieces, with usage: what a reasoning model streams. */
export const SCRIPTED_REPLY: FakeReply = {
  deltas: [
    { kind: 'reasoning', text: '用户要求概括通知。' },
    { kind: 'reasoning', text: '要点是报送时间。' },
    { kind: 'answer', text: '请各区县财政局' },
    { kind: 'answer', text: '于三月底前报送预算草案。' },
  ],
  finishReason: 'stop',
  usage: { promptTokens: 42, completionTokens: 18, reasoningTokens: 8 },
};

const PII_PATTERNS: { type: PiiType; label: string; re: RegExp }[] = [
  { type: 'id_number', label: '身份证', re: /(?<!\d)\d{17}[\dXx](?!\d)/g },
  { type: 'mobile', label: '手机号', re: /(?<!\d)1[3-9]\d{9}(?!\d)/g },
  { type: 'email', label: '邮箱', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g },
];

/** A simple stand-in for the data boundary: ID numbers, mobiles and e-mails become 〔类型N〕. */
function redact(text: string): { text: string; entities: PiiEntity[] } {
  const found: Omit<PiiEntity, 'placeholder'>[] = [];
  for (const { type, re } of PII_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ type, start, end, value: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const counts = new Map<PiiType, number>();
  let out = '';
  let at = 0;
  const entities = found.map((e) => {
    const n = (counts.get(e.type) ?? 0) + 1;
    counts.set(e.type, n);
    const placeholder = `〔${PII_PATTERNS.find((p) => p.type === e.type)!.label}${n}〕`;
    out += text.slice(at, e.start) + placeholder;
    at = e.end;
    return { ...e, placeholder };
  });
  return { text: out + text.slice(at), entities };
}

const CLASSIFICATION_MARK = /(?:^|\n)\s*(绝密|机密|秘密)(?:★|\s|$)/;
/** About 0.7 tokens a Han character, a quarter per other character, plus the message frame. */
const estimateTokens = (text: string) => {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return Math.ceil(han * 0.7 + (text.length - han) / 4) + 4;
};

function previewOf(
  fake: FakeWenshu,
  input: { prompt: string; documentIds: string[]; continueFrom?: string },
): RequestPreview {
  const status = fake.endpoint;
  const docs = fake.documents.filter((d) => input.documentIds.includes(d.id));
  const material = docs.map((d) => `<document id="${d.id}">\n${d.passages.map((p) => p.text).join('\n')}\n</document>`);
  const user = redact([input.prompt, ...material].join('\n\n'));
  const messages: ChatMessage[] = [{ role: 'user', content: user.text }];
  if (input.continueFrom) {
    messages.push({ role: 'assistant', content: input.continueFrom }, { role: 'user', content: '请接着写。' });
  }
  const endpoint = status.engine === 'endpoint' ? status.endpoint : null;
  const contextWindow = endpoint?.contextWindow ?? 0;
  const maxTokens = endpoint?.maxTokens ?? 0;
  const promptTokens = messages.reduce((n, m) => n + estimateTokens(m.content), 0);
  const fits = promptTokens + maxTokens <= contextWindow;

  let refusal: RequestPreview['refusal'] = null;
  const level =
    docs.find((d) => d.meta.classification !== null)?.meta.classification ??
    CLASSIFICATION_MARK.exec(input.prompt)?.[1];
  if (!endpoint) {
    refusal =
      status.reason === 'policy_invalid'
        ? {
            code: 'policy_invalid',
            message: 'invalid policy',
            params: {
              path: status.policy.path,
              detail: status.policy.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
            },
          }
        : { code: 'endpoint_not_configured', message: 'no endpoint' };
  } else if (level && endpoint.classificationCeiling === 'none') {
    refusal = { code: 'classified_content', message: `content marked ${level}`, params: { level, ceiling: '—' } };
  } else if (!fits) {
    refusal = {
      code: 'input_too_long',
      message: 'too long',
      params: { tokens: promptTokens, available: Math.max(contextWindow - maxTokens, 0) },
    };
  }
  return {
    endpoint,
    messages,
    entities: user.entities,
    estimate: { promptTokens, maxTokens, contextWindow, fits },
    refusal,
  };
}

/** What `wenshu doctor` would say about the fake's endpoint: all ✓ online; offline, the network checks skipped. */
function doctorFor(status: EndpointStatus): DoctorReport {
  const { policy, endpoint } = status;
  const policyItem: CheckItem = {
    id: 'policy',
    ok: !policy.found || policy.valid,
    skipped: false,
    detail: !policy.found ? `${policy.path}: not found` : `${policy.path}: ${policy.valid ? 'valid' : 'invalid'}`,
    fix: policy.found && !policy.valid ? `Correct ${policy.path}` : null,
  };
  const store: CheckItem = { id: 'store', ok: true, skipped: false, detail: 'integrity_check: ok', fix: null };
  const rest = (['dns', 'tcp', 'tls', 'auth', 'models', 'completion'] as const).map((id): CheckItem =>
    endpoint && status.engine === 'endpoint'
      ? { id, ok: true, skipped: false, detail: `${id}: ${new URL(endpoint.baseUrl).host}`, fix: null }
      : { id, ok: false, skipped: true, detail: 'no endpoint', fix: null },
  );
  const items = [policyItem, store, ...rest];
  return { ok: items.every((i) => i.ok), items };
}

/** Like main: a locked setting cannot change; without a policy, the user's endpoint takes effect. */
function updateSettings(fake: FakeWenshu, patch: Partial<Settings>): Settings {
  const { policy } = fake.endpoint;
  for (const [key, value] of Object.entries(patch)) {
    if (policy.locked.includes(key) && fake.settings[key as keyof Settings] !== value) {
      throw new AppError('setting_locked', `${key} is managed`, { key });
    }
  }
  fake.settings = { ...fake.settings, ...patch };
  const s = fake.settings;
  if (!policy.found) {
    fake.endpoint =
      s.endpointUrl === ''
        ? { ...fake.endpoint, engine: 'offline', reason: 'not_configured', endpoint: null }
        : {
            ...fake.endpoint,
            engine: 'endpoint',
            reason: 'user',
            endpoint: {
              id: 'user',
              name: new URL(s.endpointUrl).host,
              baseUrl: s.endpointUrl,
              model: s.model,
              models: [s.model],
              contextWindow: s.contextWindow,
              maxTokens: Math.min(2048, Math.floor(s.contextWindow / 4)),
              classificationCeiling: 'none',
            },
          };
  } else if (patch.model !== undefined && fake.endpoint.endpoint?.models.includes(patch.model)) {
    fake.endpoint = { ...fake.endpoint, endpoint: { ...fake.endpoint.endpoint, model: patch.model } };
  }
  if (['endpointUrl', 'model', 'contextWindow'].some((k) => k in patch)) fake.emit('endpoint:changed', {});
  return fake.settings;
}

type EndpointHandlerName =
  | 'policy:status'
  | 'endpoint:status'
  | 'endpoint:setApiKey'
  | 'endpoint:check'
  | 'model:preview'
  | 'model:complete'
  | 'model:cancel';

function endpointHandlers(fake: FakeWenshu): Pick<FakeHandlers, EndpointHandlerName> {
  const inFlight = new Map<string, () => void>();
  let requests = 0;
  return {
    'policy:status': async () => fake.endpoint.policy,
    'endpoint:status': async () => fake.endpoint,
    'endpoint:setApiKey': async ({ apiKey }) => {
      const { storage } = fake.endpoint.apiKey;
      if (storage === 'unavailable') throw new AppError('internal', 'no secret storage');
      fake.endpoint = { ...fake.endpoint, apiKey: { present: apiKey !== '', storage } };
      fake.emit('endpoint:changed', {});
      return fake.endpoint;
    },
    'endpoint:check': async () => fake.doctor ?? doctorFor(fake.endpoint),
    'model:preview': async (input) => previewOf(fake, input),
    'model:complete': async ({ requestId, ...input }) => {
      const preview = previewOf(fake, input);
      if (preview.refusal) {
        const { code, message, params } = preview.refusal;
        throw new AppError(code as AppErrorData['code'], message, params);
      }
      const reply = fake.model.replies[Math.min(requests++, fake.model.replies.length - 1)] ?? SCRIPTED_REPLY;
      const cancelled = new Promise<true>((resolve) => inFlight.set(requestId, () => resolve(true)));
      let answer = '';
      let reasoning = '';
      try {
        for (const [step, delta] of reply.deltas.entries()) {
          const stop = await Promise.race([fake.model.pace(step, requestId).then(() => false), cancelled]);
          if (stop) throw new AppError('cancelled', 'cancelled');
          if (delta.kind === 'retract') {
            reasoning += answer;
            answer = '';
            fake.emit('model:delta', { requestId, kind: 'retract', text: '' });
          } else {
            if (delta.kind === 'answer') answer += delta.text;
            else reasoning += delta.text;
            fake.emit('model:delta', { requestId, kind: delta.kind, text: delta.text });
          }
        }
      } finally {
        inFlight.delete(requestId);
      }
      if (reply.error) throw new AppError(reply.error.code, reply.error.message, reply.error.params);
      return {
        answer,
        reasoning,
        finishReason: reply.finishReason === undefined ? 'stop' : reply.finishReason,
        model: reply.model ?? preview.endpoint!.model,
        usage:
          reply.usage === undefined
            ? { promptTokens: preview.estimate.promptTokens, completionTokens: 10 }
            : reply.usage,
      };
    },
    'model:cancel': async ({ requestId }) => {
      const cancel = inFlight.get(requestId);
      cancel?.();
      return { cancelled: cancel !== undefined };
    },
  };
}
