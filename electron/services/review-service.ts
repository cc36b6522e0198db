import { randomUUID } from 'node:crypto';
import { DraftQuery, RejectionReason } from '../../shared/domain/draft';
import type {
  Approval,
  DraftContent,
  DraftDetail,
  DraftKind,
  DraftSource,
  DraftState,
  DraftSummary,
  DraftVersion,
  DraftWarning,
  Metrics,
  Person,
} from '../../shared/domain/draft';
import { AppError } from '../../shared/errors';
import type { DraftsRepo } from '../store/drafts-repo';
import type { AuditService } from './audit-service';
import { contentHash } from './content-hash';
import { computeMetrics, contentEditDistance, contentLength, weekStart } from './metrics';

export interface ReviewDeps {
  audit: AuditService;
  /** The person acting: OS account + display name from settings. */
  actor: () => Person;
  /**
   * Warnings found in a content by the tool that made the draft (lint, unsupported sentences…)
   * plus the decision-wording check. Called for every new version (generation or edit).
   */
  warningsFor: (
    draft: { id: string; kind: DraftKind; tool: string; sources: DraftSource[] },
    content: DraftContent,
  ) => DraftWarning[];
  now?: () => Date;
}

/** `action` of invalid_state: what was refused, as the English message words it. */
type Action = 'edited' | 'approved' | 'rejected' | 'discarded';

const invalidState = (id: string, state: DraftState, action: Action) =>
  new AppError('invalid_state', `draft ${id} is ${state}; it cannot be ${action}`, { state, action });

const conflict = (id: string, current: number) =>
  new AppError('draft_conflict', `draft ${id} is at version ${current}`, { current });

const normalize = (c: DraftContent): DraftContent => ({ text: c.text, fields: { ...(c.fields ?? {}) } });

/** Warning ids are what acknowledgements name: the first warning with an id wins. */
function uniqueById(warnings: DraftWarning[]): DraftWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.id) && seen.add(w.id));
}

/**
 * The review gate: every AI output is a draft until a person approves that exact content.
 *
 *   generating ──addGeneration──► draft ──approve──► approved
 *                                   ▲  └──reject──►  rejected ◄──reject── approved
 *                                   └──── edit (from draft, approved or rejected) ────┘
 *
 * An approval is bound to the SHA-256 of the content the reviewer saw (contentHash), recomputed
 * here from the stored content; approvedContent is the one guard every way out goes through.
 * Each change and its audit entry are written in one transaction.
 */
