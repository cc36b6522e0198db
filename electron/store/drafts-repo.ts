import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from './statements';
import type {
  Approval,
  DraftContent,
  DraftDetail,
  DraftKind,
  DraftQuery,
  DraftSource,
  DraftState,
  DraftSummary,
  DraftVersion,
  DraftWarning,
  Person,
  Rejection,
  RejectionReason,
} from '../../shared/domain/draft';

export interface NewDraft {
  id: string;
  kind: DraftKind;
  tool: string;
  title: string;
  requestedAt: string;
  createdAt: string;
  sources: DraftSource[];
}

export interface NewVersion {
  draftId: string;
  version: number;
  origin: 'ai' | 'edit';
  author: string;
  engine: 'endpoint' | 'offline' | null;
  model: string | null;
  createdAt: string;
  content: DraftContent;
  contentHash: string;
  warnings: DraftWarning[];
}

export interface NewApproval {
  draftId: string;
  version: number;
  contentHash: string;
  reviewer: Person;
  at: string;
  acknowledged: string[];
  /** For the metrics: the last AI version at or before `version`, and the edit distance from it. */
  aiVersion: number | null;
  editDistance: number | null;
  approvedLength: number;
}

export interface NewRejection {
  draftId: string;
  version: number;
  reason: RejectionReason;
  note: string;
  reviewer: Person;
  at: string;
}

/** Rows for the usefulness metrics (electron/services/metrics.ts computes from them). */
export interface DraftMetricsRows {
  created: { tool: string; createdAt: string }[];
  approvals: {
    draftId: string;
    tool: string;
    requestedAt: string;
    at: string;
    /** The draft's first approval ever, maybe before `since`. */
    firstApprovalAt: string;
    /** From the last AI version to the approved content; null without an AI version. */
    editDistance: number | null;
    /** Code points of the approved text and field values. */
    approvedLength: number;
  }[];
  rejections: { draftId: string; tool: string; at: string; reason: string }[];
}

interface SummaryRow {
  id: string;
  kind: DraftKind;
  tool: string;
  title: string;
  state: DraftState;
  requestedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  warningCount: number;
}

interface VersionRow {
  version: number;
  origin: 'ai' | 'edit';
  author: string;
  engine: 'endpoint' | 'offline' | null;
  model: string | null;
  createdAt: string;
  text: string;
  fieldsJson: string;
  contentHash: string;
  warningsJson: string;
}

interface ApprovalRow {
  version: number;
  contentHash: string;
  account: string;
  name: string;
  at: string;
  acknowledgedJson: string;
}

interface RejectionRow {
  version: number;
  reason: RejectionReason;
  note: string;
  account: string;
  name: string;
  at: string;
}

const SUMMARY = `
  SELECT d.id, d.kind, d.tool, d.title, d.state, d.requested_at AS requestedAt, d.created_at AS createdAt,
         d.updated_at AS updatedAt, d.current_version AS version,
         coalesce((SELECT json_array_length(v.warnings_json) FROM draft_versions v
                   WHERE v.draft_id = d.id AND v.version = d.current_version), 0) AS warningCount
  FROM drafts d`;

const VERSION = `
  SELECT version, origin, author, engine, model, created_at AS createdAt, text, fields_json AS fieldsJson,
         content_hash AS contentHash, warnings_json AS warningsJson
  FROM draft_versions`;

const toVersion = (r: VersionRow): DraftVersion => ({
  version: r.version,
  origin: r.origin,
  author: r.author,
  engine: r.engine,
  model: r.model,
  createdAt: r.createdAt,
  content: { text: r.text, fields: JSON.parse(r.fieldsJson) as Record<string, string> },
  contentHash: r.contentHash,
  warnings: JSON.parse(r.warningsJson) as DraftWarning[],
});

const toApproval = (r: ApprovalRow): Approval => ({
  version: r.version,
  contentHash: r.contentHash,
  reviewer: { account: r.account, name: r.name },
  at: r.at,
  acknowledged: JSON.parse(r.acknowledgedJson) as string[],
});

