import { migration0001 } from './0001-documents';
import { migration0002 } from './0002-search-and-metadata';
import { migration0003 } from './0003-search-tuning';
import { migration0004 } from './0004-audit';
import { migration0005 } from './0005-drafts';
import { migration0006 } from './0006-template-packs';
import { migration0007 } from './0007-summary-cache';
import { migration0008 } from './0008-forms';
import type { Migration } from './types';

/** Append only: a shipped migration is never edited, a new file is added. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];
export const LATEST_VERSION = MIGRATIONS.length;
