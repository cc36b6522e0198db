import path from 'node:path';
import { AuditService } from '../../electron/services/audit-service';
import { ReviewService } from '../../electron/services/review-service';
import type { ReviewDeps } from '../../electron/services/review-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { openDatabase } from '../../electron/store/database';
import type { Database } from '../../electron/store/database';
import { DraftsRepo } from '../../electron/store/drafts-repo';
import type { DraftContent, DraftDetail, DraftWarning, Person } from '../../shared/domain/draft';
import { AppError } from '../../shared/errors';

export const ZHANG: Person = { account: 'zhangsan', name: '张三' };
export const LI: Person = { account: 'CORP\\lisi', name: '李四' };

/** A clock the test sets and moves by minutes. */
export class Clock {
  constructor(public t = Date.parse('2026-03-02T08:00:00.000Z')) {}
  now = () => new Date(this.t);
  set(iso: string) {
    this.t = Date.parse(iso);
  }
  advance(minutes: number) {
    this.t += minutes * 60_000;
  }
}

/** The lead's decision-wording check, reduced: one warning per 批准 in the text, ids by position. */
export function decisionWarnings(_draft: unknown, content: DraftContent): DraftWarning[] {
  const out: DraftWarning[] = [];
  for (let at = content.text.indexOf('批准'), i = 0; at >= 0; at = content.text.indexOf('批准', at + 1), i++) {
    out.push({
      id: `decision_wording:${i}`,
      kind: 'decision_wording',
      severity: 'warning',
      message: 'decision wording',
      params: { word: '批准' },
      start: at,
      end: at + 2,
      field: null,
    });
  }
  return out;
}

export const incomplete = (id = 'incomplete:0'): DraftWarning => ({
  id,
  kind: 'incomplete',
  severity: 'warning',
  message: 'the generation did not finish (length)',
  params: { reason: 'length' },
  start: null,
  end: null,
  field: null,
});

export interface ReviewStore {
  file: string;
  db: Database;
  audit: AuditService;
  review: ReviewService;
  clock: Clock;
  /** Who acts from now on. */
  actAs(person: Person): void;
}

/** A store file with the audit log and the review service, on a test clock. */
export function reviewStore(dir: string, name: string, deps: Partial<ReviewDeps> = {}): ReviewStore {
  const file = path.join(dir, `${name}.db`);
  const db = openDatabase({ file });
  const clock = new Clock();
  let person = ZHANG;
  const audit = deps.audit ?? new AuditService(new AuditRepo(db), () => person.account, clock.now);
  const review = new ReviewService(new DraftsRepo(db), {
    audit,
    actor: () => person,
    warningsFor: decisionWarnings,
    now: clock.now,
    ...deps,
  });
  return { file, db, audit, review, clock, actAs: (p) => (person = p) };
}

export const text = (t: string, fields: Record<string, string> = {}): DraftContent => ({ text: t, fields });

/** A draft generated with `content`: state 'draft', version 1. */
export function generated(
  review: ReviewService,
  content: DraftContent,
  options: { tool?: string; warnings?: DraftWarning[]; requestedAt?: Date } = {},
): DraftDetail {
  const draft = review.create({
    kind: 'document',
    tool: options.tool ?? 'draft',
    title: '关于做好预算编制工作的通知',
    requestedAt: options.requestedAt,
    sources: [{ documentId: '3f2a9c1e-0000-4000-8000-000000000001', passageId: null }],
  });
  return review.addGeneration(draft.id, {
    content,
    engine: 'endpoint',
    model: 'qwen2.5-72b-instruct',
    warnings: options.warnings,
  });
}

/** Approves the current version with every warning acknowledged. */
export function approveAll(review: ReviewService, id: string): DraftDetail {
  const d = review.get(id);
  const v = d.versions.at(-1);
  if (!v) throw new Error('no version to approve');
  return review.approve({
    id,
    version: v.version,
    contentHash: v.contentHash,
    acknowledged: v.warnings.map((w) => w.id),
  });
}

/** The AppError `fn` throws, as {code, params}, or 'no error'. */
export function failure(fn: () => unknown): { code: string; params?: unknown } | 'no error' {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.params ? { code: err.code, params: err.params } : { code: err.code };
    throw err;
  }
  return 'no error';
}
