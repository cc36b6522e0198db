import type { Migration } from './types';

/** Template packs a user imported (a region's own document types); policy packs are not stored. */
export const migration0006: Migration = {
  version: 6,
  name: 'template-packs',
  up(db) {
    db.exec(`
      CREATE TABLE template_packs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        publisher TEXT NOT NULL,
        json TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
