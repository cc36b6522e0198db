import { createHash } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AuditService } from '../../electron/services/audit-service';
import { contentHash } from '../../electron/services/content-hash';
import { ReviewService } from '../../electron/services/review-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { openDatabase } from '../../electron/store/database';
import { DraftsRepo } from '../../electron/store/drafts-repo';
import { canonicalJson } from '../../shared/domain/audit';
import type { AuditKind } from '../../shared/domain/audit';
import { DraftDetail } from '../../shared/domain/draft';
import type { DraftState } from '../../shared/domain/draft';
import { tempDir } from '../support/temp';
import { LI, ZHANG, approveAll, decisionWarnings, failure, generated, incomplete, reviewStore, text } from './support';
import type { ReviewStore } from './support';

const dir = tempDir();
let n = 0;
const store = () => reviewStore(dir, `review-${n++}`);

/** A draft brought into `state` the way the app does it. */
function draftIn(s: ReviewStore, state: DraftState): string {
  if (state === 'generating') {
    return s.review.create({ kind: 'summary', tool: 'summarize', title: '摘要', sources: [] }).id;
  }
  const d = generated(s.review, text('经研究，现将有关事项通知如下。'));
  if (state === 'approved') approveAll(s.review, d.id);
  if (state === 'rejected') s.review.reject({ id: d.id, version: 1, reason: 'inaccurate', note: '' });
  return d.id;
}

type Action = 'addGeneration' | 'edit' | 'approve' | 'reject' | 'discard';

function act(s: ReviewStore, id: string, action: Action): void {
  const d = s.review.get(id);
  const v = d.versions.at(-1);
  switch (action) {
    case 'addGeneration':
      s.review.addGeneration(id, { content: text('重新生成的文本'), engine: 'offline', model: null });
      return;
    case 'edit':
      s.review.edit(id, d.version, text(`${v?.content.text ?? ''}（已修改）`));
      return;
    case 'approve':
      s.review.approve({
        id,
        version: Math.max(d.version, 1),
        contentHash: v?.contentHash ?? '0'.repeat(64),
        acknowledged: [],
      });
      return;
    case 'reject':
      s.review.reject({ id, version: Math.max(d.version, 1), reason: 'wrong_tone', note: '语气不当' });
      return;
    case 'discard':
      s.review.discard(id);
      return;
  }
}

const refused = (state: DraftState, action: string) => ({ code: 'invalid_state', params: { state, action } });

/** Every state × every action: the state it leads to ('removed' for a discard) or the error. */
const TRANSITIONS: [DraftState, Action, DraftState | 'removed' | ReturnType<typeof refused>][] = [
  ['generating', 'addGeneration', 'draft'],
  ['generating', 'edit', refused('generating', 'edited')],
  ['generating', 'approve', refused('generating', 'approved')],
  ['generating', 'reject', refused('generating', 'rejected')],
  ['generating', 'discard', 'removed'],
  ['draft', 'addGeneration', 'draft'],
  ['draft', 'edit', 'draft'],
  ['draft', 'approve', 'approved'],
  ['draft', 'reject', 'rejected'],
  ['draft', 'discard', refused('draft', 'discarded')],
  ['approved', 'addGeneration', 'draft'],
  ['approved', 'edit', 'draft'],
  ['approved', 'approve', refused('approved', 'approved')],
  ['approved', 'reject', 'rejected'],
  ['approved', 'discard', refused('approved', 'discarded')],
  ['rejected', 'addGeneration', 'draft'],
  ['rejected', 'edit', 'draft'],
  ['rejected', 'approve', refused('rejected', 'approved')],
  ['rejected', 'reject', refused('rejected', 'rejected')],
  ['rejected', 'discard', refused('rejected', 'discarded')],
];

