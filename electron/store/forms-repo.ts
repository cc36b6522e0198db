import type { Database } from 'better-sqlite3';
import type { FormFill, FormKind, FormProfile, FormSummary } from '../../shared/domain/form';

/** A form's record without its bytes (read only when a form is listed or filled: they can be large). */
export interface StoredForm {
  summary: FormSummary;
  profile: FormProfile;
  /** A person saved the profile (else it is a guess or the region's). */
  saved: boolean;
}

interface FormRow {
  id: string;
  kind: FormKind;
  file_name: string;
  title: string;
  field_count: number;
  xfa: number;
  profile_json: string;
  profile_saved: number;
  updated_at: string;
}

const toSummary = (r: Omit<FormRow, 'profile_json' | 'profile_saved'>): FormSummary => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  title: r.title,
  fieldCount: r.field_count,
  xfa: r.xfa === 1,
  updatedAt: r.updated_at,
});

/** All SQL about forms and the proposals of form drafts (migration 0008). */
export class FormsRepo {
  constructor(private readonly db: Database) {}

  list(): FormSummary[] {
    return (
      this.db
        .prepare(`SELECT id, kind, file_name, title, field_count, xfa, updated_at FROM forms ORDER BY updated_at DESC`)
        .all() as Omit<FormRow, 'profile_json' | 'profile_saved'>[]
    ).map(toSummary);
  }

  get(id: string): StoredForm | undefined {
    const row = this.db
      .prepare(
        `SELECT id, kind, file_name, title, field_count, xfa, profile_json, profile_saved, updated_at FROM forms WHERE id = ?`,
      )
      .get(id) as FormRow | undefined;
    if (!row) return undefined;
    return { summary: toSummary(row), profile: JSON.parse(row.profile_json), saved: row.profile_saved === 1 };
  }

  bytes(id: string): Uint8Array | undefined {
    const row = this.db.prepare(`SELECT bytes FROM forms WHERE id = ?`).get(id) as { bytes: Buffer } | undefined;
    return row && new Uint8Array(row.bytes);
  }

  /** A person's profile for the form: saved, and kept when the form is opened again. */
  saveProfile(id: string, profile: FormProfile, at: Date): void {
    this.db
      .prepare(`UPDATE forms SET profile_json = ?, profile_saved = 1, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(profile), at.toISOString(), id);
  }

  put(form: { summary: FormSummary; bytes: Uint8Array; profile: FormProfile; saved: boolean }): void {
    const s = form.summary;
    this.db
      .prepare(
        `INSERT INTO forms (id, kind, file_name, title, bytes, field_count, xfa, profile_json, profile_saved, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, profile_json = excluded.profile_json,
           profile_saved = excluded.profile_saved, updated_at = excluded.updated_at`,
      )
      .run(
        s.id,
        s.kind,
        s.fileName,
        s.title,
        form.bytes,
        s.fieldCount,
        s.xfa ? 1 : 0,
        JSON.stringify(form.profile),
        form.saved ? 1 : 0,
        s.updatedAt,
      );
  }

  putFill(draftId: string, fill: FormFill): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO form_fills (draft_id, form_id, proposals_json) VALUES (?, ?, ?)`)
      .run(draftId, fill.formId, JSON.stringify(fill.proposals));
  }

  fill(draftId: string): FormFill | undefined {
    const row = this.db.prepare(`SELECT form_id, proposals_json FROM form_fills WHERE draft_id = ?`).get(draftId) as
      { form_id: string; proposals_json: string } | undefined;
    return row ? { formId: row.form_id, proposals: JSON.parse(row.proposals_json) } : undefined;
  }
}
