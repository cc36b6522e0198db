import { z } from 'zod';
import { DocumentId } from '../domain/document';
import {
  DraftContent,
  DraftDetail,
  DraftId,
  DraftKind,
  DraftQuery,
  DraftSummary,
  ExportFormat,
  Metrics,
  RejectionReason,
} from '../domain/draft';

const RequestId = z.string().min(1).max(64);

export const draftCalls = {
  'drafts:list': {
    input: DraftQuery,
    output: z.object({ drafts: z.array(DraftSummary), total: z.number().int() }),
  },
  'drafts:get': { input: z.object({ id: DraftId }).strict(), output: DraftDetail },
  /**
   * A new draft from a prompt (and documents): generated on the endpoint or offline, streamed as
   * `model:delta` events tagged with requestId. Tools (draft, summarize, forms) add their own calls.
   */
  'drafts:generate': {
    input: z
      .object({
        requestId: RequestId,
        kind: DraftKind.default('document'),
        title: z.string().min(1).max(200).optional(),
        prompt: z.string().min(1).max(200_000),
        documentIds: z.array(DocumentId).max(50).default([]),
      })
      .strict(),
    output: DraftDetail,
  },
  /** A person's edit: a new version. `baseVersion` is the version the editor started from. */
  'drafts:edit': {
    input: z.object({ id: DraftId, baseVersion: z.number().int().min(1), content: DraftContent }).strict(),
    output: DraftDetail,
  },
  /**
   * Approval is a person's act: the hash of the content they saw, every warning acknowledged, and
   * the confirmation statement ticked. Main recomputes the hash; there is no CLI equivalent.
   */
  'drafts:approve': {
    input: z
      .object({
        id: DraftId,
        version: z.number().int().min(1),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
        acknowledged: z.array(z.string().max(100)).max(1000),
        confirmed: z.literal(true),
      })
      .strict(),
    output: DraftDetail,
  },
  'drafts:reject': {
    input: z
      .object({
        id: DraftId,
        version: z.number().int().min(1),
        reason: RejectionReason,
        note: z.string().max(2000).default(''),
      })
      .strict(),
    output: DraftDetail,
  },
  /** The only ways out, each checked in main against an approval of the current content. */
  'drafts:export': {
    input: z
      .object({
        id: DraftId,
        format: ExportFormat,
        /** A filled PDF form only: its fields turned into page content (no longer editable). */
        flatten: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'drafts:copy': { input: z.object({ id: DraftId }).strict(), output: z.object({ copied: z.boolean() }) },
  'drafts:print': { input: z.object({ id: DraftId }).strict(), output: z.object({ printed: z.boolean() }) },
  'metrics:get': {
    input: z.object({ weeks: z.number().int().min(1).max(104).default(12) }).strict(),
    output: Metrics,
  },
  /** Counts only, no content: for IT. Saved where the user chooses. */
  'metrics:export': {
    input: z.object({ format: z.enum(['csv', 'json']) }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
} as const;

export const draftEvents = {
  'drafts:changed': z.object({ ids: z.array(DraftId) }),
} as const;