describe('the state machine', () => {
  const s = store();

  test.each(TRANSITIONS)('%s --%s--> %j', (from, action, expected) => {
    const id = draftIn(s, from);
    const before = s.review.get(id);
    const auditBefore = s.audit.list({}).total;
    if (typeof expected === 'object') {
      expect(failure(() => act(s, id, action))).toEqual(expected);
      // A refused action changes nothing and records nothing.
      expect(s.review.get(id)).toEqual(before);
      expect(s.audit.list({}).total).toBe(auditBefore);
    } else if (expected === 'removed') {
      act(s, id, action);
      expect(failure(() => s.review.get(id))).toEqual({ code: 'draft_not_found', params: { id } });
    } else {
      act(s, id, action);
      expect(s.review.get(id).state).toBe(expected);
      expect(s.audit.list({}).total).toBe(auditBefore + 1);
    }
  });

  test('an unknown draft is not_found for every action', () => {
    const id = '3f2a9c1e-0000-4000-8000-00000000ffff';
    const nf = { code: 'draft_not_found', params: { id } };
    expect(failure(() => s.review.get(id))).toEqual(nf);
    expect(failure(() => s.review.edit(id, 1, text('x')))).toEqual(nf);
    expect(failure(() => s.review.approve({ id, version: 1, contentHash: 'a'.repeat(64), acknowledged: [] }))).toEqual(
      nf,
    );
    expect(failure(() => s.review.reject({ id, version: 1, reason: 'other', note: '' }))).toEqual(nf);
    expect(failure(() => s.review.discard(id))).toEqual(nf);
    expect(failure(() => s.review.addGeneration(id, { content: text('x'), engine: 'offline', model: null }))).toEqual(
      nf,
    );
    expect(failure(() => s.review.approvedContent(id))).toEqual(nf);
  });

  test('create, generate, edit, approve, reject: what each stores', () => {
    const t = store();
    t.clock.set('2026-03-02T08:00:00.000Z');
    const created = t.review.create({
      kind: 'document',
      tool: 'draft',
      title: '通知',
      requestedAt: new Date('2026-03-02T07:59:00.000Z'),
      sources: [
        { documentId: '3f2a9c1e-0000-4000-8000-000000000001', passageId: '3f2a9c1e-0000-4000-8000-000000000001#3' },
        { documentId: '3f2a9c1e-0000-4000-8000-000000000002', passageId: null },
      ],
    });
    expect(DraftDetail.parse(created)).toEqual(created);
    expect(created).toEqual(
      expect.objectContaining({
        kind: 'document',
        tool: 'draft',
        title: '通知',
        state: 'generating',
        version: 0,
        warningCount: 0,
        requestedAt: '2026-03-02T07:59:00.000Z',
        createdAt: '2026-03-02T08:00:00.000Z',
        updatedAt: '2026-03-02T08:00:00.000Z',
        versions: [],
        approvals: [],
        rejections: [],
      }),
    );
    expect(created.sources).toHaveLength(2);
    expect(created.sources[0]?.passageId).toBe('3f2a9c1e-0000-4000-8000-000000000001#3');

    t.clock.advance(1);
    const ai = text('拟批准该项目。', { 文号: '财预〔2026〕1号' });
    const g = t.review.addGeneration(created.id, {
      content: ai,
      engine: 'endpoint',
      model: 'qwen',
      warnings: [incomplete()],
    });
    expect(g.state).toBe('draft');
    expect(g.version).toBe(1);
    expect(g.warningCount).toBe(2);
    expect(g.versions[0]).toEqual({
      version: 1,
      origin: 'ai',
      author: 'ai',
      engine: 'endpoint',
      model: 'qwen',
      createdAt: '2026-03-02T08:01:00.000Z',
      content: ai,
      contentHash: contentHash(ai),
      warnings: [incomplete(), expect.objectContaining({ id: 'decision_wording:0', start: 1, end: 3 })],
    });

    t.clock.advance(1);
    t.actAs(LI);
    const e = t.review.edit(created.id, 1, text('拟同意该项目。', { 文号: '财预〔2026〕1号' }));
    expect(e.versions[1]).toEqual(
      expect.objectContaining({ version: 2, origin: 'edit', author: 'CORP\\lisi', engine: null, model: null }),
    );
    // The 批准 is gone, the generation's 'incomplete' stays with its edits.
    expect(e.versions[1]?.warnings.map((w) => w.id)).toEqual(['incomplete:0']);
    expect(e.updatedAt).toBe('2026-03-02T08:02:00.000Z');

    t.clock.advance(3);
    t.actAs(ZHANG);
    const a = approveAll(t.review, created.id);
    expect(a.approvals).toEqual([
      {
        version: 2,
        contentHash: e.versions[1]?.contentHash,
        reviewer: ZHANG,
        at: '2026-03-02T08:05:00.000Z',
        acknowledged: ['incomplete:0'],
      },
    ]);

    t.clock.advance(1);
    const r = t.review.reject({ id: created.id, version: 2, reason: 'decision', note: '不应由模型判断' });
    expect(r.state).toBe('rejected');
    expect(r.rejections).toEqual([
      { version: 2, reason: 'decision', note: '不应由模型判断', reviewer: ZHANG, at: '2026-03-02T08:06:00.000Z' },
    ]);
    expect(DraftDetail.parse(r)).toEqual(r);
  });

  test('a rejection needs a known reason code', () => {
    const t = store();
    const d = generated(t.review, text('正文'));
    expect(() => t.review.reject({ id: d.id, version: 1, reason: 'bad' as 'other', note: '' })).toThrow();
    expect(t.review.get(d.id).state).toBe('draft');
  });
});

