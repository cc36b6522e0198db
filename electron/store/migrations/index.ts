import { migration0001 } from './0001-documents';
import { migration0002 } from './0002-search-and-metadata';
import type { Migration } from './types';

/** Append only: a shipped migration is never edited, a new file is added. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002];
export const LATEST_VERSION = MIGRATIONS.length;
