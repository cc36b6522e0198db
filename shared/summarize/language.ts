/** The two languages a summary's frame (headings, separators) is written in. */
export type TextLanguage = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * 'zh' when Han characters make up at least a fifth of the letters: a Han character carries about
 * as much as an English word of five letters, so Chinese text quoting English names stays 'zh'.
 * Text without letters is taken as Chinese, Wenshu's default.
 */
export function detectLanguage(text: string): TextLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return han + latin === 0 || han / (han + latin) >= 0.2 ? 'zh' : 'en';
}

/** A sentence of a text: [start, end) offsets, the end after its closing mark and quotes. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * The verifier's stops (shared/verify/sentences.ts), so that every sentence a summary quotes is one
 * sentence to it: 。！？ always; ! ? . before white space or the end, a . not after an abbreviation
 * or a single letter. Closing quotes and brackets after a stop belong to the sentence.
 */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr no vs etc e.g i.e inc ltd co corp st jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k art para fig'.split(
    ' ',
  ),
);
const CLOSER = /[。！？!?.”’」』"）)]/u;

function isStop(text: string, from: number, i: number): boolean {
  const ch = text[i]!;
  if (/[。！？]/u.test(ch)) return true;
  if (!/[!?.]/u.test(ch)) return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/u.test(next)) return false;
  if (ch !== '.') return true;
  const word = /([A-Za-z.]+)$/u.exec(text.slice(from, i))?.[1]?.toLowerCase() ?? '';
  return !ABBREVIATIONS.has(word) && !/^[a-z]$/u.test(word);
}

/** Sentence spans of a passage, white space trimmed, in order; text after the last stop is one too. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  };
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isStop(text, from, i)) continue;
    let end = i + 1;
    while (end < text.length && CLOSER.test(text[end]!)) end++;
    push(from, end);
    from = end;
    i = end - 1;
  }
  push(from, text.length);
  return spans;
}

/**
 * Enumeration and dashes before a sentence (一、（一）1． ——), and the punctuation a broken line
 * leaves at its start: structure, not what it says.
 */
const LEAD =
  /^(?:[，、；：,;:]+|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[—–-]{1,2})\s*/u;

/** The sentences of a passage as quotable text with their offsets, enumeration before them skipped. */
export function sentencesOf(text: string): (SentenceSpan & { text: string })[] {
  return sentenceSpans(text).map(({ start, end }) => {
    const lead = LEAD.exec(text.slice(start, end))?.[0].length ?? 0;
    return { text: text.slice(start + lead, end), start: start + lead, end };
  });
}
