import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
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

const pending = async (): Promise<never> => {
  throw new AppError('endpoint_not_configured', 'not wired yet');
};
const pendingEndpointHandlers = {
  'policy:status': pending,
  'endpoint:status': pending,
  'endpoint:setApiKey': pending,
  'endpoint:check': pending,
  'model:preview': pending,
  'model:complete': pending,
  'model:cancel': pending,
  'audit:list': pending,
  'audit:verify': pending,
} satisfies Partial<Handlers>;

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
}

export interface WenshuApp {
  db: Database;
  documents: DocumentsService;
  settings: SettingsService;
  search: SearchService;
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
  const settings = new SettingsService(new SettingsRepo(db));
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
      engine: 'offline',
    }),
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => settings.update(patch),
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
    // Wired by the endpoint work in progress (issue 4).
    ...pendingEndpointHandlers,
  };

  return {
    db,
    documents,
    settings,
    search,
    handlers,
    // The store closes at once (quitting may not wait for the promise); then the workers stop.
    close: async () => {
      batches.cancelAll();
      db.close();
      await pool?.close();
    },
  };
}
