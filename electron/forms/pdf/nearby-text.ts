import { openPdf } from '../../ingest/pdfjs';
import { textLines } from '../../ingest/pdf-lines';
import type { PdfTextItem } from '../../ingest/pdf-lines';
import type { Rect } from './read';

/** A run of text on one baseline without a wide gap: one label, one caption. */
interface Segment {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  size: number;
}

export interface Placement {
  pageIndex: number;
  rect: Rect;
  /** A check box: its caption may be on its right. */
  box: boolean;
}

const MAX_CHARS = 40;
/** A gap wider than this (in em) ends a segment: the next words belong to another label or column. */
const SEGMENT_GAP_EM = 1.5;
/** How far a label may be from its field: to the left, and above. */
const MAX_LEFT = 200;
const MAX_ABOVE = 30;
/** A label above counts as farther than one at the same distance to the left (the usual layout). */
const ABOVE_WEIGHT = 1.5;

function item(i: PdfTextItem) {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = i.transform;
  return { i, x: e, right: e + Math.abs(i.width), y: f, size: Math.hypot(c, d) || 1, upright: b === 0 && a > 0 };
}
type Item = ReturnType<typeof item>;

/** Cuts a page's upright text into segments (rotated text, such as fw9's margin note, is left out). */
function segments(items: PdfTextItem[]): Segment[] {
  const boxes = items
    .filter((i) => i.str) // '' marks a line end; a blank item is a space between words
    .map(item)
    .filter((b) => b.upright)
    .sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Item[][] = [];
  for (const box of boxes) {
    const group = groups.find((g) => {
      const last = g[g.length - 1]!;
      const em = Math.max(last.size, box.size);
      return Math.abs(last.y - box.y) <= 0.5 * em && box.x - last.right <= SEGMENT_GAP_EM * em && box.x >= last.x;
    });
    if (group) group.push(box);
    else groups.push([box]);
  }
  return groups
    .map((g) => ({
      text: textLines(g.map((b) => b.i))
        .map((l) => l.text)
        .join(' '),
      x: g[0]!.x,
      right: Math.max(...g.map((b) => b.right)),
      y: g[0]!.y,
      size: Math.max(...g.map((b) => b.size)),
    }))
    .filter((s) => s.text);
}

const head = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);
const tail = (text: string) => (text.length > MAX_CHARS ? `…${text.slice(-(MAX_CHARS - 1))}` : text);

/**
 * The label nearest the field: on its line to the left, or just above it; for a check box also to
 * its right, where its caption usually is ("☐ C Corporation").
 */
function nearest(segs: Segment[], r: Rect, box: boolean): string | undefined {
  const top = r.y + r.height;
  const right = r.x + r.width;
  let best: { text: string; score: number } | undefined;
  const offer = (text: string, score: number) => {
    if (!best || score < best.score) best = { text, score: Math.max(score, 0) };
  };
  for (const s of segs) {
    const middle = s.y + s.size * 0.35;
    // A check box is often smaller than its caption's line: its line is its rect and half an em.
    const slack = box ? s.size / 2 : 0;
    const onLine = middle >= r.y - slack && middle <= top + slack;
    const left = r.x - s.right;
    if (onLine && left >= -2 && left <= MAX_LEFT) offer(tail(s.text), left);
    const after = s.x - right;
    if (box && onLine && after >= -2 && after <= MAX_LEFT) offer(head(s.text), after);
    const above = s.y - top;
    if (above >= -0.3 * s.size && above <= MAX_ABOVE && s.x < right && s.right > r.x) {
      offer(head(s.text), above * ABOVE_WEIGHT);
    }
  }
  return best?.text;
}

/**
 * The text printed next to each field (what a person reads as its label), from pdfjs' text layer
 * of the pages that have fields. Best effort: a page or file pdfjs cannot read gives no text.
 */
export async function nearbyTexts(bytes: Uint8Array, file: string, places: (Placement | undefined)[]) {
  const result: (string | undefined)[] = places.map(() => undefined);
  let doc;
  try {
    // A Node Buffer is a Uint8Array that pdfjs refuses: it gets a plain view of the same bytes.
    doc = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  } catch {
    return result;
  }
  try {
    const pages = [...new Set(places.flatMap((p) => (p ? [p.pageIndex] : [])))];
    for (const index of pages) {
      let segs: Segment[];
      try {
        const page = await doc.getPage(index + 1);
        const content = await page.getTextContent();
        segs = segments(content.items.filter((i) => 'str' in i));
        page.cleanup();
      } catch {
        continue;
      }
      places.forEach((p, n) => {
        if (p?.pageIndex === index) result[n] = nearest(segs, p.rect, p.box);
      });
    }
  } finally {
    await doc.destroy();
  }
  return result;
}
