import type { Migration } from './types';

/**
 * Model output kept for summaries: the finished chunks of a map-reduce (so a retry after an
 * endpoint failure does not redo them) and whole summaries (so a repeated request costs no
 * call). Keyed by a hash of everything that decides the output; `documents` lists the source
 * documents' content hashes, so what was derived from a document can be found.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'summary-cache',
  up(db) {
    db.exec(`
      CREATE TABLE summary_cache (
        key TEXT PRIMARY KEY CHECK (length(key) = 64),
        stage TEXT NOT NULL CHECK (stage IN ('map', 'reduce', 'final')),
        model TEXT NOT NULL,
        documents TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