describe('hash-bound approval', () => {
  test('approving with the hash of other content is content_changed', () => {
    const s = store();
    const d = generated(s.review, text('第一稿'));
    const stale = contentHash(text('第一稿 '));
    expect(failure(() => s.review.approve({ id: d.id, version: 1, contentHash: stale, acknowledged: [] }))).toEqual({
      code: 'content_changed',
    });
    expect(s.review.get(d.id).state).toBe('draft');
    // Fields are part of the content.
    const withField = contentHash(text('第一稿', { 文号: '1' }));
    expect(failure(() => s.review.approve({ id: d.id, version: 1, contentHash: withField, acknowledged: [] }))).toEqual(
      {
        code: 'content_changed',
      },
    );
  });

  test('the hash is sha256 of the canonical JSON of text and fields', () => {
    const c = text('通知', { b: '2', a: '1' });
    const expected = createHash('sha256').update('{"fields":{"a":"1","b":"2"},"text":"通知"}', 'utf8').digest('hex');
    expect(contentHash(c)).toBe(expected);
    expect(contentHash(text('通知', { a: '1', b: '2' }))).toBe(expected);
    expect(canonicalJson({ text: '通知', fields: { b: '2', a: '1' } })).toBe(
      '{"fields":{"a":"1","b":"2"},"text":"通知"}',
    );
  });

  test('approvedContent gives exactly the approved content; an edit blocks it; re-approval opens it again', () => {
    const s = store();
    const d = generated(s.review, text('第一稿', { 收文单位: '各区财政局' }));
    expect(failure(() => s.review.approvedContent(d.id))).toEqual({ code: 'not_approved', params: { id: d.id } });

    approveAll(s.review, d.id);
    const out = s.review.approvedContent(d.id);
    expect(out.version.content).toEqual(text('第一稿', { 收文单位: '各区财政局' }));
    expect(out.version.version).toBe(1);
    expect(out.approval).toEqual(
      expect.objectContaining({ version: 1, contentHash: contentHash(out.version.content) }),
    );
    expect(out.draft.state).toBe('approved');

    const edited = s.review.edit(d.id, 1, text('第二稿', { 收文单位: '各区财政局' }));
    expect(edited.state).toBe('draft');
    expect(failure(() => s.review.approvedContent(d.id))).toEqual({ code: 'not_approved', params: { id: d.id } });
    // The old approval cannot be reused for the new version.
    const old = out.approval.contentHash;
    expect(failure(() => s.review.approve({ id: d.id, version: 2, contentHash: old, acknowledged: [] }))).toEqual({
      code: 'content_changed',
    });

    approveAll(s.review, d.id);
    const again = s.review.approvedContent(d.id);
    expect(again.version.content).toEqual(text('第二稿', { 收文单位: '各区财政局' }));
    expect(again.approval.version).toBe(2);

    s.review.reject({ id: d.id, version: 2, reason: 'not_needed', note: '' });
    expect(failure(() => s.review.approvedContent(d.id))).toEqual({ code: 'not_approved', params: { id: d.id } });
  });

  test('content changed in the file behind the app: approval refused, approved content no longer leaves', () => {
    const s = store();
    const d = generated(s.review, text('原文'));
    const seen = d.versions[0]?.contentHash as string;
    const tamper = (newText: string) => {
      const raw = new BetterSqlite3(s.file);
      raw.exec(`DROP TRIGGER IF EXISTS draft_versions_no_update`);
      raw.prepare(`UPDATE draft_versions SET text = ? WHERE draft_id = ?`).run(newText, d.id);
      raw.close();
    };
    tamper('篡改后的文本');
    expect(failure(() => s.review.approve({ id: d.id, version: 1, contentHash: seen, acknowledged: [] }))).toEqual({
      code: 'content_changed',
    });
    tamper('原文');
    s.review.approve({ id: d.id, version: 1, contentHash: seen, acknowledged: [] });
    expect(s.review.approvedContent(d.id).version.content.text).toBe('原文');
    tamper('批准后篡改');
    expect(failure(() => s.review.approvedContent(d.id))).toEqual({ code: 'not_approved', params: { id: d.id } });
  });

  test('history cannot be updated in place', () => {
    const s = store();
    const d = generated(s.review, text('原文'));
    approveAll(s.review, d.id);
    expect(() => s.db.prepare(`UPDATE draft_versions SET text = 'x'`).run()).toThrow(/history/);
    expect(() => s.db.prepare(`UPDATE draft_approvals SET content_hash = 'x'`).run()).toThrow(/history/);
    s.review.reject({ id: d.id, version: 1, reason: 'other', note: '' });
    expect(() => s.db.prepare(`UPDATE draft_rejections SET reason = 'x'`).run()).toThrow(/history/);
  });
});

