import { isCjk } from './cjk-text';
import type { Line } from './pdf-lines';

export interface Paragraph {
  text: string;
  /** Font size of its first line: headings and titles stand out by it. */
  size: number;
}

interface PageFrame {
  body: number;
  left: number;
  right: number;
  /** Usual baseline distance between lines of a paragraph, in em. */
  leading: number | null;
}

/** The font size that sets the most characters (to half a point): the body text's. */
export function bodySize(blocks: readonly { text: string; size: number }[]): number {
  const chars = new Map<number, number>();
  for (const b of blocks) {
    const size = Math.round(b.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + b.text.length);
  }
  let body = 12;
  let most = -1;
  for (const [size, n] of chars) if (n > most) [body, most] = [size, n];
  return body;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function frameOf(lines: Line[]): PageFrame {
  const body = bodySize(lines);
  const bodyLines = lines.filter((l) => Math.abs(l.size - body) <= 0.15 * body);
  const basis = bodyLines.length ? bodyLines : lines;
  const ratios: number[] = [];
  for (let i = 1; i < basis.length; i++) {
    const dy = basis[i - 1]!.y - basis[i]!.y;
    if (dy > 0 && dy < 3 * body) ratios.push(dy / body);
  }
  return {
    body,
    // Not the most common start: on a page of one-line paragraphs that is the indent.
    left: quantile(
      basis.map((l) => l.x),
      0.1,
    ),
    right: quantile(
      basis.map((l) => l.right),
      0.9,
    ),
    // The lower quartile: on pages of one-line paragraphs the median is the paragraph spacing.
    leading: ratios.length >= 2 ? quantile(ratios, 0.25) : null,
  };
}

/** Set off from both margins, around the middle of the text block (titles, headings). */
const centred = (l: Line, f: PageFrame, em: number) =>
  l.x > f.left + em && l.right < f.right - em && Math.abs((l.x + l.right) / 2 - (f.left + f.right) / 2) < em;

/** Width the first word of `line` needs on the previous line (a CJK character is a word). */
function firstWordWidth(line: Line): number {
  if (isCjk(line.text[0])) return line.size;
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  return ((line.right - line.x) / line.text.length) * (word.length + 1);
}

/** Whether `cur` starts a new paragraph after `prev` (`prevFirst`: prev began its paragraph). */
function startsParagraph(prev: Line, cur: Line, prevFirst: boolean, f: PageFrame): boolean {
  const em = Math.max(prev.size, cur.size);
  const dy = prev.y - cur.y;
  if (cur.angle !== prev.angle || dy <= 0) return true; // rotated text, or a new column
  if (Math.abs(cur.size - prev.size) > 0.15 * em) return true; // heading ↔ body
  if (f.leading !== null && dy / em > f.leading + 0.25) return true; // paragraph spacing
  if (centred(prev, f, em) && centred(cur, f, em)) return false; // a title set on two lines
  // An indented line opens a paragraph (公文: a 2-character first-line indent), even right after
  // another paragraph's indented first line, unless it continues a block indented as deep.
  if (cur.x > f.left + 0.8 * em && (prevFirst || cur.x > prev.x + 0.5 * em)) return true;
  return f.right - prev.right > firstWordWidth(cur) + 0.5 * em; // the previous line stopped short
}

function joinLines(a: string, b: string): string {
  return isCjk(a.at(-1)) || isCjk(b[0]) ? a + b : `${a} ${b}`;
}

/** Rebuilds paragraphs from line geometry: spacing, indents, size changes and short last lines. */
export function paragraphs(lines: Line[]): Paragraph[] {
  if (lines.length === 0) return [];
  const frame = frameOf(lines);
  const out: Paragraph[] = [];
  let text = lines[0]!.text;
  let size = lines[0]!.size;
  let first = true;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (startsParagraph(lines[i - 1]!, line, first, frame)) {
      out.push({ text, size });
      text = line.text;
      size = line.size;
      first = true;
    } else {
      text = joinLines(text, line.text);
      first = false;
    }
  }
  out.push({ text, size });
  return out;
}
