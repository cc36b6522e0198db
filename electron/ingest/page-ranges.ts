import type { ParsedDocument } from './parsed';
import type { PageRange } from './pdf';

/**
 * Fewer pages than this per range are not worth a worker: each range loads the document and
 * the fonts its pages use again.
 */
export const MIN_RANGE_PAGES = 16;

/** Splits pages 1..pageCount into at most `parts` contiguous ranges of (nearly) equal size. */
export function splitPages(pageCount: number, parts: number): PageRange[] {
  const count = Math.max(1, Math.min(parts, Math.floor(pageCount / MIN_RANGE_PAGES)));
  return Array.from({ length: count }, (_, i) => ({
    from: Math.floor((i * pageCount) / count) + 1,
    to: Math.floor(((i + 1) * pageCount) / count),
  }));
}

/**
 * Joins the results of consecutive page ranges into the document a single pass would have
 * produced: texts joined by the page separator, passages renumbered and their offsets shifted.
 */
export function mergeRanges(parts: ParsedDocument[]): ParsedDocument {
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const passages: ParsedDocument['passages'] = [];
  let offset = 0;
  for (const part of parts) {
    for (const p of part.passages)
      passages.push({ ...p, seq: passages.length, start: p.start + offset, end: p.end + offset });
    offset += part.text.length + 1;
  }
  return {
    ...first,
    text: parts.map((p) => p.text).join('\f'),
    passages,
    textLayer: parts.some((p) => p.textLayer),
  };
}
