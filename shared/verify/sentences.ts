/**
 * A summary cut into the sentences the verifier judges. Lines and 。！？ (and ! ? . before a
 * blank in English) end sentences; citation markers written just after the end (`……增长5%。[P3]`)
 * belong to the sentence they follow. Heading lines (【要点】, `# …`, 主要内容：) are structure.
 */
import { findCitations } from '../summarize/citations';
import type { CitationMarker } from '../summarize/citations';

export interface SummarySentence {
  index: number;
  /** Span in the summary (UTF-16), from after any list bullet to after the last marker. */
  start: number;
  end: number;
  /** summary.slice(start, end). */
  raw: string;
  /** The words alone: no markers, no bullet, trimmed. */
  body: string;
  /** Markers of this sentence, offsets in the whole summary. */
  citations: CitationMarker[];
  /** Their labels in order, each once. */
  labels: string[];
}

const HEADING_LABEL = /^【(?!\s*[PpＰｐ]\s*[0-9０-９])[^【】]{1,12}】/;

/** A structural line: wholly 【…】 (≤ 12 inside), a markdown heading, or a short `…：` lead-in. */
export function isHeading(line: string): boolean {
  const t = line.trim();
  if (HEADING_LABEL.test(t) && HEADING_LABEL.exec(t)![0].length === t.length) return true;
  if (/^#{1,6}\s+\S/.test(t)) return true;
  return t.length <= 12 && /[：:]$/.test(t) && !/[0-9０-９]/.test(t) && findCitations(t).length === 0;
}

/** List bullets and numbering at the start of a line: - * • 1. 1． 1、 (1) （一） 一、 and a 【概述】 label. */
const BULLET = new RegExp(
  [
    '[-*•·]\\s+',
    '[0-9０-９]{1,2}[.．](?![0-9０-９])\\s*',
    '[0-9０-９]{1,2}[、)）]\\s*',
    '[（(]\\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\\s*[)）]\\s*',
    '[一二三四五六七八九十]{1,3}、\\s*',
    `${HEADING_LABEL.source.slice(1)}\\s*`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')'),
);

const ABBREVIATIONS = new Set(
  'mr mrs ms dr no vs etc e.g i.e inc ltd co corp st jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k art para fig'.split(
    ' ',
  ),
);

/** Where the sentence that starts at `from` ends inside `line` (exclusive), or -1 if it runs to the end. */
function sentenceEnd(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i]!;
    let stop = /[。！？]/.test(ch);
    if (!stop && /[!?.]/.test(ch)) {
      const next = line[i + 1];
      const atBreak = next === undefined || /\s/.test(next);
      if (ch !== '.') stop = atBreak;
      else {
        const word = /([A-Za-z.]+)$/.exec(line.slice(from, i))?.[1]?.toLowerCase() ?? '';
        stop = atBreak && !ABBREVIATIONS.has(word) && !/^[a-z]$/.test(word);
      }
    }
    if (!stop) continue;
    let end = i + 1;
    while (end < line.length && /[。！？!?.”’」』"）)]/.test(line[end]!)) end++;
    return end;
  }
  return -1;
}

/** The sentences of a summary, in order; heading lines and empty segments are dropped. */
export function splitSentences(summary: string): SummarySentence[] {
  const out: SummarySentence[] = [];
  const markers = findCitations(summary);
  for (const lineMatch of summary.matchAll(/[^\r\n]+/g)) {
    const line = lineMatch[0];
    const lineStart = lineMatch.index;
    if (isHeading(line)) continue;
    let at = 0;
    let first = true;
    while (at < line.length) {
      let end = sentenceEnd(line, at);
      if (end < 0) end = line.length;
      // Markers (and blanks) written right after the stop belong to this sentence.
      for (;;) {
        const blank = /^[ \t\u3000]*/.exec(line.slice(end))![0].length;
        const marker = markers.find((m) => m.start === lineStart + end + blank);
        if (!marker) break;
        end = marker.end - lineStart;
      }
      let start = at + /^\s*/.exec(line.slice(at))![0].length;
      if (first) start += BULLET.exec(line.slice(start))?.[0].length ?? 0;
      first = false;
      pushSentence(out, summary, lineStart + start, lineStart + end, markers);
      at = end;
    }
  }
  return out;
}

function pushSentence(
  out: SummarySentence[],
  summary: string,
  from: number,
  to: number,
  markers: CitationMarker[],
): void {
  let end = to;
  while (end > from && /\s/.test(summary[end - 1]!)) end--;
  if (end <= from) return;
  const citations = markers.filter((m) => m.start >= from && m.end <= end);
  let body = '';
  let cursor = from;
  for (const m of citations) {
    body += summary.slice(cursor, m.start).replace(/[ \t\u3000]+$/, '');
    cursor = m.end;
  }
  body = (body + summary.slice(cursor, end)).trim();
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  const labels = [...new Set(citations.flatMap((m) => m.labels))];
  out.push({ index: out.length, start: from, end, raw: summary.slice(from, end), body, citations, labels });
}
