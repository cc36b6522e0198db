import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DocumentDetail } from '../../shared/domain/document';
import type { DraftWarning } from '../../shared/domain/draft';
import type { DoctorReport, EndpointStatus } from '../../shared/domain/endpoint';
import type { Locale } from '../../shared/domain/settings';
import { loadPolicy, policyStatus } from '../policy/load';
import type { PolicyState } from '../policy/load';
import { policyPath } from '../policy/locate';
import { resolveEffective } from '../policy/resolve';
import { LOG_LEVELS } from '../../shared/policy/schema';
import { decisionLists, decisionWarnings } from '../../shared/boundary/decision';
import { renderExport } from '../export/render';
import { AuditService, osAccount } from '../services/audit-service';
import { ContentEgress } from '../services/content-egress';
import { DraftGeneration } from '../services/draft-generation';
import { DraftingService } from '../services/drafting-service';
import { lintWarnings } from '../../shared/lint/warnings';
import { ReviewService } from '../services/review-service';
import { DraftsRepo } from '../store/drafts-repo';
import { TemplatePacksRepo } from '../store/template-packs-repo';
import { TemplatePacks } from '../services/template-packs';
import { runDoctor } from '../services/doctor';
import { EndpointRuntime } from '../services/endpoint-runtime';
import { ModelService } from '../services/model-service';
import type { SourceDocument } from '../services/model-service';
import { AuditRepo } from '../store/audit-repo';
import { integrityCheck } from '../store/database';
import type { Handlers } from '../ipc/handlers';
import { createParsePool } from '../ingest/parse-pool';
import { DocumentsService } from '../services/documents-service';
import { ImportBatches } from '../services/import-batches';
import type { ParseFn } from '../services/documents-service';
import { SearchService } from '../services/search-service';
import { SettingsService } from '../services/settings-service';
import { openDatabase } from '../store/database';
import type { Database } from '../store/database';
import { DocumentsRepo } from '../store/documents-repo';
import { SearchRepo } from '../store/search-repo';
import { SettingsRepo } from '../store/settings-repo';
import { APP_VERSION } from './version';
import { endpointHandlers } from './endpoint-handlers';
import { draftHandlers } from './draft-handlers';
import { summaryHandlers } from './summary-handlers';
import { SummarizeService } from '../services/summarize-service';
import { SummaryChecks } from '../services/summary-checks';
import { SummaryCacheRepo } from '../store/summary-cache-repo';
import { FormsService } from '../services/forms-service';
import { FormsRepo } from '../store/forms-repo';
import { pdfFormEngine, hasXfa } from '../forms/pdf';
import { docxFormEngine } from '../forms/docx';
import { renderFilledForm } from '../export/filled-form';
import { formHandlers } from './form-handlers';
import { citationLegend } from '../../shared/summarize/legend';
import { detectLanguage } from '../../shared/summarize/language';
import { folderSinks } from './sinks';
import type { OutputSinks } from './sinks';
import { applyOverride } from './endpoint-override';
import type { EndpointOverride } from './endpoint-override';
import { envSecretStore } from './secrets';
import type { SecretStore } from './secrets';

export interface AppOptions {
  dbPath: string;
  shell: 'electron' | 'web' | 'cli';
  nativeBinding?: string;
  /**
   * Where files are parsed: worker threads running the bundled worker (`ingestWorkerBeside`), or
   * a function in this thread (tests that need no workers).
   */
  ingest: { workerFile: string } | { parse: ParseFn };
  log?: (message: string, err?: unknown) => void;
  /** Where the policy and WENSHU_API_KEY are read from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /** Defaults to the per-OS location (WENSHU_POLICY overrides). */
  policyPath?: string;
  /** The API key's home: safeStorage in Electron; WENSHU_API_KEY elsewhere. */
  secrets?: SecretStore;
  /** CLI `--endpoint URL --model NAME`. */
  endpointOverride?: EndpointOverride;
  /** Where approved content goes (Electron: dialogs, clipboard, printer); default: `<data>/exports`. */
  sinks?: OutputSinks;
}

export interface WenshuApp {
  db: Database;
  documents: DocumentsService;
  settings: SettingsService;
  search: SearchService;
  audit: AuditService;
  model: ModelService;
  review: ReviewService;
  drafting: DraftingService;
  summaries: SummarizeService;
  forms: FormsService;
  egress: ContentEgress;
  policy: PolicyState;
  endpointStatus(): EndpointStatus;
  /** In the user's language by default (the CLI passes its own). */
  doctor(locale?: Locale): Promise<DoctorReport>;
  handlers: Handlers;
  close(): Promise<void>;
}