export class ReviewService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: DraftsRepo,
    private readonly deps: ReviewDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** A draft about to be generated: state 'generating', no version yet. */
  create(input: {
    kind: DraftKind;
    tool: string;
    title: string;
    requestedAt?: Date;
    sources: DraftSource[];
  }): DraftDetail {
    const id = randomUUID();
    const createdAt = this.now().toISOString();
    const { kind, tool, title, sources } = input;
    this.repo.write(() => {
      const requestedAt = input.requestedAt?.toISOString() ?? createdAt;
      this.repo.insertDraft({ id, kind, tool, title, requestedAt, createdAt, sources });
      this.deps.audit.append('draft_created', { id, kind, tool, sources: sources.length });
    });
    return this.get(id);
  }

  /**
   * The AI's version: warnings = the given ones (e.g. 'incomplete') plus warningsFor; state →
   * 'draft'. Also allowed on a draft that already has versions (a regeneration).
   */
  addGeneration(
    id: string,
    g: { content: DraftContent; engine: 'endpoint' | 'offline'; model: string | null; warnings?: DraftWarning[] },
  ): DraftDetail {
    const draft = this.summary(id);
    const content = normalize(g.content);
    const warnings = uniqueById([
      ...(g.warnings ?? []),
      ...this.deps.warningsFor({ id, kind: draft.kind, tool: draft.tool, sources: this.repo.sources(id) }, content),
    ]);
    const hash = contentHash(content);
    this.repo.write(() => {
      const version = this.summary(id).version + 1;
      const createdAt = this.now().toISOString();
      this.repo.addVersion({
        draftId: id,
        version,
        origin: 'ai',
        author: 'ai',
        engine: g.engine,
        model: g.model,
        createdAt,
        content,
        contentHash: hash,
        warnings,
      });
      this.deps.audit.append('draft_edited', { id, version, contentHash: hash, origin: 'ai' });
    });
    return this.get(id);
  }

  /** A generation that failed before producing anything: the draft is removed (nothing to review). */
  discard(id: string): void {
    this.repo.write(() => {
      const draft = this.summary(id);
      if (draft.state !== 'generating' || draft.version !== 0) throw invalidState(id, draft.state, 'discarded');
      this.repo.deleteDraft(id);
    });
  }

  /**
   * Retention (policy `retention.draftDays`): drafts nobody approved and nobody touched for that
   * long are deleted with their versions. Approved drafts stay: they are the record of what left.
   */
  purgeUnapproved(days: number): number {
    const before = new Date(this.now().getTime() - days * 86_400_000).toISOString();
    return this.repo.write(() => {
      const expired = this.repo.unapprovedBefore(before);
      for (const { id, state } of expired) {
        this.repo.deleteDraft(id);
        this.deps.audit.append('draft_deleted', { id, state, reason: 'retention', days });
      }
      return expired.length;
    });
  }

  /**
   * A person's edit: a new version by actor().account, from `baseVersion`, which must be the
   * current one. An approved or rejected draft returns to 'draft'; an edit that changes nothing
   * adds no version. The generation's 'incomplete' warnings stay with every edit of it: an edit
   * does not show that the text was completed, so the reviewer still acknowledges them.
   */
  edit(id: string, baseVersion: number, content: DraftContent): DraftDetail {
    const draft = this.summary(id);
    const next = normalize(content);
    const hash = contentHash(next);
    const checkBase = (d: DraftSummary) => {
      if (d.state === 'generating') throw invalidState(id, d.state, 'edited');
      if (d.version !== baseVersion) throw conflict(id, d.version);
    };
    checkBase(draft);
    const current = this.repo.version(id, baseVersion);
    if (current?.contentHash === hash) return this.get(id);
    const carried = (this.repo.lastAiVersion(id, baseVersion)?.warnings ?? []).filter((w) => w.kind === 'incomplete');
    const warnings = uniqueById([
      ...carried,
      ...this.deps.warningsFor({ id, kind: draft.kind, tool: draft.tool, sources: this.repo.sources(id) }, next),
    ]);
    const author = this.deps.actor().account;
    this.repo.write(() => {
      checkBase(this.summary(id));
      const version = baseVersion + 1;
      const createdAt = this.now().toISOString();
      this.repo.addVersion({
        draftId: id,
        version,
        origin: 'edit',
        author,
        engine: null,
        model: null,
        createdAt,
        content: next,
        contentHash: hash,
        warnings,
      });
      this.deps.audit.append('draft_edited', { id, version, contentHash: hash, origin: 'edit' });
    });
    return this.get(id);
  }

  /**
   * A person's approval of the current version: state 'draft', the hash they saw equal to the
   * hash recomputed from the stored content, every warning of that version acknowledged (unknown
   * ids are ignored and not stored). Records the reviewer, time, hash and acknowledged ids, and
   * for the metrics the edit distance from the last AI version.
   */
  approve(input: { id: string; version: number; contentHash: string; acknowledged: string[] }): DraftDetail {
    const { id, version } = input;
    const check = (d: DraftSummary) => {
      if (d.state !== 'draft') throw invalidState(id, d.state, 'approved');
      if (d.version !== version) throw conflict(id, d.version);
    };
    check(this.summary(id));
    const stored = this.repo.version(id, version) as DraftVersion;
    const hash = contentHash(stored.content);
    if (hash !== input.contentHash) {
      throw new AppError('content_changed', `draft ${id} version ${version} is not the content reviewed`);
    }
    const given = new Set(input.acknowledged);
    const missing = stored.warnings.filter((w) => !given.has(w.id)).length;
    if (missing > 0) {
      throw new AppError('warnings_unacknowledged', `${missing} warnings not acknowledged`, { count: missing });
    }
    const acknowledged = stored.warnings.map((w) => w.id);
    const ai = this.repo.lastAiVersion(id, version);
    const edit = ai ? contentEditDistance(ai.content, stored.content) : null;
    const approvedLength = contentLength(stored.content);
    const reviewer = this.deps.actor();
    this.repo.write(() => {
      check(this.summary(id));
      const at = this.now().toISOString();
      this.repo.addApproval({
        draftId: id,
        version,
        contentHash: hash,
        reviewer,
        at,
        acknowledged,
        aiVersion: ai?.version ?? null,
        editDistance: edit?.distance ?? null,
        approvedLength,
      });
      this.repo.setState(id, 'approved', at);
      this.deps.audit.append('draft_approved', { id, version, contentHash: hash, acknowledged, reviewer });
    });
    return this.get(id);
  }

  /** Rejects the current version of a draft in state 'draft' or 'approved', with a reason code and a note. */
  reject(input: { id: string; version: number; reason: RejectionReason; note: string }): DraftDetail {
    const { id, version, note } = input;
    const reason = RejectionReason.parse(input.reason);
    const reviewer = this.deps.actor();
    this.repo.write(() => {
      const d = this.summary(id);
      if (d.state !== 'draft' && d.state !== 'approved') throw invalidState(id, d.state, 'rejected');
      if (d.version !== version) throw conflict(id, d.version);
      const at = this.now().toISOString();
      this.repo.addRejection({ draftId: id, version, reason, note, reviewer, at });
      this.repo.setState(id, 'rejected', at);
      this.deps.audit.append('draft_rejected', { id, version, reason });
    });
    return this.get(id);
  }

  get(id: string): DraftDetail {
    const detail = this.repo.detail(id);
    if (!detail) throw new AppError('draft_not_found', `no draft ${id}`, { id });
    return detail;
  }

  /** Newest updated first. */
  list(q: DraftQuery): { drafts: DraftSummary[]; total: number } {
    return this.repo.list(DraftQuery.parse(q));
  }

  /**
   * The guard behind every way out (export, copy, print): the current version's content, only
   * while the draft is approved and the hash recomputed from the stored content equals the hash
   * of an approval of that draft. Otherwise not_approved.
   */
  approvedContent(id: string): { draft: DraftDetail; version: DraftVersion; approval: Approval } {
    const draft = this.get(id);
    const version = draft.versions.find((v) => v.version === draft.version);
    const hash = version && contentHash(version.content);
    const approval = draft.approvals.filter((a) => a.contentHash === hash).at(-1);
    if (draft.state !== 'approved' || !version || !approval) {
      throw new AppError('not_approved', `draft ${id}: its current content is not approved`, { id });
    }
    return { draft, version, approval };
  }

  /** Usefulness per tool and ISO week over the last `weeks` weeks (see metrics.ts for definitions). */
  metrics(weeks: number): Metrics {
    const now = this.now();
    const n = Math.max(1, Math.floor(weeks));
    const since = new Date(weekStart(now).getTime() - (n - 1) * 7 * 86_400_000);
    return computeMetrics(this.repo.metricsRows(since.toISOString()), now, n);
  }

  private summary(id: string): DraftSummary {
    const s = this.repo.summary(id);
    if (!s) throw new AppError('draft_not_found', `no draft ${id}`, { id });
    return s;
  }
}
