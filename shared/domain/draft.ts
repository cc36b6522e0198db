import { z } from 'zod';
import { DocumentId } from './document';

/**
 * Every AI output is a draft until a person approves that exact content. A draft keeps every
 * version (each generation and each human edit), the warnings found in each, and the approvals
 * and rejections given; the content hash binds an approval to one exact content.
 */
export const DraftKind = z.enum(['document', 'summary', 'form']);
export type DraftKind = z.infer<typeof DraftKind>;

export const DraftState = z.enum(['generating', 'draft', 'approved', 'rejected']);
export type DraftState = z.infer<typeof DraftState>;

export const DraftId = z.uuid();

/** The reviewable content: the text and, for forms and typed documents, structured fields. */
export const DraftContent = z.object({
  text: z.string().max(2_000_000),
  fields: z.record(z.string().max(200), z.string().max(100_000)).default({}),
});
export type DraftContent = z.infer<typeof DraftContent>;

export const WarningKind = z.enum([
  'unsupported_sentence', // a summary sentence without support in its sources, or contradicting them
  'citation', // a summary sentence citing no passage, or a label that names none
  'lint', // an official-document format problem (issue 6)
  'empty_field', // a form field left empty (issue 8)
  'unverified_field', // a form value whose evidence did not check out (issue 8)
  'decision_wording', // the text decides (批准, 不予受理 …): the decision is the officer's
  'incomplete', // the generation stopped early (cut at max_tokens, interrupted, cancelled)
]);
export type WarningKind = z.infer<typeof WarningKind>;

export const DraftWarning = z.object({
  /** Stable within a version, e.g. `decision_wording:0`: what an acknowledgement names. */
  id: z.string().min(1).max(100),
  kind: WarningKind,
  severity: z.enum(['error', 'warning']),
  /** English fallback; the UI translates `draftWarnings.<kind>` with params. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Where in the text (UTF-16 offsets), when it is about a span. */
  start: z.number().int().min(0).nullable().default(null),
  end: z.number().int().min(0).nullable().default(null),
  /** Which field, for form warnings. */
  field: z.string().nullable().default(null),
});
export type DraftWarning = z.infer<typeof DraftWarning>;

export const Person = z.object({
  /** OS account. */
  account: z.string(),
  /** Display name from Settings (may be empty). */
  name: z.string(),
});
export type Person = z.infer<typeof Person>;

export const DraftVersion = z.object({
  version: z.number().int().min(1),
  origin: z.enum(['ai', 'edit']),
  /** 'ai' for a generation; the editor's OS account for an edit. */
  author: z.string(),
  engine: z.enum(['endpoint', 'offline']).nullable(),
  model: z.string().nullable(),
  createdAt: z.iso.datetime(),
  content: DraftContent,
  /** SHA-256 (hex) of the canonical JSON of `content`. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  warnings: z.array(DraftWarning),
});
export type DraftVersion = z.infer<typeof DraftVersion>;

export const DraftSource = z.object({ documentId: DocumentId, passageId: z.string().nullable() });
export type DraftSource = z.infer<typeof DraftSource>;

export const Approval = z.object({
  version: z.number().int().min(1),
  contentHash: z.string(),
  reviewer: Person,
  at: z.iso.datetime(),
  /** Warning ids of that version that the reviewer acknowledged. */
  acknowledged: z.array(z.string()),
});
export type Approval = z.infer<typeof Approval>;

export const REJECTION_REASONS = [
  'inaccurate', // facts wrong or unsupported
  'incomplete', // misses what was asked
  'wrong_format', // not in the required form
  'wrong_tone', // style or wording unsuitable
  'decision', // the output decides a case
  'not_needed', // no longer needed
  'other',
] as const;
export const RejectionReason = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReason>;

export const Rejection = z.object({
  version: z.number().int().min(1),
  reason: RejectionReason,
  note: z.string().max(2000),
  reviewer: Person,
  at: z.iso.datetime(),
});
export type Rejection = z.infer<typeof Rejection>;

export const DraftSummary = z.object({
  id: DraftId,
  kind: DraftKind,
  /** Which tool made it: 'draft', 'summarize', 'forms', or 'complete' (a raw prompt). */
  tool: z.string(),
  title: z.string(),
  state: DraftState,
  /** When the user asked (the start of "time to approval"). */
  requestedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The current version's number. */
  version: z.number().int().min(0),
  warningCount: z.number().int().min(0),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const DraftDetail = DraftSummary.extend({
  sources: z.array(DraftSource),
  versions: z.array(DraftVersion),
  approvals: z.array(Approval),
  rejections: z.array(Rejection),
});
export type DraftDetail = z.infer<typeof DraftDetail>;

export const DraftQuery = z
  .object({
    state: DraftState.optional(),
    tool: z.string().max(40).optional(),
    kind: DraftKind.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type DraftQuery = z.infer<typeof DraftQuery>;

export const ExportFormat = z.enum(['docx', 'pdf', 'txt', 'md']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Usefulness per tool and ISO week, from the store: counts and times only, never content. */
export const WeekMetrics = z.object({
  /** ISO week, e.g. 2026-W48 */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  tool: z.string(),
  created: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  /** Median minutes from the request to the approval, for drafts approved that week. */
  medianMinutesToApproval: z.number().nullable(),
  /** Median over approved drafts: edit distance (last AI version → approved text) ÷ approved length. */
  medianEditRatio: z.number().nullable(),
  rejectionReasons: z.record(z.string(), z.number().int()),
});
export type WeekMetrics = z.infer<typeof WeekMetrics>;

export const Metrics = z.object({ generatedAt: z.iso.datetime(), weeks: z.array(WeekMetrics) });
export type Metrics = z.infer<typeof Metrics>;

/** The warning a generation that stopped early carries (cut at max_tokens, interrupted, stopped). */
export function incompleteWarning(reason: string): DraftWarning {
  return {
    id: 'incomplete:0',
    kind: 'incomplete',
    severity: 'warning',
    message: `the generation did not finish (${reason})`,
    params: { reason },
    start: null,
    end: null,
    field: null,
  };
}
