import type { Migration } from './types';

/**
 * Forms the user opened (PDF AcroForms, DOCX templates), kept with their bytes and the profile a
 * person corrected, so the second use of a form is instant; and, per form draft, the proposals
 * its values came from (value, evidence, problems), which the review shows field by field.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'forms',
  up(db) {
    db.exec(`
      CREATE TABLE forms (
        id TEXT PRIMARY KEY CHECK (length(id) = 64),
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx')),
        file_name TEXT NOT NULL,
        title TEXT NOT NULL,
        bytes BLOB NOT NULL,
        field_count INTEGER NOT NULL,
        xfa INTEGER NOT NULL CHECK (xfa IN (0, 1)),
        profile_json TEXT NOT NULL,
        -- 1: a person saved this profile; 0: a guess or the region's, replaced when the form is opened again
        profile_saved INTEGER NOT NULL CHECK (profile_saved IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE form_fills (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
        form_id TEXT NOT NULL REFERENCES forms(id),
        proposals_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
