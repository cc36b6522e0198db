import type { Migration } from './types';

/**
 * The review gate (issue 5): drafts, their versions, approvals and rejections.
 * - drafts: one row per AI output; current_version is 0 while generating (no version yet).
 * - draft_sources: the documents and passages a draft was made from, in order. No foreign key to
 *   documents: deleting a document must not rewrite a draft's history.
 * - draft_versions: every generation ('ai') and every human edit ('edit'), with its content, the
 *   SHA-256 of that content and the warnings found in it (JSON).
 * - draft_approvals / draft_rejections: one per version at most (approving or rejecting needs
 *   the current version, and only an edit — a new version — leaves those states). An approval
 *   keeps the hash it was given and, for the usefulness metrics, the edit distance from the last
 *   AI version (ai_version) to the approved content and that content's length.
 * - Versions, approvals and rejections are history: triggers refuse updates. Deleting a draft
 *   (only a generation that produced nothing is discarded) cascades.
 * - Indexes: the review queue (state, updated_at), the list (updated_at), metrics by time.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document', 'summary', 'form')),
        tool TEXT NOT NULL,
        title TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('generating', 'draft', 'approved', 'rejected')),
        requested_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        current_version INTEGER NOT NULL DEFAULT 0 CHECK (current_version >= 0)
      ) STRICT;
      CREATE INDEX drafts_queue ON drafts (state, updated_at);
      CREATE INDEX drafts_updated ON drafts (updated_at);
      CREATE INDEX drafts_created ON drafts (created_at, tool);

      CREATE TABLE draft_sources (
        draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        passage_id TEXT,
        PRIMARY KEY (draft_id, seq)
      ) STRICT;

      CREATE TABLE draft_versions (
        draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        origin TEXT NOT NULL CHECK (origin IN ('ai', 'edit')),
        author TEXT NOT NULL,
        engine TEXT CHECK (engine IN ('endpoint', 'offline')),
        model TEXT,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        warnings_json TEXT NOT NULL,
        PRIMARY KEY (draft_id, version)
      ) STRICT;

      CREATE TABLE draft_approvals (
        draft_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        reviewer_account TEXT NOT NULL,
        reviewer_name TEXT NOT NULL,
        at TEXT NOT NULL,
        acknowledged_json TEXT NOT NULL,
        ai_version INTEGER,
        edit_distance INTEGER,
        approved_length INTEGER NOT NULL,
        PRIMARY KEY (draft_id, version),
        FOREIGN KEY (draft_id, version) REFERENCES draft_versions (draft_id, version) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX draft_approvals_at ON draft_approvals (at);

      CREATE TABLE draft_rejections (
        draft_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL,
        reviewer_account TEXT NOT NULL,
        reviewer_name TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (draft_id, version),
        FOREIGN KEY (draft_id, version) REFERENCES draft_versions (draft_id, version) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX draft_rejections_at ON draft_rejections (at);

      CREATE TRIGGER draft_versions_no_update BEFORE UPDATE ON draft_versions
      BEGIN
        SELECT RAISE(ABORT, 'draft versions are history: add a version instead');
      END;
      CREATE TRIGGER draft_approvals_no_update BEFORE UPDATE ON draft_approvals
      BEGIN
        SELECT RAISE(ABORT, 'approvals are history');
      END;
      CREATE TRIGGER draft_rejections_no_update BEFORE UPDATE ON draft_rejections
      BEGIN
        SELECT RAISE(ABORT, 'rejections are history');
      END;
    `);
  },
};
