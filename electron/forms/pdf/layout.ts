import { TextAlignment } from 'pdf-lib';
import type { PDFFont, PDFHexString } from 'pdf-lib';
import { wrapLine } from '../../export/wrap';

/** The inner box of a widget (inside border and padding), in the appearance stream's space. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line (or comb cell) of text, placed: what pdf-lib's drawTextField and drawOptionList take. */
export interface PlacedLine {
  encoded: PDFHexString;
  x: number;
  /** Baseline. */
  y: number;
  /** The em (the font size): a list's selection highlight is drawn from it. */
  height: number;
}

export interface Layout {
  fontSize: number;
  lines: PlacedLine[];
}

/** An auto-sized (DA size 0) value is never set larger than this: a tall box, not a headline. */
const MAX_AUTO_SIZE = 12;
const MIN_SIZE = 4;
const LINE_GAP = 1.2;

/**
 * Where glyphs sit, per point of size: Noto Sans CJK draws ideographs in the em box from 0.12
 * below the baseline to 0.88 above (its OS/2 typo metrics). Its hhea values (1.16 and 0.288) make
 * room for stacked accents and would shrink and lower every value.
 */
const EM_ASCENT = 0.88;
const EM_DESCENT = 0.12;
/** Auto size leaves this much of the em around the text, above and below together. */
const AUTO_MARGIN = 1.1;

const clampAuto = (size: number) => Math.max(MIN_SIZE, Math.min(MAX_AUTO_SIZE, size));

function placeX(alignment: TextAlignment, b: Bounds, width: number): number {
  if (alignment === TextAlignment.Center) return b.x + (b.width - width) / 2;
  if (alignment === TextAlignment.Right) return b.x + b.width - width;
  return b.x;
}

const place = (font: PDFFont, text: string, size: number, x: number, y: number): PlacedLine => ({
  encoded: font.encodeText(text),
  x,
  y,
  height: size,
});

/** Baseline that centres the em box vertically in `b`. */
const middleBaseline = (b: Bounds, size: number) => b.y + (b.height - size) / 2 + EM_DESCENT * size;

/** One line, centred vertically; auto size fits the height and the width. Newlines become spaces. */
export function layoutSingleLine(
  text: string,
  font: PDFFont,
  b: Bounds,
  size: number,
  alignment: TextAlignment,
): Layout {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  // Widths scale with the size: measured once (fontkit lays the text out for every measure).
  const perPoint = font.widthOfTextAtSize(line, 1);
  if (!size) size = clampAuto(Math.min(b.height / AUTO_MARGIN, perPoint ? b.width / perPoint : Infinity));
  const width = perPoint * size;
  return {
    fontSize: size,
    lines: [place(font, line, size, placeX(alignment, b, width), middleBaseline(b, size))],
  };
}

/** One character per cell, centred in it (comb fields: ID numbers, dates, postcodes). */
export function layoutComb(text: string, font: PDFFont, b: Bounds, size: number, cells: number): Layout {
  const chars = Array.from(text.replace(/[\r\n]+/g, '')).slice(0, cells);
  const perPoint = chars.map((c) => font.widthOfTextAtSize(c, 1));
  const cell = b.width / cells;
  if (!size) {
    const widest = Math.max(0, ...perPoint);
    size = clampAuto(Math.min(b.height / AUTO_MARGIN, widest ? (cell * 0.9) / widest : Infinity));
  }
  const y = middleBaseline(b, size);
  return {
    fontSize: size,
    lines: chars.map((c, i) => {
      const w = perPoint[i]! * size;
      return place(font, c, size, b.x + cell * i + (cell - w) / 2, y);
    }),
  };
}

function wrap(text: string, width: number, size: number, perPoint: (ch: string) => number): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((p) => wrapLine(p, width, (ch) => perPoint(ch) * size));
}

/**
 * Lines from the top, wrapped by width with the Chinese line-breaking rules (pdf-lib only breaks
 * at spaces, so a Chinese sentence would run out of the box). Auto size shrinks until all fit.
 */
export function layoutMultiline(
  text: string,
  font: PDFFont,
  b: Bounds,
  size: number,
  alignment: TextAlignment,
): Layout {
  const widths = new Map<string, number>();
  const perPoint = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = font.widthOfTextAtSize(ch, 1)));
    return w;
  };
  let lines: string[];
  if (size) lines = wrap(text, b.width, size, perPoint);
  else {
    size = MAX_AUTO_SIZE;
    for (;;) {
      lines = wrap(text, b.width, size, perPoint);
      if (size <= MIN_SIZE || lines.length * size * LINE_GAP <= b.height) break;
      size = Math.max(MIN_SIZE, size - 0.5);
    }
  }
  const top = b.y + b.height - EM_ASCENT * size;
  return {
    fontSize: size,
    lines: lines.map((line, i) => {
      const width = font.widthOfTextAtSize(line, size);
      return place(font, line, size, placeX(alignment, b, width), top - i * size * LINE_GAP);
    }),
  };
}

/**
 * A list box's options, one per line at the same pitch, from the top index `top` (/TI) unless that
 * hides the first selected option (`selected`, -1 for none): then scrolled to show it.
 */
export function layoutList(texts: string[], font: PDFFont, b: Bounds, size: number, top: number, selected: number) {
  size ||= MAX_AUTO_SIZE;
  const lineHeight = size * LINE_GAP;
  const visible = Math.max(1, Math.floor(b.height / lineHeight));
  let first = Math.max(0, Math.min(top, texts.length - 1));
  if (selected >= 0 && (selected < first || selected >= first + visible)) {
    first = Math.max(0, Math.min(selected, texts.length - visible));
  }
  const baseline = b.y + b.height - EM_ASCENT * size;
  const lines = texts.slice(first).map((t, i) => place(font, t, size, b.x, baseline - i * lineHeight));
  return { fontSize: size, lineHeight, lines, first };
}
