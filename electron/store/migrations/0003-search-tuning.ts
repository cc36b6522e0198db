import type { Migration } from './types';

/**
 * Ranked lists for frequent search terms (docs/search.md, "Ranking frequent terms").
 * FTS5 must score every match to find the best 20, which takes a second for a word found in a
 * fifth of all passages. A list keeps a term's best passages (their tf and length in tokens, so
 * bm25 can be recomputed with current statistics) and `theta`, the most any unlisted passage
 * weighs under the average length `avg_length` it was built with (one weighing exactly theta
 * has a pk above `boundary`). search-repo builds lists on
 * demand and folds newer passages in (pk > watermark).
 * - term: the term's tokens, space-separated, `*` marking a prefix term.
 * - No foreign key from entries to passages: a deleted passage drops out at query time.
 * - Deleting passages bumps search_state.deletions (FTS5 keeps its row count after contentless
 *   deletes, so it cannot tell): lists count their matches (the IDF) again. When the newest
 *   passages go, their pks can come back for new passages: lists look past the new maximum again.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'search-tuning',
  up(db) {
    db.exec(`
      CREATE TABLE search_lists (
        id INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        matches INTEGER NOT NULL,
        deletions INTEGER NOT NULL,
        avg_length REAL NOT NULL,
        theta REAL NOT NULL,
        boundary INTEGER NOT NULL,
        watermark INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE search_list_entries (
        list INTEGER NOT NULL REFERENCES search_lists(id) ON DELETE CASCADE,
        pk INTEGER NOT NULL,
        tf INTEGER NOT NULL,
        length INTEGER NOT NULL,
        PRIMARY KEY (list, pk)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE search_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        deletions INTEGER NOT NULL
      ) STRICT;
      INSERT INTO search_state (id, deletions) VALUES (1, 0);
      CREATE TRIGGER search_passage_deleted AFTER DELETE ON passages
      BEGIN
        UPDATE search_state SET deletions = deletions + 1;
        UPDATE search_lists SET watermark = (SELECT coalesce(max(pk), 0) FROM passages)
          WHERE watermark > (SELECT coalesce(max(pk), 0) FROM passages);
      END;
    `);
  },
};