describe('warnings must be acknowledged', () => {
  test('each missing acknowledgement is counted; unknown ids are ignored and not stored', () => {
    const s = store();
    const d = generated(s.review, text('同意并批准，予以批准。'), { warnings: [incomplete()] });
    const v = d.versions[0];
    const ids = v?.warnings.map((w) => w.id);
    expect(ids).toEqual(['incomplete:0', 'decision_wording:0', 'decision_wording:1']);
    const approve = (acknowledged: string[]) => () =>
      s.review.approve({ id: d.id, version: 1, contentHash: v?.contentHash as string, acknowledged });
    expect(failure(approve([]))).toEqual({ code: 'warnings_unacknowledged', params: { count: 3 } });
    expect(failure(approve(['decision_wording:0', 'incomplete:0', 'bogus']))).toEqual({
      code: 'warnings_unacknowledged',
      params: { count: 1 },
    });
    expect(s.review.get(d.id).state).toBe('draft');
    const ok = s.review.approve({
      id: d.id,
      version: 1,
      contentHash: v?.contentHash as string,
      acknowledged: ['bogus', 'decision_wording:1', 'decision_wording:0', 'incomplete:0'],
    });
    expect(ok.approvals[0]?.acknowledged).toEqual(['incomplete:0', 'decision_wording:0', 'decision_wording:1']);
  });

  test('warnings are found again for each version; duplicate ids keep the first', () => {
    const s = store();
    const d = generated(s.review, text('予以批准。'), {
      warnings: [{ ...incomplete(), kind: 'lint', id: 'decision_wording:0', message: 'given first' }],
    });
    expect(d.versions[0]?.warnings.map((w) => [w.id, w.message])).toEqual([['decision_wording:0', 'given first']]);
    const e = s.review.edit(d.id, 1, text('请领导审定。'));
    expect(e.versions[1]?.warnings).toEqual([]);
    expect(e.warningCount).toBe(0);
    approveAll(s.review, d.id);
  });
});

describe('concurrent edits', () => {
  test('an edit from a stale version is draft_conflict with the current version', () => {
    const s = store();
    const d = generated(s.review, text('初稿'));
    s.actAs(ZHANG);
    s.review.edit(d.id, 1, text('张三的修改'));
    s.actAs(LI);
    expect(failure(() => s.review.edit(d.id, 1, text('李四的修改')))).toEqual({
      code: 'draft_conflict',
      params: { current: 2 },
    });
    const now = s.review.get(d.id);
    expect(now.versions.map((v) => [v.version, v.author, v.content.text])).toEqual([
      [1, 'ai', '初稿'],
      [2, 'zhangsan', '张三的修改'],
    ]);
    // Approving or rejecting a version that is no longer current is refused the same way.
    const v1 = now.versions[0]?.contentHash as string;
    expect(failure(() => s.review.approve({ id: d.id, version: 1, contentHash: v1, acknowledged: [] }))).toEqual({
      code: 'draft_conflict',
      params: { current: 2 },
    });
    expect(failure(() => s.review.reject({ id: d.id, version: 1, reason: 'other', note: '' }))).toEqual({
      code: 'draft_conflict',
      params: { current: 2 },
    });
  });

  test('an edit that changes nothing adds no version and records nothing', () => {
    const s = store();
    const d = generated(s.review, text('初稿', { a: '1' }));
    approveAll(s.review, d.id);
    const entries = s.audit.list({}).total;
    const same = s.review.edit(d.id, 1, text('初稿', { a: '1' }));
    expect(same.version).toBe(1);
    expect(same.state).toBe('approved');
    expect(s.audit.list({}).total).toBe(entries);
  });
});

