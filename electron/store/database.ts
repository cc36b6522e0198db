import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type { Database };

export interface OpenOptions {
  /** File path of the store; ':memory:' for throwaway stores. */
  file: string;
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron has another
   * native ABI than Node, so the app passes an Electron build here (see scripts/electron-native.mjs).
   */
  nativeBinding?: string;
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
}

export function openDatabase(options: OpenOptions): Database {
  let db: Database;
  try {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new AppError('store_unavailable', `cannot open store ${options.file}: ${(err as Error).message}`, {
      path: options.file,
    });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('store_unavailable', `cannot open store ${options.file}: ${(err as Error).message}`, {
      path: options.file,
    });
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies each pending migration in its own transaction, so a failure leaves the last good version. */
export function migrate(db: Database, migrations: readonly Migration[], target: number): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError('store_too_new', `store schema ${current} is newer than this app (${migrations.length})`, {
      found: current,
      supported: migrations.length,
    });
  }
  for (const m of migrations.slice(current, target)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** SQLite's own consistency check: 'ok', or the first problems it lists. */
export function integrityCheck(db: Database): string {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
