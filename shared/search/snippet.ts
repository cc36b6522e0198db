/**
 * A search hit's snippet: a window of the passage around its best match, with the ranges of every
 * query term occurrence. Matching follows the index (shared/search/tokens.ts): Han text is matched
 * as a substring, Latin words from their start and case-insensitively (`budg` marks Budget), on the
 * NFKC form of the text, so ＢＵＤＧＥＴ and Budget are marked alike.
 */

export interface Snippet {
  snippet: string;
  /** [start, end) ranges in `snippet`. */
  highlights: [number, number][];
}

const ELLIPSIS = '…';
const MAX_OCCURRENCES = 500;
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
// A word (a non-Han letter or digit run) may not continue across these boundaries.
const WORD_CHAR = '(?:(?!\\p{Script=Han})[\\p{L}\\p{N}])';

/** The text folded as the index folds it, with each folded code unit's source range. */
interface Folded {
  text: string;
  start: number[];
  end: number[];
}

function fold(text: string): Folded {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const source = text.slice(i, i + width);
    // ASCII and the common CJK block fold trivially; the rest (full-width forms, ligatures …) via NFKC.
    const folded =
      c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) ? source.toLowerCase() : source.normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k++) {
      start.push(i);
      end.push(i + width);
    }
    out += folded;
    i += width;
  }
  return { text: out, start, end };
}

/** One regular expression per query term, its runs in order as the index would match them. */
function termPattern(term: string): RegExp | undefined {
  const runs = [...term.normalize('NFKC').toLowerCase().matchAll(RUN)];
  if (runs.length === 0) return undefined;
  const source = runs
    .map((m, i) => {
      const first = i === 0;
      const last = i === runs.length - 1;
      const escaped = m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const before = first ? '' : m[1] && runs[i - 1]![1] ? '[^\\p{L}\\p{N}]+' : '[^\\p{L}\\p{N}]*';
      if (m[2]) {
        const tail = last ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`;
        return `${before}(?<!${WORD_CHAR})${escaped}${tail}`;
      }
      return `${before}${first ? '' : '(?<!\\p{Script=Han})'}${escaped}${last ? '' : '(?!\\p{Script=Han})'}`;
    })
    .join('');
  return new RegExp(source, 'gu');
}

/** [start, end) ranges in the original text of every occurrence of every term, sorted. */
export function occurrences(text: string, query: string): [number, number][] {
  const patterns = query
    .split(/\s+/)
    .map(termPattern)
    .filter((p): p is RegExp => p !== undefined);
  if (patterns.length === 0) return [];
  const folded = fold(text);
  const found: [number, number][] = [];
  for (const pattern of patterns) {
    for (const m of folded.text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      found.push([folded.start[m.index]!, folded.end[m.index + m[0].length - 1]!]);
      if (found.length >= MAX_OCCURRENCES) break;
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Terms can overlap (预算 and 预算编制): one range each for the UI to mark.
  const merged: [number, number][] = [];
  for (const [a, b] of found) {
    const prev = merged[merged.length - 1];
    if (prev && a < prev[1]) prev[1] = Math.max(prev[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** The window start (of `width` characters) that holds the most occurrences, a little context before the first. */
function windowStart(text: string, found: [number, number][], width: number): number {
  if (text.length <= width || found.length === 0) return 0;
  const lead = Math.floor(width / 4);
  let best = 0;
  let bestCount = -1;
  for (const [s] of found) {
    const start = Math.max(0, Math.min(s - lead, text.length - width));
    const count = found.filter(([a, b]) => a >= start && b <= start + width).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  return isLowSurrogate(text, best) ? best - 1 : best;
}

/** A window of about `width` characters around the best match, with the highlights inside it. */
export function buildSnippet(text: string, query: string, width = 80): Snippet {
  const found = occurrences(text, query);
  const start = windowStart(text, found, width);
  let end = Math.min(text.length, start + width);
  if (end < text.length && isLowSurrogate(text, end)) end++;
  const head = start > 0 ? ELLIPSIS : '';
  const snippet = `${head}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`;
  const highlights = found
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]): [number, number] => [
      Math.max(a, start) - start + head.length,
      Math.min(b, end) - start + head.length,
    ]);
  return { snippet, highlights };
}
