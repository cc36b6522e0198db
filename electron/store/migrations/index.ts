import { migration0001 } from './0001-documents';
import type { Migration } from './types';

/** Append only: a shipped migration is never edited, a new file is added. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
export const LATEST_VERSION = MIGRATIONS.length;
