import type { Migration } from './types';

/**
 * The audit log: append-only and hash-chained (docs/audit.md).
 * - audit_log: one row per entry; `data` is canonical JSON; `hash` chains each row to `prev_hash`,
 *   the hash of the row before (64 zeros for the first).
 * - audit_head: one row, the seq and hash of the last entry, moved in the same transaction as
 *   each append. Deleting the newest rows leaves a chain that is intact on its own; the head
 *   says it used to be longer.
 * - Triggers: the app can only append, and only the next link (seq = head + 1, prev_hash = head
 *   hash); rows cannot be updated or deleted, the head only moves forward onto the newest row.
 *   Someone with the file can drop the triggers, but not without breaking the chain, which
 *   `wenshu audit verify` walks.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_kind ON audit_log (kind);
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');

      CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
        OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head WHERE id = 1)
      BEGIN
        SELECT RAISE(ABORT, 'audit_log: an entry must follow the head of the chain');
      END;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
      WHEN NEW.id IS NOT 1 OR NEW.seq IS NOT OLD.seq + 1
        OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
      BEGIN
        SELECT RAISE(ABORT, 'audit_head only moves onto the newest entry');
      END;
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
      BEGIN
        SELECT RAISE(ABORT, 'audit_head cannot be deleted');
      END;
    `);
  },
};
