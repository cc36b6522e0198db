/**
 * The grounding verifier's vocabulary. A summary is checked sentence by sentence against the
 * passages it was made from, deterministically and without a model call: each sentence gets a
 * verdict, the passage that supports it best (its evidence) and every problem found.
 */

/** One addressable piece of source text, as the verifier sees it. */
export interface SourcePassage {
  /** What a summary cites it by: `P1`, `P2` … (one numbering over all sources of a summary). */
  label: string;
  /** The stored passage id (`<documentId>#<seq>`); the label when the source is a loose file. */
  id: string;
  documentId?: string;
  page?: number;
  paragraph?: number;
  text: string;
}

export const PROBLEM_KINDS = [
  'number', // a number (Arabic or Chinese, 万/亿 scaled, decimal, range) not in the evidence
  'percent', // a percentage (5.2%, 百分之五点二) not in the evidence
  'amount', // a sum of money (元, 万元, 亿元) not in the evidence
  'unit', // the figure is there but with another unit or scale (万元 vs 亿元)
  'date', // a date (2026年3月5日, 3月5日, 二〇二六年) not in the evidence
  'quote', // quoted text (“…”, 「…」, 《…》) not verbatim in the source
  'entity', // an organisation or place named that the source does not name
  'citation', // a cited label that names no passage, or none cited
  'no_support', // nothing in the source says this
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface VerifyProblem {
  kind: ProblemKind;
  /** What is wrong, in English, quoting the words concerned (the UI words it by kind). */
  detail: string;
  /** The words concerned, as they stand in the summary. */
  text: string;
  /** Their offsets in the whole summary text (UTF-16), for inline highlighting. */
  start: number;
  end: number;
  /** What the source says at that place instead (a contradiction), as written there. */
  says?: string;
}

export type Verdict = 'supported' | 'unsupported' | 'contradicted';

export interface SentenceVerdict {
  /** 0-based position among the summary's sentences. */
  index: number;
  /** The sentence as written, without its citation markers, trimmed. */
  text: string;
  /** Its span in the whole summary text (UTF-16 offsets, markers included). */
  start: number;
  end: number;
  /** Labels the sentence cites, in order (`P3`), as written (upper-cased). */
  citations: string[];
  verdict: Verdict;
  /** The passage that supports the sentence best; null when nothing does. */
  evidence: { passageId?: string; label?: string; page?: number; paragraph?: number; text: string } | null;
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  /**
   * Whether a sentence without any citation marker is a `citation` problem (true for summaries
   * made by Wenshu, which must cite; false for a loose summary given to `wenshu verify`).
   */
  requireCitations?: boolean;
}
