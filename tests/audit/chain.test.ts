import { AuditService } from '../../electron/services/audit-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { openDatabase } from '../../electron/store/database';
import { AuditEntry, GENESIS_HASH, canonicalJson } from '../../shared/domain/audit';
import { tempDir } from '../support/temp';
import { N, TAMPER_CASES } from './cases';
import { ZERO, canon, hashOf, makeLog, sampleEntry, tamper, tickingClock } from './support';

const dir = tempDir();
let n = 0;
const fresh = (count: number) => makeLog(dir, `log-${n++}`, count);

describe('appending', () => {
  test('entries are numbered from 1, chained from 64 zeros, hashed by the documented formula', () => {
    const { db, audit } = fresh(0);
    const first = audit.append('settings_change', { key: 'locale', from: 'zh-CN', to: 'en-US' });
    const second = audit.append('model_call', sampleEntry(0).data);
    expect(first).toEqual({
      seq: 1,
      at: '2026-03-01T08:00:00.000Z',
      actor: '张三',
      kind: 'settings_change',
      data: { key: 'locale', from: 'zh-CN', to: 'en-US' },
      prevHash: ZERO,
      hash: hashOf(ZERO, {
        seq: 1,
        at: '2026-03-01T08:00:00.000Z',
        actor: '张三',
        kind: 'settings_change',
        data: { key: 'locale', from: 'zh-CN', to: 'en-US' },
      }),
    });
    expect(AuditEntry.parse(second)).toEqual(second);
    expect(second).toEqual(expect.objectContaining({ seq: 2, prevHash: first.hash, at: '2026-03-01T08:01:00.000Z' }));
    expect(second.hash).toBe(hashOf(first.hash, second));
    expect(GENESIS_HASH).toBe(ZERO);
    // Stored as canonical JSON, the head moved in the same transaction.
    expect(db.prepare(`SELECT data FROM audit_log WHERE seq = 1`).get()).toEqual({
      data: '{"from":"zh-CN","key":"locale","to":"en-US"}',
    });
    expect(db.prepare(`SELECT seq, hash FROM audit_head`).get()).toEqual({ seq: 2, hash: second.hash });
    db.close();
  });

  test('canonical JSON sorts keys at every depth, drops undefined and refuses what is not JSON', () => {
    expect(canonicalJson({ b: [{ z: 1, a: '中' }], a: null, c: undefined, d: true })).toBe(
      '{"a":null,"b":[{"a":"中","z":1}],"d":true}',
    );
    expect(canonicalJson({ s: 'line\n"quoted"\\' })).toBe('{"s":"line\\n\\"quoted\\"\\\\"}');
    expect(canonicalJson({ a: { b: { c: 2, a: 1 } } })).toBe(canon({ a: { b: { a: 1, c: 2 } } }));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
  });

  test('an unknown kind or data that is not a JSON object is refused and nothing is written', () => {
    const { db, audit } = fresh(1);
    expect(() => audit.append('deleted_everything' as never, {})).toThrow();
    expect(() => audit.append('model_call', { t: Number.NaN })).toThrow(TypeError);
    expect(() => audit.append('model_call', [] as never)).toThrow(TypeError);
    expect(audit.verify()).toEqual(expect.objectContaining({ ok: true, count: 1 }));
    db.close();
  });

  test('the actor is whoever the actor function names at the time of each append', () => {
    const file = `${dir}/actors.db`;
    const db = openDatabase({ file });
    let who = 'alice';
    const audit = new AuditService(new AuditRepo(db), () => who, tickingClock());
    audit.append('api_key_change', { action: 'stored', storage: 'env' });
    who = 'CORP\\bob';
    audit.append('api_key_change', { action: 'removed', storage: 'env' });
    expect(audit.list({}).entries.map((e) => e.actor)).toEqual(['CORP\\bob', 'alice']);
    db.close();
  });

  test('two connections appending to one file (the app and the CLI) interleave into one chain', () => {
    const { file, db, audit } = fresh(0);
    const db2 = openDatabase({ file });
    const audit2 = new AuditService(new AuditRepo(db2), () => 'cli', tickingClock());
    for (let i = 0; i < 50; i++)
      (i % 3 === 0 ? audit2 : audit).append('settings_change', { key: 'k', from: i, to: i + 1 });
    expect(audit.verify()).toEqual(expect.objectContaining({ ok: true, count: 50 }));
    expect(audit2.verify()).toEqual(expect.objectContaining({ ok: true, count: 50 }));
    db2.close();
    db.close();
  });
});

