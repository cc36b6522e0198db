import { z } from 'zod';
import { PROBLEM_KINDS } from '../verify/types';
import type { SentenceVerdict } from '../verify/types';

/** Length presets: 一句话 / 要点 / 详细. */
export const SummaryPreset = z.enum(['one_sentence', 'key_points', 'detailed']);
export type SummaryPreset = z.infer<typeof SummaryPreset>;

/** What the CLI and UI call the presets in Chinese. */
export const PRESET_NAMES: Record<SummaryPreset, { zh: string; en: string }> = {
  one_sentence: { zh: '一句话', en: 'One sentence' },
  key_points: { zh: '要点', en: 'Key points' },
  detailed: { zh: '详细', en: 'Detailed' },
};

/** Chinese by default, or the language the documents are written in. */
export const SummaryLanguage = z.enum(['zh', 'source']);
export type SummaryLanguage = z.infer<typeof SummaryLanguage>;

/** Where a citation label points: enough for a link that opens the source at the passage. */
export interface CitedPassage {
  label: string;
  passageId: string;
  documentId: string;
  title: string;
  page: number;
  paragraph: number;
  text: string;
}

/** A summary draft's check: each sentence's verdict, and what its labels point to. */
export interface SummaryReport {
  sentences: SentenceVerdict[];
  /** Every label the summary cites that names a passage. */
  passages: CitedPassage[];
}

/** Progress of a long summary: map over chunks, then reduce (combine), then the check. */
export const SummaryStage = z.enum(['map', 'reduce', 'verify']);
export type SummaryStage = z.infer<typeof SummaryStage>;

const VerifyProblemSchema = z.object({
  kind: z.enum(PROBLEM_KINDS),
  detail: z.string(),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  says: z.string().optional(),
});

export const SentenceVerdictSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  citations: z.array(z.string()),
  verdict: z.enum(['supported', 'unsupported', 'contradicted']),
  evidence: z
    .object({
      passageId: z.string().optional(),
      label: z.string().optional(),
      page: z.number().int().optional(),
      paragraph: z.number().int().optional(),
      text: z.string(),
    })
    .nullable(),
  problems: z.array(VerifyProblemSchema),
});

export const SummaryReportSchema = z.object({
  sentences: z.array(SentenceVerdictSchema),
  passages: z.array(
    z.object({
      label: z.string(),
      passageId: z.string(),
      documentId: z.string(),
      title: z.string(),
      page: z.number().int(),
      paragraph: z.number().int(),
      text: z.string(),
    }),
  ),
});

/** The endpoint's advisory judgement of one flagged sentence against its passage: never proof. */
export const SecondOpinion = z.object({
  index: z.number().int().min(0),
  judgement: z.enum(['supported', 'not_supported', 'unclear']),
  reason: z.string(),
});
export type SecondOpinion = z.infer<typeof SecondOpinion>;

// The zod schemas describe exactly the verifier's types (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatch: [
  Same<z.infer<typeof SentenceVerdictSchema>, SentenceVerdict>,
  Same<z.infer<typeof SummaryReportSchema>, SummaryReport>,
] = [true, true];