const toRejection = (r: RejectionRow): Rejection => ({
  version: r.version,
  reason: r.reason,
  note: r.note,
  reviewer: { account: r.account, name: r.name },
  at: r.at,
});

/** All SQL about drafts (tables: migrations/0005-drafts.ts). Writes run inside `write`. */
export class DraftsRepo {
  private readonly stmt: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.stmt = statementCache(db);
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction: the write lock is taken before anything is read, so
   * the checks `fn` makes still hold when it writes, even with the CLI on the same store. The
   * audit append nested inside becomes a savepoint of this transaction: a state change and its
   * audit entry commit together or not at all.
   */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** One consistent snapshot for several reads. */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insertDraft(d: NewDraft): void {
    this.stmt(
      `INSERT INTO drafts (id, kind, tool, title, state, requested_at, created_at, updated_at, current_version)
       VALUES (?, ?, ?, ?, 'generating', ?, ?, ?, 0)`,
    ).run(d.id, d.kind, d.tool, d.title, d.requestedAt, d.createdAt, d.createdAt);
    const source = this.stmt(`INSERT INTO draft_sources (draft_id, seq, document_id, passage_id) VALUES (?, ?, ?, ?)`);
    d.sources.forEach((s, seq) => source.run(d.id, seq, s.documentId, s.passageId));
  }

  /** Drafts nobody approved, untouched since `before` (ISO): what retention removes. */
  unapprovedBefore(before: string): { id: string; state: string }[] {
    return this.stmt(
      `SELECT id, state FROM drafts WHERE state IN ('generating', 'draft', 'rejected') AND updated_at < ? ORDER BY updated_at`,
    ).all(before) as { id: string; state: string }[];
  }

  deleteDraft(id: string): void {
    this.stmt(`DELETE FROM drafts WHERE id = ?`).run(id);
  }

  /** Adds a version and makes it the current one; the draft's state becomes 'draft'. */
  addVersion(v: NewVersion): void {
    this.stmt(
      `INSERT INTO draft_versions (draft_id, version, origin, author, engine, model, created_at, text, fields_json,
                                   content_hash, warnings_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.draftId,
      v.version,
      v.origin,
      v.author,
      v.engine,
      v.model,
      v.createdAt,
      v.content.text,
      JSON.stringify(v.content.fields ?? {}),
      v.contentHash,
      JSON.stringify(v.warnings),
    );
    this.stmt(`UPDATE drafts SET current_version = ?, state = 'draft', updated_at = ? WHERE id = ?`).run(
      v.version,
      v.createdAt,
      v.draftId,
    );
  }

  setState(id: string, state: DraftState, at: string): void {
    this.stmt(`UPDATE drafts SET state = ?, updated_at = ? WHERE id = ?`).run(state, at, id);
  }

  addApproval(a: NewApproval): void {
    this.stmt(
      `INSERT INTO draft_approvals (draft_id, version, content_hash, reviewer_account, reviewer_name, at,
                                    acknowledged_json, ai_version, edit_distance, approved_length)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.draftId,
      a.version,
      a.contentHash,
      a.reviewer.account,
      a.reviewer.name,
      a.at,
      JSON.stringify(a.acknowledged),
      a.aiVersion,
      a.editDistance,
      a.approvedLength,
    );
  }

