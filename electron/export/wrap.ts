/**
 * Line breaking for the PDF renderer, by measured width. Chinese text may break between any two
 * characters except where the line-breaking rules (禁则) forbid it: a line does not start with
 * closing punctuation (，。、；：？！）》」 …) nor end with opening punctuation (（《「 …). A run
 * of Latin letters and digits (a word, a number, 2024, GB/T 9704-2012, a URL) stays together
 * unless it is wider than the line by itself, when it breaks where the line is full.
 */

/** Characters that must not begin a line. */
const NO_START = new Set(
  Array.from(
    '，。、；：？！）】》〉」』〕〗〙〛’”…‥·・%‰℃°′″ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ' +
      ',.;:?!)]}>％，．；：？！）］｝＞｜～-–—',
  ),
);
/** Characters that must not end a line. */
const NO_END = new Set(Array.from('（【《〈「『〔〖〘〚‘“([{<（［｛＜￥＄£$¥'));
/** Full-width punctuation drawn in half its box: a line may squeeze it in by up to half a character. */
const SQUEEZABLE = new Set(Array.from('，。、；：？！）】》〉」』〕〗”’'));
/** Letters, digits and the marks inside words and numbers: no break within a run of them. */
const WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}_'’.,:/\\@#%&+=~\-–]/u;
const SPACE = /^[ \u00a0]$/;

function canBreak(a: string, b: string): boolean {
  if (SPACE.test(a)) return !NO_START.has(b);
  if (SPACE.test(b)) return false; // break after the space, never before it
  if (WORD.test(a) && WORD.test(b)) return false;
  if (NO_START.has(b) || NO_END.has(a)) return false;
  return true;
}

/**
 * Splits one paragraph into lines no wider than `width` (or `width(n)` for the n-th line, from 0),
 * but for closing punctuation squeezed in at a line end (at most half its width over).
 * `measure` gives the advance of one character (code point). Spaces at a break are dropped;
 * leading ideographic spaces (the paragraph indent) are kept.
 */
export function wrapLine(
  text: string,
  width: number | ((line: number) => number),
  measure: (ch: string) => number,
): string[] {
  const chars = Array.from(text);
  const widths = chars.map(measure);
  const w = (i: number) => widths[i] ?? 0;
  const lines: string[] = [];
  const lineWidth = () => (typeof width === 'number' ? width : width(lines.length));
  let max = lineWidth();
  let start = 0;
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += w(i);
    if (used <= max || i === start) continue;
    if (SPACE.test(chars[i] ?? '')) continue; // a space may hang in the margin: it is dropped at the break
    // Closing punctuation that overflows by at most half its width stays: the line is set a
    // little tighter (标点挤压) rather than sending the last character down with it.
    if (SQUEEZABLE.has(chars[i] ?? '') && used - max <= w(i) / 2) continue;
    // chars[start..i] overflows: break after the last allowed place before chars[i] …
    let cut = -1;
    for (let j = i - 1; j >= start; j--) {
      if (canBreak(chars[j] ?? '', chars[j + 1] ?? '')) {
        cut = j;
        break;
      }
    }
    // … or, inside a run wider than the line, after as many characters as fit (at least one).
    if (cut < 0) {
      cut = start;
      for (let acc = w(start); cut + 1 < i && acc + w(cut + 1) <= max;) acc += w(++cut);
    }
    lines.push(chars.slice(start, cut + 1).join(''));
    start = cut + 1;
    while (start < chars.length && SPACE.test(chars[start] ?? '')) start++;
    i = start - 1;
    used = 0;
    max = lineWidth();
  }
  if (start < chars.length || !lines.length) lines.push(chars.slice(start).join(''));
  return lines.map((l) => l.replace(/[ \u00a0]+$/, ''));
}
