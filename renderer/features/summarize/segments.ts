import { findCitations } from '../../../shared/summarize/citations';
import type { SummarySection } from '../../../shared/summarize/headings';
import type { ParsedSummary } from '../../../shared/summarize/sections';
import type { SentenceVerdict, VerifyProblem } from '../../../shared/verify/types';

/** What a list item starts with (`- `, `• `, `1. `, `（一）`): not part of the sentence as read. */
const BULLET = /^(?:[-•·*]|\d+[.、)]|[（(][一二三四五六七八九十\d]+[)）])\s*/;

const WORD_KINDS = new Set<VerifyProblem['kind']>(['number', 'percent', 'amount', 'unit', 'date', 'quote', 'entity']);

export type Segment =
  | { kind: 'text'; text: string; start: number; end: number; problems: VerifyProblem[] }
  /** A citation marker: `[P3]`, or `[P3, P7]` naming several. */
  | { kind: 'cite'; labels: string[]; start: number; end: number };

/**
 * A sentence's span of the summary cut into runs of plain text, words with problems (each run
 * carries the problems covering it) and citation markers, so each can be drawn on its own.
 */
export function sentenceSegments(
  text: string,
  sentence: Pick<SentenceVerdict, 'start' | 'end' | 'problems'>,
): Segment[] {
  const from = Math.max(0, Math.min(sentence.start, text.length));
  const to = Math.max(from, Math.min(sentence.end, text.length));
  const markers = findCitations(text.slice(from, to)).map((m) => ({ ...m, start: from + m.start, end: from + m.end }));
  // Words at fault are marked; a missing support or citation is about the whole sentence (its
  // verdict and the broken marker show it), so it marks no words.
  const problems = sentence.problems.filter((p) => p.end > p.start && WORD_KINDS.has(p.kind));
  const cuts = new Set([from, to, ...markers.flatMap((m) => [m.start, m.end])]);
  for (const p of problems) {
    if (p.start > from && p.start < to) cuts.add(p.start);
    if (p.end > from && p.end < to) cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const marker = markers.find((m) => m.start <= start && start < m.end);
    if (marker) {
      if (marker.start === start) out.push({ kind: 'cite', labels: marker.labels, start, end: marker.end });
      continue;
    }
    const covering = problems.filter((p) => p.start <= start && p.end >= end);
    const last = out.at(-1);
    if (last?.kind === 'text' && last.end === start && sameProblems(last.problems, covering)) {
      last.text += text.slice(start, end);
      last.end = end;
    } else {
      out.push({ kind: 'text', text: text.slice(start, end), start, end, problems: covering });
    }
  }
  return tidy(out);
}

const sameProblems = (a: VerifyProblem[], b: VerifyProblem[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** Without the list bullet and the white space around the sentence (line breaks in particular). */
function tidy(segments: Segment[]): Segment[] {
  const first = segments[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^\s+/, '').replace(BULLET, '');
  const last = segments.at(-1);
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return segments.filter((s) => s.kind === 'cite' || s.text !== '');
}

export interface SentenceGroup {
  /** The section the sentences stand in (`points` under 【要点】), or null outside any known one. */
  section: SummarySection | null;
  sentences: SentenceVerdict[];
}

const SECTIONS = ['overview', 'points', 'actions', 'dates'] as const;

/** Sentences in order, grouped by the section of the summary each stands in. */
export function groupSentences(parsed: ParsedSummary, sentences: readonly SentenceVerdict[]): SentenceGroup[] {
  const lines = SECTIONS.flatMap((section) => parsed[section].map((l) => ({ section, start: l.start, end: l.end })));
  const groups: SentenceGroup[] = [];
  for (const s of [...sentences].sort((a, b) => a.start - b.start || a.index - b.index)) {
    const section = lines.find((l) => s.start < l.end && s.end > l.start)?.section ?? null;
    const group = groups.at(-1);
    if (group && group.section === section) group.sentences.push(s);
    else groups.push({ section, sentences: [s] });
  }
  return groups;
}