describe('the audit trail', () => {
  test('every change is recorded with ids and hashes, never content, and the chain verifies', () => {
    const s = store();
    const secret = '绝密内容不得入审计';
    const d = generated(s.review, text(`${secret}，拟批准。`));
    const e = s.review.edit(d.id, 1, text(`${secret}，请审定。`));
    approveAll(s.review, d.id);
    s.review.reject({ id: d.id, version: 2, reason: 'wrong_format', note: `${secret} 的备注` });
    const entries = s.audit.list({}).entries.reverse();
    const v1 = d.versions[0]?.contentHash;
    const v2 = e.versions[1]?.contentHash;
    expect(entries.map((x) => [x.kind, x.data, x.actor])).toEqual([
      ['draft_created', { id: d.id, kind: 'document', tool: 'draft', sources: 1 }, 'zhangsan'],
      ['draft_edited', { id: d.id, version: 1, contentHash: v1, origin: 'ai' }, 'zhangsan'],
      ['draft_edited', { id: d.id, version: 2, contentHash: v2, origin: 'edit' }, 'zhangsan'],
      ['draft_approved', { id: d.id, version: 2, contentHash: v2, acknowledged: [], reviewer: ZHANG }, 'zhangsan'],
      ['draft_rejected', { id: d.id, version: 2, reason: 'wrong_format' }, 'zhangsan'],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(s.audit.verify()).toEqual(expect.objectContaining({ ok: true, count: 5 }));
  });

  test('a state change and its audit entry commit together: a failed append leaves the draft as it was', () => {
    const db = openDatabase({ file: path.join(dir, 'atomic.db') });
    const real = new AuditService(new AuditRepo(db), () => 'zhangsan');
    let failOn = '';
    // The entry is written, then the append fails: both must be rolled back with the change.
    const audit = {
      append: (kind: AuditKind, data: Record<string, unknown>) => {
        const entry = real.append(kind, data);
        if (kind === failOn) throw new Error('disk full');
        return entry;
      },
    } as unknown as AuditService;
    const review = new ReviewService(new DraftsRepo(db), { audit, actor: () => ZHANG, warningsFor: decisionWarnings });
    const d = generated(review, text('正文'));
    const before = review.get(d.id);
    const chain = real.list({}).total;

    failOn = 'draft_approved';
    expect(() => approveAll(review, d.id)).toThrow('disk full');
    expect(review.get(d.id)).toEqual(before);
    failOn = 'draft_edited';
    expect(() => review.edit(d.id, 1, text('改'))).toThrow('disk full');
    expect(review.get(d.id)).toEqual(before);
    failOn = 'draft_rejected';
    expect(() => review.reject({ id: d.id, version: 1, reason: 'other', note: '' })).toThrow('disk full');
    expect(review.get(d.id)).toEqual(before);
    failOn = 'draft_created';
    expect(() => review.create({ kind: 'form', tool: 'forms', title: '表', sources: [] })).toThrow('disk full');
    expect(review.list({ limit: 100, offset: 0 }).total).toBe(1);
    expect(real.list({}).total).toBe(chain);
    expect(real.verify().ok).toBe(true);
    db.close();
  });
});

describe('the queue', () => {
  test('newest updated first, filtered by state, tool and kind, paged, with the warning count', () => {
    const s = store();
    const a = generated(s.review, text('批准 A'), { tool: 'draft' });
    s.clock.advance(1);
    const b = generated(s.review, text('B'), { tool: 'summarize' });
    s.clock.advance(1);
    const c = s.review.create({ kind: 'form', tool: 'forms', title: '表', sources: [] });
    s.clock.advance(1);
    approveAll(s.review, b.id);
    s.clock.advance(1);
    s.review.edit(a.id, 1, text('批准 A，批准'));

    const ids = (q = {}) => s.review.list({ limit: 100, offset: 0, ...q }).drafts.map((d) => d.id);
    expect(ids()).toEqual([a.id, b.id, c.id]);
    expect(ids({ state: 'approved' })).toEqual([b.id]);
    expect(ids({ state: 'generating' })).toEqual([c.id]);
    expect(ids({ tool: 'draft' })).toEqual([a.id]);
    expect(ids({ kind: 'form' })).toEqual([c.id]);
    expect(ids({ limit: 1, offset: 1 })).toEqual([b.id]);
    const page = s.review.list({ limit: 1, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.drafts[0]).toEqual(expect.objectContaining({ id: a.id, version: 2, warningCount: 2, state: 'draft' }));
    expect(s.review.list({ state: 'rejected', limit: 100, offset: 0 })).toEqual({ drafts: [], total: 0 });
  });
});
