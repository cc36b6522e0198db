import { dropSpacesBetweenCjk, fixPdfChars, isCjk } from './cjk-text';

/** The part of pdfjs' TextItem the layout needs (kept minimal so the layout is testable alone). */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: text direction (a, b), glyph height (c, d), origin (e, f). */
  transform: readonly number[];
  width: number;
}

/** A line of text in its own direction: `x`/`right` along it, `y` across it (up is larger). */
export interface Line {
  text: string;
  /** Where the first visible character starts (leading spaces count as indent). */
  x: number;
  right: number;
  y: number;
  /** Font size of the widest run in the line. */
  size: number;
  angle: number;
}

interface Run {
  /** '' for a blank item: pdfjs' marker of a gap wider than 0.6 em. */
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  angle: number;
}

/** A gap between two CJK characters narrower than this (in em) is layout, not a break. */
const CJK_GAP_EM = 0.9;
/** A gap without a blank item wider than this (in em) still separates words (table cells). */
const IMPLIED_SPACE_EM = 0.6;

function toRun(item: PdfTextItem): Run {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const angle = Math.round((Math.atan2(b, a) * 180) / Math.PI);
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  const rad = (angle * Math.PI) / 180;
  const x = e * Math.cos(rad) + f * Math.sin(rad);
  const y = f * Math.cos(rad) - e * Math.sin(rad);
  const width = Math.abs(item.width);
  const raw = fixPdfChars(item.str);
  const text = dropSpacesBetweenCjk(raw.trim());
  // Leading spaces (incl. U+3000, a common way to indent 公文 paragraphs) move the visible start.
  const lead = text ? raw.length - raw.trimStart().length : 0;
  const shift = lead > 0 ? (width * lead) / raw.length : 0;
  return { text, x: x + shift, right: x + width, y, size, angle };
}

const sameLine = (last: Run, run: Run): boolean =>
  last.angle === run.angle && Math.abs(last.y - run.y) <= 0.5 * Math.max(last.size, run.size);

function lineText(runs: Run[]): string {
  let text = '';
  let last: Run | undefined;
  let blankSince = false;
  for (const run of runs) {
    if (!run.text) {
      blankSince = last !== undefined;
      continue;
    }
    if (last) {
      const em = Math.max(run.size, last.size);
      const cjk = isCjk(text.at(-1)) && isCjk(run.text[0]);
      const wide = run.x - last.right >= (cjk ? CJK_GAP_EM : IMPLIED_SPACE_EM) * em;
      if (wide || (blankSince && !cjk)) text += ' ';
    }
    text += run.text;
    last = run;
    blankSince = false;
  }
  return text.replace(/ {2,}/g, ' ');
}

function toLine(runs: Run[]): Line | null {
  runs.sort((p, q) => p.x - q.x);
  const visible = runs.filter((r) => r.text);
  if (visible.length === 0) return null;
  let widest = visible[0]!;
  let right = widest.right;
  for (const r of visible) {
    if (r.right - r.x > widest.right - widest.x) widest = r;
    right = Math.max(right, r.right);
  }
  return { text: lineText(runs), x: visible[0]!.x, right, y: widest.y, size: widest.size, angle: widest.angle };
}

/**
 * Groups a page's text items into lines. Items join the line being built while they sit on its
 * baseline; within a line they are ordered left to right (producers do not always draw them in
 * that order: a dotted leader may follow its page number). Lines keep the content-stream order,
 * which is the reading order of the documents people import, and keeps columns apart.
 */
export function textLines(items: Iterable<PdfTextItem>): Line[] {
  const lines: Line[] = [];
  let current: Run[] = [];
  const flush = () => {
    const line = toLine(current);
    if (line) lines.push(line);
    current = [];
  };
  for (const item of items) {
    if (item.str === '') continue; // pdfjs' end-of-line marker; the geometry says the same
    const run = toRun(item);
    const last = current[current.length - 1];
    if (last && !sameLine(last, run)) flush();
    current.push(run);
  }
  flush();
  return lines;
}
