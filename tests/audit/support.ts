import { createHash } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { AuditKind } from '../../shared/domain/audit';
import { AuditService } from '../../electron/services/audit-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { openDatabase } from '../../electron/store/database';
import type { Database } from '../../electron/store/database';

/**
 * The documented formula (docs/audit.md), written again here from the text, not imported: an
 * export must verify with nothing but SHA-256 and a JSON serializer.
 */
export function canon(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const ZERO = '0'.repeat(64);

export const hashOf = (
  prevHash: string,
  e: { seq: number; at: string; actor: string; kind: string; data: Record<string, unknown> },
) =>
  createHash('sha256')
    .update(`${prevHash}\n${canon({ seq: e.seq, at: e.at, actor: e.actor, kind: e.kind, data: e.data })}`, 'utf8')
    .digest('hex');

/** A clock that ticks one minute per call from 2026-03-01 08:00 UTC. */
export function tickingClock(start = Date.parse('2026-03-01T08:00:00.000Z'), stepMs = 60_000) {
  let t = start - stepMs;
  return () => new Date((t += stepMs));
}

/** Kind and data of entry i: the kinds in turn, Chinese text and numbers in the data. */
export function sampleEntry(i: number): { kind: AuditKind; data: Record<string, unknown> } {
  switch (i % 4) {
    case 0:
      return {
        kind: 'model_call',
        data: {
          tool: 'summarize',
          engine: 'endpoint',
          endpoint: 'https://llm.gov.example/v1',
          model: 'qwen2.5-72b-instruct',
          promptHash: createHash('sha256').update(`prompt ${i}`).digest('hex'),
          responseHash: createHash('sha256').update(`answer ${i}`).digest('hex'),
          promptTokens: 100 + i,
          completionTokens: 20 + i,
          durationMs: 1500 + i,
          outcome: i % 8 === 0 ? 'ok' : 'endpoint_timeout',
          redactions: i % 3,
          documentIds: [`doc-${i}`],
        },
      };
    case 1:
      return { kind: 'settings_change', data: { key: 'maxImportMb', from: 200 + i, to: 300 + i } };
    case 2:
      return {
        kind: 'policy_loaded',
        data: { path: '/etc/wenshu/policy.json', state: 'valid', from: null, to: `策略${i}`, problems: 0 },
      };
    default:
      return {
        kind: 'api_key_change',
        data: { action: 'stored', storage: 'safeStorage', note: `第${i}次 "引号", 逗号` },
      };
  }
}

export interface TestLog {
  file: string;
  db: Database;
  audit: AuditService;
}

/** A store file holding `count` entries appended by the service, with the app's connection open. */
export function makeLog(dir: string, name: string, count: number, actor = () => '张三'): TestLog {
  const file = path.join(dir, `${name}.db`);
  const db = openDatabase({ file });
  const audit = new AuditService(new AuditRepo(db), actor, tickingClock());
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const { kind, data } = sampleEntry(i);
      audit.append(kind, data);
    }
  })();
  return { file, db, audit };
}

/**
 * What someone with the file can do: a second connection, the triggers dropped first (they make
 * the log append-only for the app), then any SQL.
 */
export function tamper(file: string, edit: (raw: BetterSqlite3.Database) => void): void {
  const raw = new BetterSqlite3(file);
  try {
    const triggers = raw
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_head')`)
      .all() as { name: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    edit(raw);
  } finally {
    raw.close();
  }
}

export interface RawRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export const rowAt = (raw: BetterSqlite3.Database, seq: number) =>
  raw.prepare(`SELECT * FROM audit_log WHERE seq = ?`).get(seq) as RawRow;

/** Rewrites row `seq` with `data` and the hash that content would have (the edit a careful forger makes). */
export function rewriteWithHash(raw: BetterSqlite3.Database, seq: number, data: Record<string, unknown>): void {
  const row = rowAt(raw, seq);
  const hash = hashOf(row.prev_hash, { ...row, data });
  raw.prepare(`UPDATE audit_log SET data = ?, hash = ? WHERE seq = ?`).run(canon(data), hash, seq);
}
