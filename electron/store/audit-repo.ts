import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { statementCache } from './statements';

/** One audit_log row as stored; `data` is the canonical JSON text. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  data: string;
  prevHash: string;
  hash: string;
}

/** The last entry as recorded at the last append (seq 0 and 64 zeros while the log is empty). */
export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditFilter {
  kind?: string;
  /** YYYY-MM-DD, inclusive (UTC). */
  from?: string;
  /** YYYY-MM-DD, inclusive (UTC). */
  to?: string;
  /** Substring of the actor or the data, case-insensitive for Latin letters. */
  text?: string;
}

const COLUMNS = `seq, at, actor, kind, data, prev_hash AS prevHash, hash`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** The ISO time at which a UTC calendar day starts. */
const dayStart = (date: string) => `${date}T00:00:00.000Z`;
const nextDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

function filterSql(filter: AuditFilter): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.kind) {
    conditions.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.from) {
    conditions.push('at >= ?');
    params.push(dayStart(filter.from));
  }
  if (filter.to) {
    conditions.push('at < ?');
    params.push(nextDayStart(filter.to));
  }
  if (filter.text) {
    // data is JSON text: a quote or backslash in it is escaped, so search for the escaped form.
    conditions.push(`(actor LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')`);
    params.push(likePattern(filter.text), likePattern(JSON.stringify(filter.text).slice(1, -1)));
  }
  return { sql: conditions.length ? conditions.join(' AND ') : '1', params };
}

/** All SQL about the audit log (table, head and triggers: migrations/0004-audit.ts). */
export class AuditRepo {
  private readonly stmt: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.stmt = statementCache(db);
  }

  /**
   * Appends the entry `build` makes for the next link, and moves the head onto it, in one
   * IMMEDIATE transaction: the write lock is taken before the head is read, so two processes
   * appending to the same store (the app and the CLI) never make the same link twice.
   */
  append(build: (next: { seq: number; prevHash: string }) => AuditRow): AuditRow {
    return this.db
      .transaction(() => {
        const head = this.head();
        if (!head) throw new AppError('internal', 'the audit log has lost its head record: run `wenshu audit verify`');
        const row = build({ seq: head.seq + 1, prevHash: head.hash });
        this.stmt(
          `INSERT INTO audit_log (seq, at, actor, kind, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(row.seq, row.at, row.actor, row.kind, row.data, row.prevHash, row.hash);
        this.stmt(`UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`).run(row.seq, row.hash);
        return row;
      })
      .immediate();
  }

  head(): AuditHead | undefined {
    return this.stmt(`SELECT seq, hash FROM audit_head WHERE id = 1`).get() as AuditHead | undefined;
  }

  get(seq: number): AuditRow | undefined {
    return this.stmt(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`).get(seq) as AuditRow | undefined;
  }

  /** Newest first, with the number of entries that match. */
  list(filter: AuditFilter, limit: number, offset: number): { rows: AuditRow[]; total: number } {
    const where = filterSql(filter);
    return this.db.transaction(() => {
      const rows = this.stmt(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${where.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`,
      ).all(...where.params, limit, offset) as AuditRow[];
      const { total } = this.stmt(`SELECT count(*) AS total FROM audit_log WHERE ${where.sql}`).get(
        ...where.params,
      ) as { total: number };
      return { rows, total };
    })();
  }

  /**
   * Runs `fn` over one consistent snapshot: the head and the rows in seq order (from the day
   * `since`, YYYY-MM-DD, when given), read one at a time, never all at once.
   */
  read<T>(fn: (head: AuditHead | undefined, rows: IterableIterator<AuditRow>) => T, since?: string): T {
    return this.db.transaction(() => {
      const head = this.head();
      const rows = (
        since === undefined
          ? this.db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate()
          : this.db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE at >= ? ORDER BY seq`).iterate(dayStart(since))
      ) as IterableIterator<AuditRow>;
      try {
        return fn(head, rows);
      } finally {
        rows.return?.();
      }
    })();
  }
}
