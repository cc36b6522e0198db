import { z } from 'zod';
import { DocumentId } from '../domain/document';
import { DraftDetail, DraftId } from '../domain/draft';
import { SecondOpinion, SummaryLanguage, SummaryPreset, SummaryReportSchema, SummaryStage } from '../domain/summary';

const RequestId = z.string().min(1).max(64);

export const summaryCalls = {
  /**
   * Summarize one document or a selection (a brief): streamed as `model:delta` with requestId,
   * long input map-reduced with `summaries:progress`; a draft awaiting review. `cached`: the
   * same documents, preset, model and prompt version were summarized before (no model call).
   */
  'summaries:run': {
    input: z
      .object({
        requestId: RequestId,
        documentIds: z.array(DocumentId).min(1).max(20),
        preset: SummaryPreset.default('key_points'),
        language: SummaryLanguage.default('zh'),
      })
      .strict(),
    output: z.object({ draft: DraftDetail, report: SummaryReportSchema, cached: z.boolean() }),
  },
  /** The check of a summary draft's text (the current version's, or the unsaved text given). */
  'summaries:report': {
    input: z.object({ id: DraftId, text: z.string().max(2_000_000).optional() }).strict(),
    output: SummaryReportSchema,
  },
  /**
   * The endpoint's advisory opinion on each flagged sentence of the current version, against its
   * passage (policy `verification.secondOpinion`); shown as advisory, never as proof.
   */
  'summaries:secondOpinion': {
    input: z.object({ requestId: RequestId, id: DraftId }).strict(),
    output: z.array(SecondOpinion),
  },
} as const;

export const summaryEvents = {
  'summaries:progress': z.object({
    requestId: RequestId,
    stage: SummaryStage,
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
} as const;