  addRejection(r: NewRejection): void {
    this.stmt(
      `INSERT INTO draft_rejections (draft_id, version, reason, note, reviewer_account, reviewer_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.draftId, r.version, r.reason, r.note, r.reviewer.account, r.reviewer.name, r.at);
  }

  summary(id: string): DraftSummary | undefined {
    return this.stmt(`${SUMMARY} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  }

  version(id: string, version: number): DraftVersion | undefined {
    const row = this.stmt(`${VERSION} WHERE draft_id = ? AND version = ?`).get(id, version) as VersionRow | undefined;
    return row && toVersion(row);
  }

  /** The newest AI version at or before `version`. */
  lastAiVersion(id: string, version: number): DraftVersion | undefined {
    const row = this.stmt(
      `${VERSION} WHERE draft_id = ? AND version <= ? AND origin = 'ai' ORDER BY version DESC LIMIT 1`,
    ).get(id, version) as VersionRow | undefined;
    return row && toVersion(row);
  }

  /** The documents (and passages) a draft was made from, in the order they were given. */
  sources(id: string): DraftSource[] {
    return this.stmt(
      `SELECT document_id AS documentId, passage_id AS passageId FROM draft_sources WHERE draft_id = ? ORDER BY seq`,
    ).all(id) as DraftSource[];
  }

  /** The draft with its sources, every version, approval and rejection (oldest first). */
  detail(id: string): DraftDetail | undefined {
    return this.read(() => {
      const summary = this.summary(id);
      if (!summary) return undefined;
      const sources = this.sources(id);
      const versions = (this.stmt(`${VERSION} WHERE draft_id = ? ORDER BY version`).all(id) as VersionRow[]).map(
        toVersion,
      );
      const approvals = (
        this.stmt(
          `SELECT version, content_hash AS contentHash, reviewer_account AS account, reviewer_name AS name, at,
                  acknowledged_json AS acknowledgedJson
           FROM draft_approvals WHERE draft_id = ? ORDER BY at, version`,
        ).all(id) as ApprovalRow[]
      ).map(toApproval);
      const rejections = (
        this.stmt(
          `SELECT version, reason, note, reviewer_account AS account, reviewer_name AS name, at
           FROM draft_rejections WHERE draft_id = ? ORDER BY at, version`,
        ).all(id) as RejectionRow[]
      ).map(toRejection);
      return { ...summary, sources, versions, approvals, rejections };
    });
  }

  /** Newest updated first, with the number of drafts that match. */
  list(q: DraftQuery): { drafts: DraftSummary[]; total: number } {
    const conditions: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [
      ['d.state', q.state],
      ['d.tool', q.tool],
      ['d.kind', q.kind],
    ] as const) {
      if (value !== undefined) {
        conditions.push(`${column} = ?`);
        params.push(value);
      }
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.read(() => {
      const drafts = this.stmt(`${SUMMARY} ${where} ORDER BY d.updated_at DESC, d.rowid DESC LIMIT ? OFFSET ?`).all(
        ...params,
        q.limit,
        q.offset,
      ) as SummaryRow[];
      const { total } = this.stmt(`SELECT count(*) AS total FROM drafts d ${where}`).get(...params) as {
        total: number;
      };
      return { drafts, total };
    });
  }

  /** Drafts created, approvals and rejections given, at or after `since` (ISO 8601 UTC). */
  metricsRows(since: string): DraftMetricsRows {
    return this.read(() => ({
      created: this.stmt(`SELECT tool, created_at AS createdAt FROM drafts WHERE created_at >= ?`).all(
        since,
      ) as DraftMetricsRows['created'],
      approvals: this.stmt(
        `SELECT a.draft_id AS draftId, d.tool, d.requested_at AS requestedAt, a.at,
                (SELECT min(f.at) FROM draft_approvals f WHERE f.draft_id = a.draft_id) AS firstApprovalAt,
                a.edit_distance AS editDistance, a.approved_length AS approvedLength
         FROM draft_approvals a JOIN drafts d ON d.id = a.draft_id
         WHERE a.at >= ?`,
      ).all(since) as DraftMetricsRows['approvals'],
      rejections: this.stmt(
        `SELECT r.draft_id AS draftId, d.tool, r.at, r.reason
         FROM draft_rejections r JOIN drafts d ON d.id = r.draft_id
         WHERE r.at >= ?`,
      ).all(since) as DraftMetricsRows['rejections'],
    }));
  }
}
