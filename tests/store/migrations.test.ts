import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, openDatabase, schemaVersion } from '../../electron/store/database';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/store/migrations';
import { AuditService } from '../../electron/services/audit-service';
import { ReviewService } from '../../electron/services/review-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { DraftsRepo } from '../../electron/store/drafts-repo';
import { tempDir } from '../support/temp';

const dir = tempDir();
let n = 0;
const newFile = () => path.join(dir, `store-${n++}.db`);

/** Tables, columns and indexes: what a migrated store must look like whatever path it took. */
function schemaOf(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true });
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all();
  db.close();
  return rows;
}

describe('store migrations', () => {
  test('versions are numbered 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  test('an empty file opens at the latest version with WAL, foreign keys and STRICT tables', () => {
    const file = newFile();
    const db = openDatabase({ file });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables.filter((t) => !t.name.includes('_fts'))) expect(t).toEqual({ name: t.name, strict: 1 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  test.each(MIGRATIONS.map((m) => m.version - 1))(
    'a store at version %i upgrades to the same schema as a new one',
    (from) => {
      const fresh = newFile();
      openDatabase({ file: fresh }).close();

      const old = newFile();
      openDatabase({ file: old, targetVersion: from }).close();
      const db = openDatabase({ file: old });
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
      expect(schemaOf(old)).toEqual(schemaOf(fresh));
    },
  );

  test('a failing migration rolls back to the last good version and keeps the data', () => {
    const file = newFile();
    const db = openDatabase({ file });
    db.prepare(`INSERT INTO settings (key, value) VALUES ('locale', '"en-US"')`).run();
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        up: (d: typeof db) => {
          d.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
          d.exec(`THIS IS NOT SQL`);
        },
      },
    ];
    expect(() => migrate(db, broken, broken.length)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'locale'`).get()).toEqual({ value: '"en-US"' });
    db.close();
  });

  test('a store written by a newer Wenshu is refused, not damaged', () => {
    const file = newFile();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase({ file })).toThrow(expect.objectContaining({ code: 'store_too_new' }));
    const again = new BetterSqlite3(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    again.close();
  });

  test('a file that is not a database gives store_unavailable', () => {
    const file = newFile();
    fs.writeFileSync(file, 'this is not sqlite, just text that is long enough to look like a header '.repeat(20));
    expect(() => openDatabase({ file })).toThrow(expect.objectContaining({ code: 'store_unavailable' }));
  });
});

describe('upgrading a store that holds documents', () => {
  test('version 1 documents keep their passages and become searchable at version 2', () => {
    const file = newFile();
    const v1 = openDatabase({ file, targetVersion: 1 });
    v1.prepare(`INSERT INTO originals (sha256, size_bytes, bytes) VALUES (?, 3, x'616263')`).run('a'.repeat(64));
    v1.prepare(
      `INSERT INTO documents (id, sha256, file_name, kind, title, encoding, page_count, char_count, imported_at)
       VALUES ('d1', ?, 'n.txt', 'txt', '通知', 'utf-8', 1, 20, '2026-01-01T00:00:00.000Z')`,
    ).run('a'.repeat(64));
    const insert = v1.prepare(
      `INSERT INTO passages (id, document_id, seq, page, paragraph, start, end, text) VALUES (?, 'd1', ?, 1, ?, 0, 0, ?)`,
    );
    insert.run('d1#0', 0, 0, '关于做好预算编制工作的通知');
    insert.run('d1#1', 1, 1, 'Budget review starts in March.');
    v1.close();

    const db = openDatabase({ file });
    expect(db.prepare(`SELECT id, text FROM passages ORDER BY seq`).all()).toEqual([
      { id: 'd1#0', text: '关于做好预算编制工作的通知' },
      { id: 'd1#1', text: 'Budget review starts in March.' },
    ]);
    const hits = (q: string) =>
      (
        db
          .prepare(`SELECT p.id FROM passages_fts f JOIN passages p ON p.pk = f.rowid WHERE passages_fts MATCH ?`)
          .all(q) as { id: string }[]
      ).map((r) => r.id);
    expect(hits('"预算"')).toEqual(['d1#0']);
    expect(hits('"budget"')).toEqual(['d1#1']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('version 4: the audit log', () => {
  test('a version 3 store keeps its data and gains an empty audit log with its head at 64 zeros', () => {
    const file = newFile();
    const v3 = openDatabase({ file, targetVersion: 3 });
    v3.prepare(`INSERT INTO settings (key, value) VALUES ('maxImportMb', '300')`).run();
    v3.close();

    const db = openDatabase({ file, targetVersion: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'maxImportMb'`).get()).toEqual({ value: '300' });
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT id, seq, hash FROM audit_head`).all()).toEqual([{ id: 1, seq: 0, hash: '0'.repeat(64) }]);
    const triggers = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name LIKE 'audit_%' ORDER BY name`)
      .all();
    expect(triggers).toEqual([
      { name: 'audit_head_forward' },
      { name: 'audit_head_no_delete' },
      { name: 'audit_log_append_only' },
      { name: 'audit_log_no_delete' },
      { name: 'audit_log_no_update' },
    ]);
    const indexes = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name`)
      .all();
    expect(indexes).toEqual([{ name: 'audit_log_at' }, { name: 'audit_log_kind' }]);
    expect(() => db.prepare(`INSERT INTO audit_head (id, seq, hash) VALUES (2, 0, '')`).run()).toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('version 5: drafts', () => {
  test('a version 4 store keeps its documents, settings and audit chain and gains empty draft tables', () => {
    const file = newFile();
    const v4 = openDatabase({ file, targetVersion: 4 });
    v4.prepare(`INSERT INTO settings (key, value) VALUES ('reviewerName', '"张三"')`).run();
    v4.prepare(`INSERT INTO originals (sha256, size_bytes, bytes) VALUES (?, 3, x'616263')`).run('b'.repeat(64));
    v4.prepare(
      `INSERT INTO documents (id, sha256, file_name, kind, title, encoding, page_count, char_count, imported_at)
       VALUES ('3f2a9c1e-0000-4000-8000-000000000001', ?, 'n.txt', 'txt', '通知', 'utf-8', 1, 3, '2026-01-01T00:00:00.000Z')`,
    ).run('b'.repeat(64));
    const oldAudit = new AuditService(new AuditRepo(v4), () => 'zhangsan');
    oldAudit.append('settings_change', { key: 'reviewerName', from: '', to: '张三' });
    oldAudit.append('api_key_change', { action: 'stored', storage: 'safeStorage' });
    v4.close();

    const db = openDatabase({ file, targetVersion: 5 });
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'reviewerName'`).get()).toEqual({ value: '"张三"' });
    expect(db.prepare(`SELECT title FROM documents`).all()).toEqual([{ title: '通知' }]);
    for (const table of ['drafts', 'draft_sources', 'draft_versions', 'draft_approvals', 'draft_rejections']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(table)).toEqual({ strict: 1 });
    }
    const named = (type: string) =>
      (
        db
          .prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND tbl_name LIKE 'draft%' ORDER BY name`)
          .all(type) as { name: string }[]
      ).map((r) => r.name);
    expect(named('index').filter((n) => !n.startsWith('sqlite_'))).toEqual([
      'draft_approvals_at',
      'draft_rejections_at',
      'drafts_created',
      'drafts_queue',
      'drafts_updated',
    ]);
    expect(named('trigger')).toEqual([
      'draft_approvals_no_update',
      'draft_rejections_no_update',
      'draft_versions_no_update',
    ]);

    // The chain goes on from the old head; a draft can cite a document and outlive it.
    const audit = new AuditService(new AuditRepo(db), () => 'zhangsan');
    const review = new ReviewService(new DraftsRepo(db), {
      audit,
      actor: () => ({ account: 'zhangsan', name: '张三' }),
      warningsFor: () => [],
    });
    const documentId = '3f2a9c1e-0000-4000-8000-000000000001';
    const draft = review.create({
      kind: 'summary',
      tool: 'summarize',
      title: '摘要',
      sources: [{ documentId, passageId: null }],
    });
    const v1 = review.addGeneration(draft.id, {
      content: { text: '摘要正文', fields: {} },
      engine: 'offline',
      model: null,
    });
    review.approve({ id: draft.id, version: 1, contentHash: v1.versions[0]?.contentHash ?? '', acknowledged: [] });
    db.prepare(`DELETE FROM documents WHERE id = ?`).run(documentId);
    expect(review.get(draft.id).sources).toEqual([{ documentId, passageId: null }]);
    expect(review.approvedContent(draft.id).version.content.text).toBe('摘要正文');
    expect(audit.verify()).toEqual(expect.objectContaining({ ok: true, count: 5 }));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
