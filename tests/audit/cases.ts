import type BetterSqlite3 from 'better-sqlite3';
import type { AuditBreak } from '../../shared/domain/audit';
import { ZERO, canon, hashOf, rewriteWithHash, rowAt } from './support';

/** Entries in each tampered log. */
export const N = 20;

export interface TamperCase {
  name: string;
  edit: (raw: BetterSqlite3.Database) => void;
  brokenAt: number;
  reason: AuditBreak;
  /** The broken seq names no stored entry (it was removed). */
  missing?: boolean;
}

/** Every way to edit, delete, reorder or forge rows that the chain must catch, and where it must say so. */
export const TAMPER_CASES: TamperCase[] = [
  {
    name: "one row's data edited",
    edit: (raw) =>
      raw.prepare(`UPDATE audit_log SET data = replace(data, 'maxImportMb', 'locale') WHERE seq = 6`).run(),
    brokenAt: 6,
    reason: 'hash_mismatch',
  },
  {
    name: "one row's data edited and its hash recomputed",
    edit: (raw) => rewriteWithHash(raw, 7, { ...JSON.parse(rowAt(raw, 7).data), to: '伪造' }),
    brokenAt: 8,
    reason: 'prev_mismatch',
  },
  {
    name: 'the actor changed',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET actor = '李四' WHERE seq = 3`).run(),
    brokenAt: 3,
    reason: 'hash_mismatch',
  },
  {
    name: 'the time changed',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET at = '2026-02-28T23:59:00.000Z' WHERE seq = 9`).run(),
    brokenAt: 9,
    reason: 'hash_mismatch',
  },
  {
    name: 'the kind changed',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET kind = 'settings_change' WHERE seq = 5`).run(),
    brokenAt: 5,
    reason: 'hash_mismatch',
  },
  {
    name: 'the data reformatted with the same meaning',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET data = replace(data, ',', ', ') WHERE seq = 4`).run(),
    brokenAt: 4,
    reason: 'hash_mismatch',
  },
  {
    name: 'a prev_hash changed',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET prev_hash = ? WHERE seq = 12`).run('f'.repeat(64)),
    brokenAt: 12,
    reason: 'hash_mismatch',
  },
  {
    name: 'a middle row deleted',
    edit: (raw) => raw.prepare(`DELETE FROM audit_log WHERE seq = 10`).run(),
    brokenAt: 11,
    reason: 'prev_mismatch',
  },
  {
    name: 'the first row deleted',
    edit: (raw) => raw.prepare(`DELETE FROM audit_log WHERE seq = 1`).run(),
    brokenAt: 2,
    reason: 'prev_mismatch',
  },
  {
    name: 'the last row deleted',
    edit: (raw) => raw.prepare(`DELETE FROM audit_log WHERE seq = ?`).run(N),
    brokenAt: N,
    reason: 'head_mismatch',
    missing: true,
  },
  {
    name: 'the last three rows deleted',
    edit: (raw) => raw.prepare(`DELETE FROM audit_log WHERE seq > ?`).run(N - 3),
    brokenAt: N - 2,
    reason: 'head_mismatch',
    missing: true,
  },
  {
    name: 'the contents of two rows swapped',
    edit: (raw) => {
      const a = rowAt(raw, 14);
      const b = rowAt(raw, 15);
      const set = raw.prepare(
        `UPDATE audit_log SET at = ?, actor = ?, kind = ?, data = ?, prev_hash = ?, hash = ? WHERE seq = ?`,
      );
      set.run(b.at, b.actor, b.kind, b.data, b.prev_hash, b.hash, 14);
      set.run(a.at, a.actor, a.kind, a.data, a.prev_hash, a.hash, 15);
    },
    brokenAt: 14,
    reason: 'hash_mismatch',
  },
  {
    name: 'two rows reordered by their seqs',
    edit: (raw) => {
      raw.prepare(`UPDATE audit_log SET seq = -1 WHERE seq = 16`).run();
      raw.prepare(`UPDATE audit_log SET seq = 16 WHERE seq = 17`).run();
      raw.prepare(`UPDATE audit_log SET seq = 17 WHERE seq = -1`).run();
    },
    brokenAt: 16,
    reason: 'hash_mismatch',
  },
  {
    name: 'a seq moved past the end',
    edit: (raw) => raw.prepare(`UPDATE audit_log SET seq = 100 WHERE seq = 12`).run(),
    brokenAt: 13,
    reason: 'prev_mismatch',
  },
  {
    name: "the last row's seq changed",
    edit: (raw) => raw.prepare(`UPDATE audit_log SET seq = ? WHERE seq = ?`).run(N + 1, N),
    brokenAt: N + 1,
    reason: 'hash_mismatch',
  },
  {
    name: 'a forged row appended with a made-up hash',
    edit: (raw) =>
      raw
        .prepare(`INSERT INTO audit_log VALUES (?, '2026-03-02T00:00:00.000Z', '张三', 'settings_change', ?, ?, ?)`)
        .run(N + 1, canon({ key: 'model', from: 'a', to: 'b' }), rowAt(raw, N).hash, 'e'.repeat(64)),
    brokenAt: N + 1,
    reason: 'hash_mismatch',
  },
  {
    name: 'a forged row appended with a correct hash (head not moved)',
    edit: (raw) => {
      const content = {
        seq: N + 1,
        at: '2026-03-02T00:00:00.000Z',
        actor: '张三',
        kind: 'settings_change',
        data: { key: 'model', from: 'a', to: 'b' },
      };
      const prev = rowAt(raw, N).hash;
      raw
        .prepare(`INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(content.seq, content.at, content.actor, content.kind, canon(content.data), prev, hashOf(prev, content));
    },
    brokenAt: N + 1,
    reason: 'head_mismatch',
  },
  {
    name: 'a forged row put before the first',
    edit: (raw) => {
      const content = { seq: 0, at: '2026-01-01T00:00:00.000Z', actor: '张三', kind: 'model_call', data: {} };
      raw
        .prepare(`INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(0, content.at, content.actor, content.kind, '{}', ZERO, hashOf(ZERO, content));
    },
    brokenAt: 0,
    reason: 'sequence_gap',
  },
  {
    name: 'a middle row deleted and the chain relinked after it',
    edit: (raw) => {
      raw.prepare(`DELETE FROM audit_log WHERE seq = 10`).run();
      let prev = rowAt(raw, 9).hash;
      for (let seq = 11; seq <= N; seq++) {
        const row = rowAt(raw, seq);
        const hash = hashOf(prev, { ...row, data: JSON.parse(row.data) });
        raw.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?`).run(prev, hash, seq);
        prev = hash;
      }
      raw.prepare(`UPDATE audit_head SET hash = ?`).run(prev);
    },
    brokenAt: 11,
    reason: 'sequence_gap',
  },
  {
    name: 'the recorded head changed',
    edit: (raw) => raw.prepare(`UPDATE audit_head SET hash = ?`).run('a'.repeat(64)),
    brokenAt: N,
    reason: 'head_mismatch',
  },
  {
    name: 'the recorded head removed',
    edit: (raw) => raw.prepare(`DELETE FROM audit_head`).run(),
    brokenAt: N + 1,
    reason: 'head_mismatch',
    missing: true,
  },
];