describe('the log is append-only for the app', () => {
  test.each([
    ["UPDATE audit_log SET data = '{}' WHERE seq = 2", /append-only/],
    ['UPDATE audit_log SET seq = 99 WHERE seq = 3', /append-only/],
    ['DELETE FROM audit_log WHERE seq = 3', /append-only/],
    ['DELETE FROM audit_log', /append-only/],
    ['DELETE FROM audit_head', /cannot be deleted/],
    ['UPDATE audit_head SET seq = 1', /only moves onto the newest entry/],
    [`UPDATE audit_head SET hash = '${'a'.repeat(64)}'`, /only moves onto the newest entry/],
    [
      `INSERT INTO audit_log VALUES (9, 'x', 'x', 'model_call', '{}', '${'0'.repeat(64)}', 'x')`,
      /must follow the head/,
    ],
    [
      `INSERT INTO audit_log VALUES (4, 'x', 'x', 'model_call', '{}', '${'0'.repeat(64)}', 'x')`,
      /must follow the head/,
    ],
  ])('%s is refused through the app connection', (sql, message) => {
    const { db, audit } = fresh(3);
    const before = audit.list({});
    expect(() => db.prepare(sql).run()).toThrow(message);
    expect(audit.list({})).toEqual(before);
    expect(audit.verify()).toEqual(expect.objectContaining({ ok: true, count: 3 }));
    db.close();
  });
});

describe('verify', () => {
  test('an intact log: ok, its count and head hash', () => {
    const { db, audit } = fresh(N);
    const newest = audit.list({ limit: 1 }).entries[0]!;
    expect(audit.verify()).toEqual({
      ok: true,
      count: N,
      head: newest.hash,
      brokenAt: null,
      reason: null,
      brokenEntry: null,
    });
    db.close();
  });

  test('an empty log is intact', () => {
    const { db, audit } = fresh(0);
    expect(audit.verify()).toEqual({ ok: true, count: 0, head: null, brokenAt: null, reason: null, brokenEntry: null });
    db.close();
  });

  test.each(TAMPER_CASES)('$name: caught at seq $brokenAt ($reason)', ({ edit, brokenAt, reason, missing }) => {
    const { file, db, audit } = fresh(N);
    const before = audit.verify();
    expect(before.ok).toBe(true);
    tamper(file, edit);
    const after = audit.verify();
    expect(after).toEqual({
      ok: false,
      count: expect.any(Number),
      head: null,
      brokenAt,
      reason,
      brokenEntry: missing ? null : { at: expect.any(String), kind: expect.any(String), actor: expect.any(String) },
    });
    // Only entries before the break count as intact.
    expect(after.count).toBeLessThanOrEqual(Math.max(0, Math.min(N, brokenAt - 1)));
    db.close();
  });

  test('every row deleted: the head still remembers them', () => {
    const { file, db, audit } = fresh(N);
    tamper(file, (raw) => raw.prepare(`DELETE FROM audit_log`).run());
    expect(audit.verify()).toEqual(
      expect.objectContaining({ ok: false, count: 0, brokenAt: 1, reason: 'head_mismatch', brokenEntry: null }),
    );
    db.close();
  });

  test('the broken entry is named as it reads now', () => {
    const { file, db, audit } = fresh(N);
    tamper(file, (raw) => raw.prepare(`UPDATE audit_log SET actor = '李四' WHERE seq = 3`).run());
    expect(audit.verify()).toEqual(
      expect.objectContaining({
        brokenAt: 3,
        count: 2,
        brokenEntry: { at: '2026-03-01T08:02:00.000Z', kind: sampleEntry(2).kind, actor: '李四' },
      }),
    );
    db.close();
  });
});
