import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_MAX_IMPORT_BYTES, DocumentsService } from '../services/documents-service';
import { SettingsService } from '../services/settings-service';
import type { Handlers } from '../ipc/handlers';
import { openDatabase } from '../store/database';
import type { Database } from '../store/database';
import { DocumentsRepo } from '../store/documents-repo';
import { SettingsRepo } from '../store/settings-repo';
import { APP_VERSION } from './version';

export interface AppOptions {
  dbPath: string;
  shell: 'electron' | 'web' | 'cli';
  nativeBinding?: string;
  maxImportBytes?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface WenshuApp {
  db: Database;
  documents: DocumentsService;
  settings: SettingsService;
  handlers: Handlers;
  close(): void;
}

/**
 * The composition root shared by the Electron shell, the web harness and the CLI: one store,
 * the services over it, and the contract handlers that expose them.
 */
export function createApp(options: AppOptions): WenshuApp {
  const log = options.log ?? ((message, err) => console.error(`[wenshu] ${message}`, err ?? ''));
  const db = openDatabase({ file: options.dbPath, nativeBinding: options.nativeBinding });
  const documents = new DocumentsService(new DocumentsRepo(db), {
    maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
    onInternalError: (file, err) => log(`import of ${file} failed`, err),
  });
  const settings = new SettingsService(new SettingsRepo(db));

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
    'documents:list': async ({ sort, limit, offset }) => documents.list(sort, limit, offset),
    'documents:get': async ({ id }) => documents.get(id),
    'documents:import': async ({ files }, ctx) => {
      const batchId = randomUUID();
      const outcomes = documents.importFiles(files, (p) => ctx.emit('import:progress', { batchId, ...p }));
      const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.id] : []));
      if (ids.length > 0) ctx.emit('documents:changed', { ids });
      return outcomes;
    },
  };

  return {
    db,
    documents,
    settings,
    handlers,
    close: () => db.close(),
  };
}