/**
 * The composition root shared by the Electron shell, the web harness and the CLI: one store,
 * the services over it, and the contract handlers that expose them.
 */
export function createApp(options: AppOptions): WenshuApp {
  const log = options.log ?? ((message, err) => console.error(`[wenshu] ${message}`, err ?? ''));
  const db = openDatabase({ file: options.dbPath, nativeBinding: options.nativeBinding });
  // Each worker holds a parsed PDF (120–150 MB for a large one): more than four costs memory, not time.
  const workers = Math.min(4, os.availableParallelism());
  const { ingest } = options;
  const pool = 'workerFile' in ingest ? createParsePool({ workerFile: ingest.workerFile, size: workers }) : undefined;
  const env = options.env ?? process.env;
  const policy = loadPolicy(options.policyPath ?? policyPath(env, process.platform));
  const audit = new AuditService(new AuditRepo(db));
  try {
    recordPolicy(audit, policy);
  } catch (err) {
    // A tampered log refuses appends; the app still opens so `audit verify` can say where.
    log('could not record the policy in the audit log', err);
  }
  const settings = new SettingsService(
    new SettingsRepo(db),
    () => policy,
    (key, from, to) => audit.append('settings_change', { key, from, to }),
  );
  const secrets = options.secrets ?? envSecretStore(env);
  const effective = () => {
    const eff = resolveEffective(policy, settings.get());
    return options.endpointOverride ? applyOverride(eff, options.endpointOverride) : eff;
  };
  const runtime = new EndpointRuntime(effective, () => policy, secrets);
  const endpointStatus = () => runtime.status(policyStatus(policy));
  const model = new ModelService(
    runtime,
    (ids) => sourceDocuments(ids),
    audit,
    (line) => LOG_LEVELS.indexOf(effective().logLevel) >= LOG_LEVELS.indexOf('info') && log(line),
  );
  const requests = new Map<string, AbortController>();
  const packs = new TemplatePacks(new TemplatePacksRepo(db), () => effective().templatePacks, audit);
  const documentTypes = () => packs.types();
  const typeDirection = (id: string | undefined) => documentTypes().find((t) => t.id === id)?.direction;
  const decisions = () => decisionLists(effective().decisionWords);
  const checks = new SummaryChecks((id) => documents.get(id));
  const review = new ReviewService(new DraftsRepo(db), {
    audit,
    actor: () => ({ account: osAccount(), name: settings.get().reviewerName }),
    warningsFor: (draft, content): DraftWarning[] => {
      const decided = decisionWarnings(content.text, decisions());
      // A summary's sentences are checked against its sources on every version.
      if (draft.kind === 'summary' && draft.tool === 'summarize')
        return checks.warnings(draft.sources, content, decided);
      if (draft.kind === 'form' && draft.tool === 'forms') return [...forms.warnings(draft, content), ...decided];
      // A drafted 公文 carries its 文种 in its fields: its format problems are review warnings too.
      const typeName = draft.kind === 'document' ? content.fields.typeName : undefined;
      const lint = typeName ? lintWarnings(content, { typeName, direction: typeDirection(content.fields.typeId) }) : [];
      return [...lint, ...decided];
    },
  });
  const { draftDays } = effective().retention;
  if (draftDays !== undefined) review.purgeUnapproved(draftDays);
  const sourceDocuments = (ids: string[]) => ids.map((id) => sourceDocument(documents.get(id)));
  const generation = new DraftGeneration(review, model, sourceDocuments, decisions);
  const drafting = new DraftingService(review, model, documentTypes);
  const forms = new FormsService({
    repo: new FormsRepo(db),
    review,
    model,
    document: (id) => documents.get(id),
    engines: { pdf: pdfFormEngine, docx: docxFormEngine },
    hasXfa,
    regionProfiles: () => effective().formProfiles,
  });
  const summaries = new SummarizeService({
    review,
    model,
    runtime,
    document: (id) => documents.get(id),
    checks,
    cache: new SummaryCacheRepo(db),
  });
  const sinks = options.sinks ?? folderSinks(path.join(path.dirname(options.dbPath), 'exports'));
  const egress = new ContentEgress({
    review,
    // A filled form leaves as its own file (PDF form or DOCX template), labelled; anything else rendered.
    render: async (format, input, options) => {
      const kind = input.kind === 'form' ? forms.formKindOf(input.draftId) : null;
      if (kind === format) return renderFilledForm(await forms.filled(input.draftId, input.content, options), input);
      return renderExport(format, input);
    },
    sinks,
    audit,
    aigc: () => effective().aigc,
    fieldLabels: (draft) => (draft.kind === 'form' ? forms.labelsOf(draft.id) : undefined),
    appendix: (draft, text) =>
      draft.kind === 'summary'
        ? citationLegend(
            text,
            checks.passages(draft.sources.map((s) => s.documentId)),
            detectLanguage(text) === 'en' ? 'en' : 'zh',
          )
        : '',
  });
  const doctor = (locale: Locale = settings.get().locale) =>
    runDoctor({
      policy,
      runtime,
      storeCheck: () => integrityCheck(db),
      locale,
      complete: (request) => model.complete(request),
    });
  const documents = new DocumentsService(new DocumentsRepo(db), {
    parse: 'parse' in ingest ? ingest.parse : pool!.parse,
    concurrency: workers,
    maxImportBytes: () => settings.get().maxImportMb * 1024 * 1024,
    onInternalError: (file, err) => log(`import of ${file} failed`, err),
  });
  const search = new SearchService(new SearchRepo(db));
  const batches = new ImportBatches();

  const handlers: Handlers = {
    'app:info': async () => ({
      version: APP_VERSION,
      shell: options.shell === 'electron' ? 'electron' : 'web',
      dataDir: path.dirname(options.dbPath),
      dbPath: options.dbPath,
      engine: runtime.engine(),
    }),
    'settings:get': async () => settings.get(),
    'settings:update': async (patch, ctx) => {
      const updated = settings.update(patch);
      ctx.emit('endpoint:changed', {});
      return updated;
    },
    'documents:list': async ({ sort, limit, offset, filters }) => documents.list(sort, limit, offset, filters),
    'documents:facets': async () => documents.facets(),
    'documents:get': async ({ id }) => documents.get(id),
    'documents:import': async ({ batchId, files }, ctx) => {
      const outcomes = await batches.run(batchId, (signal) =>
        documents.importFiles(
          files.map((f) => ({ name: f.name, password: f.password, load: () => f.bytes })),
          { signal, onProgress: (p) => ctx.emit('import:progress', { batchId, ...p }) },
        ),
      );
      const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.id] : []));
      if (ids.length > 0) ctx.emit('documents:changed', { ids });
      return outcomes;
    },
    'documents:cancelImport': async ({ batchId }) => {
      batches.cancel(batchId);
      return { cancelled: true };
    },
    'documents:updateMeta': async ({ id, meta }, ctx) => {
      const updated = documents.updateMeta(id, meta);
      ctx.emit('documents:changed', { ids: [id] });
      return updated;
    },
    'documents:search': async (input) => search.search(input),
    ...draftHandlers({ review, generation, drafting, packs, egress, sinks, requests }),
    ...endpointHandlers({ policy, runtime, secrets, audit, model, doctor, requests }),
    ...summaryHandlers({ summaries, checks, review, model, runtime, requests }),
    ...formHandlers({ forms, requests }),
  };

  return {
    db,
    documents,
    settings,
    search,
    audit,
    model,
    review,
    drafting,
    summaries,
    forms,
    egress,
    policy,
    endpointStatus,
    doctor,
    handlers,
    // The store closes at once (quitting may not wait for the promise); then the workers stop.
    close: async () => {
      batches.cancelAll();
      for (const controller of requests.values()) controller.abort();
      db.close();
      await pool?.close();
    },
  };
}

function sourceDocument(doc: DocumentDetail): SourceDocument {
  return {
    id: doc.id,
    title: doc.title,
    text: doc.passages.map((p) => p.text).join('\n'),
    classification: doc.meta.classification,
  };
}

/** A policy that differs from the one last audited (IT changed the file) is recorded once. */
function recordPolicy(audit: AuditService, policy: PolicyState): void {
  let hash: string = policy.kind;
  try {
    if (policy.kind !== 'absent') hash = createHash('sha256').update(fs.readFileSync(policy.path)).digest('hex');
  } catch {
    // unreadable: recorded by its state alone
  }
  const last = audit.list({ kind: 'policy_loaded', limit: 1, offset: 0 }).entries[0];
  const from = (last?.data.to as string | undefined) ?? null;
  if (from === hash) return;
  audit.append('policy_loaded', {
    path: policy.path,
    state: policy.kind,
    from,
    to: hash,
    problems: policy.kind === 'invalid' ? policy.problems.length : 0,
  });
}
