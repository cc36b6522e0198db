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
import type {
  DraftContent,
  DraftDetail,
  DraftKind,
  DraftVersion,
  DraftWarning,
  Metrics,
  WeekMetrics,
} from '../../../shared/domain/draft';
import { DraftSummary } from '../../../shared/domain/draft';
import type { PackSummary } from '../../../shared/contract/drafting';
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
import type { DocTypeSpec } from '../../../shared/gongwen/type-spec';
import { fakeSummaryWarnings, summaryHandlers } from './fakeSummaries';
import type { FakeSummary } from './fakeSummaries';
import { createFakeForms, fakeFormWarnings, formHandlers } from './fakeForms';
import type { FakeForms } from './fakeForms';

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
  /** The review gate's store: drafts with their versions, approvals and rejections. */
  drafts: DraftDetail[];
  /** Template packs in use (drafting:packs). */
  packs: PackSummary[];
  /** What metrics:get answers; unset: computed from `drafts` as the store does. */
  metrics?: Metrics;
  /** The OS account main records as author of edits and as reviewer. */
  account: string;
  /** What summaries answer (the model's summary text, the second opinions). */
  summary: FakeSummary;
  /** What forms answer: the forms kept, what each file name reads as, what filling proposes. */
  forms: FakeForms;
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
  secondOpinion: false,
};

export function createFakeWenshu(
  init: {
    settings?: Partial<Settings>;
    documents?: DocumentDetail[];
    endpoint?: EndpointStatus;
    model?: Partial<FakeModel>;
    audit?: AuditEntry[];
    drafts?: DraftDetail[];
    packs?: PackSummary[];
    metrics?: Metrics;
    summary?: FakeSummary;
    forms?: Partial<FakeForms>;
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
    packs: init.packs ?? [],
    metrics: init.metrics,
    account: 'clerk',
    summary: init.summary ?? {},
    forms: createFakeForms(init.forms),
    model: { replies: [SCRIPTED_REPLY], pace: () => Promise.resolve(), ...init.model },
    audit: init.audit ?? [],
    handlers: undefined as unknown as FakeHandlers,
    fail: (channel, error) => void failures.set(channel, error),
    recover: (channel) => void failures.delete(channel),
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    callsTo: (channel) => fake.calls.filter((c) => c.channel === channel).map((c) => c.input),
  };

  fake.handlers = {
    // The review gate (issue 5): drafts, versions, approvals, the guarded ways out, metrics.
    ...draftHandlers(fake),
    // Drafting by document type (issue 6): types, typed generation, revision by instruction.
    ...draftingHandlers(fake),
    // Grounded summaries (issue 7): made, checked, and a second opinion.
    ...summaryHandlers(fake),
    // Forms (issue 8): opened, profiled, filled with evidence.
    ...formHandlers(fake),
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
    secondOpinion?: boolean;
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
    secondOpinion: options.secondOpinion ?? false,
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
    secondOpinion: false,
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

/** Requests in flight and replies used, shared by model:complete and drafts:generate (model:cancel stops both). */
interface ModelRuns {
  inFlight: Map<string, () => void>;
  requests: number;
}
const modelRuns = new WeakMap<FakeWenshu, ModelRuns>();
export function runsOf(fake: FakeWenshu): ModelRuns {
  let runs = modelRuns.get(fake);
  if (!runs) modelRuns.set(fake, (runs = { inFlight: new Map(), requests: 0 }));
  return runs;
}

function endpointHandlers(fake: FakeWenshu): Pick<FakeHandlers, EndpointHandlerName> {
  const runs = runsOf(fake);
  const inFlight = runs.inFlight;
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
      const reply = fake.model.replies[Math.min(runs.requests++, fake.model.replies.length - 1)] ?? SCRIPTED_REPLY;
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

// ---- The review gate (issue 5) --------------------------------------------------------------------

let nextDraft = 1;
/** A valid, unique draft id (the contract wants a UUID). */
export const draftId = () => `00000000-0000-4000-9000-${String(nextDraft++).padStart(12, '0')}`;

/** The OS account of the fake machine: author of edits, reviewer of approvals. */
export const FAKE_ACCOUNT = 'clerk';

/** Like main's canonical JSON of the content: fields sorted by name, then the text. */
const canonicalContent = (content: DraftContent) =>
  JSON.stringify({
    fields: Object.fromEntries(Object.entries(content.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    text: content.text,
  });

/**
 * 64 hex digits that change with any change of the content, like main's SHA-256 (here: eight
 * FNV-1a rounds with different seeds: deterministic, not cryptographic, enough for a fake).
 */
export function fakeContentHash(content: DraftContent): string {
  const data = canonicalContent(content);
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < data.length; i++) {
      h ^= data.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** Output wording that decides a case (a review warning); longer phrases first, so 不予批准 is one hit. */
const DECISION_OUTPUTS = ['不予受理', '不予批准', '予以批准', '批准', '同意', '驳回'];
/** Requests that ask the tool to decide (answered with a neutral summary of the facts instead). */
const DECISION_REQUEST = /是否批准|是否同意|能否受理|打分|评分|判定|\b(?:approve|reject|grant|score)\b/i;
export const DECISION_NOTICE = '【提示】本请求涉及对事项作出决定。决定由承办人员依法作出，以下仅为事实摘要，供参考。';

export function makeWarning(kind: DraftWarning['kind'], overrides: Partial<DraftWarning> = {}): DraftWarning {
  return {
    id: `${kind}:0`,
    kind,
    severity: 'warning',
    message: `${kind.replace(/_/g, ' ')}`,
    params: {},
    start: null,
    end: null,
    field: null,
    ...overrides,
  };
}

/** What main flags in any version: decision wording, each with its span. */
export function decisionWarnings(text: string): DraftWarning[] {
  const found: { start: number; end: number; phrase: string }[] = [];
  for (const phrase of DECISION_OUTPUTS) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      const end = at + phrase.length;
      if (!found.some((f) => at < f.end && end > f.start)) found.push({ start: at, end, phrase });
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f, i) =>
      makeWarning('decision_wording', {
        id: `decision_wording:${i}`,
        message: `decision wording "${f.phrase}": the decision belongs to the responsible officer`,
        params: { phrase: f.phrase },
        start: f.start,
        end: f.end,
      }),
    );
}

export interface VersionInit {
  text: string;
  fields?: Record<string, string>;
  origin?: 'ai' | 'edit';
  author?: string;
  engine?: 'endpoint' | 'offline' | null;
  model?: string | null;
  createdAt?: string;
  /** Unset: decision wording found in the text, as main does. */
  warnings?: DraftWarning[];
}

export function makeVersion(version: number, init: VersionInit): DraftVersion {
  const content = { text: init.text, fields: init.fields ?? {} };
  const origin = init.origin ?? 'ai';
  return {
    version,
    origin,
    author: init.author ?? (origin === 'ai' ? 'ai' : FAKE_ACCOUNT),
    engine: init.engine === undefined ? (origin === 'ai' ? 'endpoint' : null) : init.engine,
    model: init.model === undefined ? (origin === 'ai' ? MANAGED_ENDPOINT.model : null) : init.model,
    createdAt: init.createdAt ?? '2026-03-02T08:01:00.000Z',
    content,
    contentHash: fakeContentHash(content),
    warnings: init.warnings ?? decisionWarnings(init.text),
  };
}

export const DRAFT_TEXT =
  '各区县人民政府：\n为做好今年春季防汛工作，现将有关事项通知如下。\n一、各地要在四月十日前完成河道清淤。\n二、请于四月十五日前报送工作总结。';

/**
 * A draft as main keeps it. Without `versions`, one AI version of `text` (DRAFT_TEXT) with
 * `warnings` (decision wording found in the text, unless given).
 */
export function makeDraft(
  overrides: Partial<DraftDetail> & {
    text?: string;
    fields?: Record<string, string>;
    warnings?: DraftWarning[];
    engine?: 'endpoint' | 'offline';
    model?: string | null;
  } = {},
): DraftDetail {
  const { text, fields, warnings, engine, model, ...rest } = overrides;
  const createdAt = rest.createdAt ?? '2026-03-02T08:01:00.000Z';
  const versions = rest.versions ?? [
    makeVersion(1, {
      text: text ?? DRAFT_TEXT,
      fields,
      warnings,
      engine: engine ?? 'endpoint',
      model: model === undefined ? (engine === 'offline' ? null : MANAGED_ENDPOINT.model) : model,
      createdAt,
    }),
  ];
  const last = versions.at(-1);
  return {
    id: draftId(),
    kind: 'document',
    tool: 'draft',
    title: '关于做好春季防汛工作的通知',
    state: 'draft',
    requestedAt: new Date(Date.parse(createdAt) - 60_000).toISOString(),
    createdAt,
    updatedAt: last?.createdAt ?? createdAt,
    version: last?.version ?? 0,
    warningCount: last?.warnings.length ?? 0,
    sources: [],
    approvals: [],
    rejections: [],
    ...rest,
    versions,
  };
}

/** A draft approved at its current version by `name` (clerk). */
export function approvedDraft(overrides: Parameters<typeof makeDraft>[0] = {}, name = '张三'): DraftDetail {
  const draft = makeDraft({ ...overrides, state: 'approved' });
  const current = draft.versions.at(-1)!;
  draft.approvals = [
    {
      version: current.version,
      contentHash: current.contentHash,
      reviewer: { account: FAKE_ACCOUNT, name },
      at: new Date(Date.parse(current.createdAt) + 30 * 60_000).toISOString(),
      acknowledged: current.warnings.map((w) => w.id),
    },
  ];
  draft.updatedAt = draft.approvals[0]!.at;
  return draft;
}

const TOOL_OF: Record<DraftKind, string> = { document: 'draft', summary: 'summarize', form: 'forms' };
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type DraftCallName =
  | 'drafts:list'
  | 'drafts:get'
  | 'drafts:generate'
  | 'drafts:edit'
  | 'drafts:approve'
  | 'drafts:reject'
  | 'drafts:export'
  | 'drafts:copy'
  | 'drafts:print'
  | 'metrics:get'
  | 'metrics:export';

/**
 * Main's review gate (electron/services/review-service.ts), in memory: the state machine
 * (generating → draft → approved | rejected; an edit returns it to draft; approved → rejected), versions with content hashes, approval bound to the version and hash
 * the reviewer saw with every warning acknowledged, and egress refused unless the current content
 * is approved. Every change says `drafts:changed`.
 */
function draftHandlers(fake: FakeWenshu): Pick<FakeHandlers, DraftCallName> {
  const runs = runsOf(fake);
  const now = () => new Date().toISOString();
  const find = (id: string) => {
    const draft = fake.drafts.find((d) => d.id === id);
    if (!draft) throw new AppError('draft_not_found', `no draft ${id}`, { id });
    return draft;
  };
  const current = (draft: DraftDetail) => draft.versions.at(-1);
  const changed = (id: string) => fake.emit('drafts:changed', { ids: [id] });
  const invalidState = (draft: DraftDetail, action: 'edited' | 'approved' | 'rejected') =>
    new AppError('invalid_state', `draft ${draft.id} is ${draft.state}; it cannot be ${action}`, {
      state: draft.state,
      action,
    });
  const conflict = (draft: DraftDetail) =>
    new AppError('draft_conflict', `draft ${draft.id} is at version ${draft.version}`, { current: draft.version });

  const addVersion = (draft: DraftDetail, init: VersionInit) => {
    const version = makeVersion(draft.version + 1, { createdAt: now(), ...init });
    draft.versions.push(version);
    draft.version = version.version;
    draft.warningCount = version.warnings.length;
    draft.updatedAt = version.createdAt;
    draft.state = 'draft';
  };

  /** The guard of every way out: the current content must be what a reviewer approved. */
  const approvedNow = (id: string) => {
    const draft = find(id);
    const version = current(draft);
    const ok =
      draft.state === 'approved' &&
      version !== undefined &&
      draft.approvals.some((a) => a.version === version.version && a.contentHash === version.contentHash);
    if (!ok) throw new AppError('not_approved', `draft ${id} is not approved`, { id });
    return draft;
  };

  return {
    // Like the store: most recently changed first, then the newest row.
    'drafts:list': async ({ state, tool, kind, limit, offset }) => {
      const matching = fake.drafts
        .map((d, row) => ({ d, row }))
        .filter(
          ({ d }) =>
            (state === undefined || d.state === state) &&
            (tool === undefined || d.tool === tool) &&
            (kind === undefined || d.kind === kind),
        )
        .sort((a, b) => b.d.updatedAt.localeCompare(a.d.updatedAt) || b.row - a.row)
        .map(({ d }) => d);
      return {
        drafts: matching.slice(offset, offset + limit).map((d) => DraftSummary.parse(d)),
        total: matching.length,
      };
    },
    'drafts:get': async ({ id }) => clone(find(id)),

    // A draft in `generating`, the answer streamed as model:delta, then the AI version. A request
    // to decide a case gets the notice and a neutral summary; offline, the offline engine's text.
    'drafts:generate': async ({ requestId, kind, title, prompt, documentIds }) => {
      const at = now();
      const line = prompt.trim().split('\n')[0]!.trim();
      const draft: DraftDetail = {
        id: draftId(),
        kind,
        tool: TOOL_OF[kind],
        title: title ?? (line.length > 40 ? `${line.slice(0, 40)}…` : line),
        state: 'generating',
        requestedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 0,
        warningCount: 0,
        sources: documentIds.map((documentId) => ({ documentId, passageId: null })),
        versions: [],
        approvals: [],
        rejections: [],
      };
      fake.drafts.push(draft);
      changed(draft.id);

      const decision = DECISION_REQUEST.test(prompt);
      const notice = decision ? `${DECISION_NOTICE}\n\n` : '';
      const endpoint = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint : null;
      const reply: FakeReply = endpoint
        ? (fake.model.replies[Math.min(runs.requests++, fake.model.replies.length - 1)] ?? SCRIPTED_REPLY)
        : {
            deltas: [
              { kind: 'answer', text: `（离线：未连接模型服务，未生成正文。请在此直接撰写。）\n\n要求：${prompt}` },
            ],
          };
      const deltas: FakeReply['deltas'] = [
        ...(notice ? [{ kind: 'answer' as const, text: notice }] : []),
        ...reply.deltas,
      ];

      const cancelled = new Promise<true>((resolve) => runs.inFlight.set(requestId, () => resolve(true)));
      let answer = '';
      let failure: AppError | undefined;
      try {
        for (const [step, delta] of deltas.entries()) {
          const stop = await Promise.race([fake.model.pace(step, requestId).then(() => false), cancelled]);
          if (stop) throw new AppError('cancelled', 'cancelled');
          if (delta.kind === 'retract') {
            answer = '';
            fake.emit('model:delta', { requestId, kind: 'retract', text: '' });
          } else {
            if (delta.kind === 'answer') answer += delta.text;
            fake.emit('model:delta', { requestId, kind: delta.kind, text: delta.text });
          }
        }
        if (reply.error) throw new AppError(reply.error.code, reply.error.message, reply.error.params);
      } catch (err) {
        failure = err instanceof AppError ? err : new AppError('internal', String(err));
      } finally {
        runs.inFlight.delete(requestId);
      }

      const engine = endpoint ? 'endpoint' : 'offline';
      const model = endpoint ? (reply.model ?? endpoint.model) : null;
      if (failure) {
        // What streamed before a failure or a stop is kept for review, marked incomplete.
        if (answer.trim().length > notice.trim().length) {
          addVersion(draft, {
            text: answer,
            engine,
            model,
            warnings: [makeWarning('incomplete', { params: { reason: failure.code } }), ...decisionWarnings(answer)],
          });
          changed(draft.id);
          return clone(draft);
        }
        fake.drafts = fake.drafts.filter((d) => d !== draft);
        changed(draft.id);
        throw failure;
      }
      const cut = reply.finishReason === 'length' ? [makeWarning('incomplete', { params: { reason: 'length' } })] : [];
      addVersion(draft, { text: answer, engine, model, warnings: [...cut, ...decisionWarnings(answer)] });
      changed(draft.id);
      return clone(draft);
    },

    // A person's edit from `baseVersion`: a new version, unless nothing changed; any edit after
    // approval or rejection returns the draft to `draft`. Like main, the new version keeps the last
    // AI version's `incomplete` warning and gets the checks of its own text.
    'drafts:edit': async ({ id, baseVersion, content }) => {
      const draft = find(id);
      if (draft.state === 'generating') throw invalidState(draft, 'edited');
      if (baseVersion !== draft.version) throw conflict(draft);
      const base = current(draft)!;
      if (fakeContentHash(content) === base.contentHash) return clone(draft);
      const ai = draft.versions.filter((v) => v.origin === 'ai').at(-1);
      const kept = (ai?.warnings ?? []).filter((w) => w.kind === 'incomplete');
      // A summary is checked again against its sources, like main's warningsFor.
      const checked =
        draft.kind === 'summary'
          ? fakeSummaryWarnings(fake, draft.sources, content.text)
          : draft.kind === 'form'
            ? fakeFormWarnings(fake, draft, content)
            : [];
      addVersion(draft, {
        ...content,
        origin: 'edit',
        author: fake.account,
        warnings: [...kept, ...checked, ...decisionWarnings(content.text)],
      });
      changed(id);
      return clone(draft);
    },

    'drafts:approve': async ({ id, version, contentHash, acknowledged }) => {
      const draft = find(id);
      if (draft.state !== 'draft') throw invalidState(draft, 'approved');
      if (version !== draft.version) throw conflict(draft);
      const shown = current(draft)!;
      if (contentHash !== shown.contentHash) {
        throw new AppError('content_changed', `draft ${id} version ${version} is not the content reviewed`);
      }
      const open = shown.warnings.filter((w) => !acknowledged.includes(w.id));
      if (open.length > 0) {
        throw new AppError('warnings_unacknowledged', `${open.length} warnings open`, { count: open.length });
      }
      draft.approvals.push({
        version,
        contentHash,
        reviewer: { account: fake.account, name: fake.settings.reviewerName },
        at: now(),
        acknowledged: shown.warnings.map((w) => w.id),
      });
      draft.state = 'approved';
      draft.updatedAt = now();
      changed(id);
      return clone(draft);
    },

    // From `draft` or `approved` (a reviewer may withdraw an approval by sending the text back).
    'drafts:reject': async ({ id, version, reason, note }) => {
      const draft = find(id);
      if (draft.state !== 'draft' && draft.state !== 'approved') throw invalidState(draft, 'rejected');
      if (version !== draft.version) throw conflict(draft);
      draft.rejections.push({
        version,
        reason,
        note,
        reviewer: { account: fake.account, name: fake.settings.reviewerName },
        at: now(),
      });
      draft.state = 'rejected';
      draft.updatedAt = now();
      changed(id);
      return clone(draft);
    },

    'drafts:export': async ({ id, format }) => {
      const draft = approvedNow(id);
      return { saved: true, path: `/home/clerk/文档/${draft.title}.${format}` };
    },
    'drafts:copy': async ({ id }) => {
      approvedNow(id);
      return { copied: true };
    },
    'drafts:print': async ({ id }) => {
      approvedNow(id);
      return { printed: true };
    },

    'metrics:get': async () => fake.metrics ?? computeMetrics(fake.drafts),
    'metrics:export': async ({ format }) => ({
      saved: true,
      path: `/home/clerk/文档/wenshu-metrics-${now().slice(0, 10)}.${format}`,
    }),
  };
}

/** ISO 8601 week of an instant (UTC), e.g. 2026-W10. */
export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday - firstThursday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Usefulness as the store computes it, per tool and ISO week: drafts created (by creation),
 * approved and rejected (by the decision's week), the median minutes from request to approval,
 * the median edit ratio (last AI version → approved text) and the rejection reasons.
 * (The fake ignores the `weeks` window: its fixtures sit at fixed dates.)
 */
export function computeMetrics(drafts: DraftDetail[]): Metrics {
  const rows = new Map<string, WeekMetrics & { minutes: number[]; ratios: number[] }>();
  const row = (week: string, tool: string) => {
    const key = `${week} ${tool}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        week,
        tool,
        created: 0,
        approved: 0,
        rejected: 0,
        medianMinutesToApproval: null,
        medianEditRatio: null,
        rejectionReasons: {},
        minutes: [],
        ratios: [],
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const d of drafts) {
    row(isoWeek(d.createdAt), d.tool).created++;
    const approval = d.approvals[0];
    if (approval) {
      const r = row(isoWeek(approval.at), d.tool);
      r.approved++;
      r.minutes.push((Date.parse(approval.at) - Date.parse(d.requestedAt)) / 60_000);
      const approved = d.versions.find((v) => v.version === approval.version);
      const ai = d.versions.filter((v) => v.origin === 'ai' && v.version <= approval.version).at(-1);
      if (approved && ai) {
        const length = Math.max(approved.content.text.length, 1);
        r.ratios.push(editDistance(ai.content.text, approved.content.text) / length);
      }
    }
    for (const rejection of d.rejections) {
      const r = row(isoWeek(rejection.at), d.tool);
      r.rejected++;
      r.rejectionReasons[rejection.reason] = (r.rejectionReasons[rejection.reason] ?? 0) + 1;
    }
  }
  const weeks = [...rows.values()]
    .sort((a, b) => a.week.localeCompare(b.week) || a.tool.localeCompare(b.tool))
    .map(({ minutes, ratios, ...r }) => ({
      ...r,
      medianMinutesToApproval: median(minutes),
      medianEditRatio: median(ratios),
    }));
  return { generatedAt: new Date().toISOString(), weeks };
}

// ---- Drafting by document type (issue 6) ----------------------------------------------------------

type TypeField = DocTypeSpec['fields'][number];
const field = (
  key: string,
  zh: string,
  en: string,
  kind: TypeField['kind'],
  required = false,
  hint?: [string, string],
  options?: string[],
): TypeField => ({
  key,
  label: { zh, en },
  kind,
  required,
  ...(hint ? { hint: { zh: hint[0], en: hint[1] } } : {}),
  ...(options ? { options } : {}),
});

const F = {
  issuer: field('issuer', '发文机关', 'Issuing organ', 'text', true, [
    '全称或规范化简称，如：某市人民政府办公室',
    'Full or standard short name, e.g. 某市人民政府办公室',
  ]),
  docNumber: field('docNumber', '发文字号', 'Document number', 'docNumber', false, [
    '机关代字〔年份〕序号号，如：某政办发〔2026〕5号',
    'Organ code〔year〕serial号, e.g. 某政办发〔2026〕5号',
  ]),
  recipients: field('recipients', '主送机关', 'Principal recipients', 'organs', false, [
    '如：各区县人民政府，市政府各部门',
    'Organs addressed, e.g. 各区县人民政府，市政府各部门',
  ]),
  superior: field('recipients', '主送机关', 'Principal recipients', 'organs', true, [
    '原则上主送一个上级机关，不主送领导个人',
    'As a rule one superior organ, never a leader in person',
  ]),
  subject: field('subject', '事由', 'Subject', 'text', true, [
    '写进标题：发文机关关于＿＿的文种',
    'Goes into the title (…关于＿＿的…)',
  ]),
  points: field('points', '正文要点', 'Key points', 'multiline', true, [
    '每行一点，成文时各成一段',
    'One point a line; each becomes a paragraph',
  ]),
  attachments: field('attachments', '附件', 'Attachments', 'list', false, [
    '每行一个附件名称，名称后不加标点',
    'One attachment name a line, no trailing punctuation',
  ]),
  signer: field('signer', '签发人', 'Signed off by', 'text', true, [
    '上行文应当标注签发人姓名',
    'Documents to a superior must name the official who signed them off',
  ]),
  contact: field('contact', '联系人及电话', 'Contact and phone', 'text', true, [
    '如：张三，电话：0000-12345678',
    'e.g. 张三，电话：0000-12345678',
  ]),
  cc: field('cc', '抄送机关', 'Copied to', 'organs'),
  urgency: field('urgency', '紧急程度', 'Urgency', 'choice', false, undefined, ['特急', '加急']),
  date: field('date', '成文日期', 'Date of the document', 'date', false, [
    '阿拉伯数字，如：2026年5月8日；留空为今天',
    'Arabic numerals, e.g. 2026年5月8日; empty means today',
  ]),
};
const DOWN = ['docNumber', 'title', 'recipients', 'body', 'attachments', 'signature', 'date', 'cc'];
const UP = ['docNumber', 'signer', 'title', 'recipients', 'body', 'attachments', 'signature', 'date', 'note', 'cc'];
const FORMAT = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'];

/** A few of the built-in types, as drafting:types lists them. */
export const FAKE_DOC_TYPES: DocTypeSpec[] = [
  {
    id: 'tongzhi',
    name: '通知',
    nameEn: 'Notice',
    direction: 'down',
    fields: [F.issuer, F.subject, F.recipients, F.points, F.attachments, F.date, F.docNumber, F.urgency, F.cc],
    structure: DOWN,
    closings: ['特此通知。'],
    rules: FORMAT,
    guidance: {
      zh: '用于发布、传达要求下级机关执行和有关单位周知或者执行的事项。先写缘由，再写事项和要求。',
      en: 'Publishes and passes on what subordinate organs must carry out or know. The reason first, then the matters and requirements.',
    },
  },
  {
    id: 'qingshi',
    name: '请示',
    nameEn: 'Request for instructions',
    direction: 'up',
    fields: [F.issuer, F.subject, F.superior, F.points, F.signer, F.contact, F.attachments, F.date, F.docNumber],
    structure: UP,
    closings: ['妥否，请批示。', '当否，请批示。'],
    rules: [...FORMAT, 'Q1', 'U1'],
    guidance: {
      zh: '用于向上级机关请求指示、批准。一文一事，只主送一个上级机关，不得在报告中夹带请示事项。',
      en: 'Asks a superior organ for instructions or approval: one matter a request, one principal recipient.',
    },
  },
  {
    id: 'baogao',
    name: '报告',
    nameEn: 'Report',
    direction: 'up',
    fields: [F.issuer, F.subject, F.superior, F.points, F.signer, F.attachments, F.date, F.docNumber],
    structure: UP,
    closings: ['特此报告。'],
    rules: [...FORMAT, 'R1', 'U1'],
    guidance: {
      zh: '用于向上级机关汇报工作、反映情况、回复询问。不得夹带请示事项。',
      en: 'Reports work, conditions or answers to a superior organ; never carries a request.',
    },
  },
  {
    id: 'han',
    name: '函',
    nameEn: 'Letter',
    direction: 'parallel',
    fields: [F.issuer, F.subject, F.recipients, F.points, F.attachments, F.date, F.docNumber],
    structure: DOWN,
    closings: ['请予支持为盼。', '特此函告。'],
    rules: FORMAT,
    guidance: {
      zh: '用于不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项。',
      en: 'Between organs not in the same line: to discuss work, ask and answer, or ask for and give approval.',
    },
  },
];

/** What the fake model writes for a type: the plain-text convention, one element per line. */
export function fakeTypedText(type: DocTypeSpec, fields: Record<string, string>): string {
  const title = `${fields.issuer ?? ''}关于${fields.subject ?? ''}的${type.name}`;
  const points = (fields.points ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `\u3000\u3000${p}`);
  return [
    ...(fields.docNumber ? [fields.docNumber] : []),
    ...(fields.signer ? [`签发人：${fields.signer}`] : []),
    title,
    `${fields.recipients ?? ''}：`,
    ...points,
    `\u3000\u3000${type.closings[0] ?? ''}`,
    fields.issuer ?? '',
    fields.date || '2026年5月8日',
    ...(fields.contact ? [`（联系人：${fields.contact}）`] : []),
  ].join('\n');
}

type DraftingCallName =
  | 'drafting:types'
  | 'drafting:generate'
  | 'drafting:revise'
  | 'drafting:regenerate'
  | 'drafting:packs'
  | 'drafting:importPack'
  | 'drafting:removePack';

/**
 * Main's drafting service (electron/services/drafting-service.ts), in memory: types from
 * FAKE_DOC_TYPES; generate streams the type's text (online: in three pieces, paced like the model;
 * offline: the filled structure in one piece) into a new draft whose fields keep typeId and
 * typeName; revise replaces the selection (or the whole text) with the model's answer (the next
 * scripted reply) as a new AI version, `draft_conflict` on a stale base.
 */
function draftingHandlers(fake: FakeWenshu): Pick<FakeHandlers, DraftingCallName> {
  const runs = runsOf(fake);
  const now = () => new Date().toISOString();
  const changed = (id: string) => fake.emit('drafts:changed', { ids: [id] });

  /** Emits the deltas paced by fake.model.pace; model:cancel ends them with `cancelled`. */
  const stream = async (requestId: string, pieces: string[]): Promise<string> => {
    const cancelled = new Promise<true>((resolve) => runs.inFlight.set(requestId, () => resolve(true)));
    let answer = '';
    try {
      for (const [step, text] of pieces.entries()) {
        const stop = await Promise.race([fake.model.pace(step, requestId).then(() => false), cancelled]);
        if (stop) throw new AppError('cancelled', 'cancelled');
        answer += text;
        fake.emit('model:delta', { requestId, kind: 'answer', text });
      }
    } finally {
      runs.inFlight.delete(requestId);
    }
    return answer;
  };
  const addAi = (draft: DraftDetail, content: DraftContent, engine: 'endpoint' | 'offline', model: string | null) => {
    const version = makeVersion(draft.version + 1, { ...content, engine, model, createdAt: now() });
    draft.versions.push(version);
    draft.version = version.version;
    draft.warningCount = version.warnings.length;
    draft.updatedAt = version.createdAt;
    draft.state = 'draft';
  };

  return {
    'drafting:types': async () => clone(FAKE_DOC_TYPES),
    'drafting:regenerate': async () => {
      throw new AppError('internal', 'not in the fake yet');
    },
    // Template packs: the fake keeps a list; importing checks only that the file is JSON with types.
    'drafting:packs': async () => clone(fake.packs),
    'drafting:importPack': async ({ name, bytes }) => {
      let pack: { name?: string; publisher?: string; types?: { name: string }[] };
      try {
        pack = JSON.parse(new TextDecoder().decode(bytes)) as typeof pack;
      } catch {
        throw new AppError('template_pack_invalid', 'not JSON', { file: name, detail: 'not JSON' });
      }
      if (!Array.isArray(pack.types) || !pack.name || !pack.publisher) {
        throw new AppError('template_pack_invalid', 'schema', { file: name, detail: 'types: required' });
      }
      fake.packs.push({
        id: `pack-${fake.packs.length + 1}`,
        name: pack.name,
        publisher: pack.publisher,
        types: pack.types.map((t) => t.name),
        source: 'user',
        importedAt: now(),
      });
      return clone(fake.packs);
    },
    'drafting:removePack': async ({ id }) => {
      fake.packs = fake.packs.filter((p) => p.id !== id || p.source === 'policy');
      return clone(fake.packs);
    },

    'drafting:generate': async ({ requestId, typeId, fields, documentIds }) => {
      const type = FAKE_DOC_TYPES.find((t) => t.id === typeId);
      if (!type) throw new AppError('invalid_input', `unknown document type ${typeId}`, { field: 'typeId' });
      const missing = type.fields.find((f) => f.required && !fields[f.key]?.trim());
      if (missing) throw new AppError('invalid_input', `${missing.key} is required`, { field: missing.label.zh });
      const at = now();
      const draft: DraftDetail = {
        id: draftId(),
        kind: 'document',
        tool: 'draft',
        title: `${fields.issuer ?? ''}关于${fields.subject ?? ''}的${type.name}`,
        state: 'generating',
        requestedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 0,
        warningCount: 0,
        sources: documentIds.map((documentId) => ({ documentId, passageId: null })),
        versions: [],
        approvals: [],
        rejections: [],
      };
      fake.drafts.push(draft);
      changed(draft.id);
      const endpoint = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint : null;
      const text = fakeTypedText(type, fields);
      const lines = text.split('\n');
      const third = Math.ceil(lines.length / 3);
      const pieces = endpoint
        ? [0, 1, 2].map((i) => lines.slice(i * third, (i + 1) * third).join('\n') + (i < 2 ? '\n' : ''))
        : [text];
      try {
        await stream(requestId, pieces);
      } catch (err) {
        fake.drafts = fake.drafts.filter((d) => d !== draft);
        changed(draft.id);
        throw err;
      }
      addAi(
        draft,
        { text, fields: { ...fields, typeId: type.id, typeName: type.name } },
        endpoint ? 'endpoint' : 'offline',
        endpoint ? endpoint.model : null,
      );
      changed(draft.id);
      return clone(draft);
    },

    'drafting:revise': async ({ requestId, id, baseVersion, instruction, selection }) => {
      void instruction;
      const draft = fake.drafts.find((d) => d.id === id);
      if (!draft) throw new AppError('draft_not_found', `no draft ${id}`, { id });
      if (draft.version !== baseVersion)
        throw new AppError('draft_conflict', `draft ${id} is at version ${draft.version}`, { current: draft.version });
      const endpoint = fake.endpoint.engine === 'endpoint' ? fake.endpoint.endpoint : null;
      if (!endpoint) throw new AppError('endpoint_not_configured', 'revising needs the model endpoint');
      const content = draft.versions.at(-1)!.content;
      const { start, end } = selection ?? { start: 0, end: content.text.length };
      if (start > end || end > content.text.length)
        throw new AppError('invalid_input', 'selection outside the text', { field: 'selection' });
      const reply = fake.model.replies[Math.min(runs.requests++, fake.model.replies.length - 1)] ?? SCRIPTED_REPLY;
      const pieces = reply.deltas.flatMap((d) => (d.kind === 'answer' ? [d.text] : []));
      const replacement = await stream(requestId, pieces);
      if (reply.error) throw new AppError(reply.error.code, reply.error.message, reply.error.params);
      addAi(
        draft,
        { text: content.text.slice(0, start) + replacement + content.text.slice(end), fields: content.fields },
        'endpoint',
        reply.model ?? endpoint.model,
      );
      changed(draft.id);
      return clone(draft);
    },
  };
}
