import type { DocumentKind } from '../../shared/domain/document';
import { decodeText } from './decode-text';
import type { ParsedDocument } from './parsed';
import { clipTitle, couldBeTitle, cutRange, fileTitle } from './passages';

/** [start, end) ranges of the paragraphs: non-blank lines for text, blank-line blocks for Markdown. */
function paragraphRanges(text: string, kind: DocumentKind): [number, number][] {
  const splitter = kind === 'md' ? /\n[ \t\u3000]*\n/g : /\n/g;
  const ranges: [number, number][] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    // Trim white space (incl. the ideographic space U+3000 used for indents) without losing offsets.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) ranges.push([start, end]);
  };
  for (const m of text.matchAll(splitter)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return ranges;
}

function titleOf(text: string, kind: DocumentKind, fileName: string): string {
  // Zero-width characters (scraped web text carries them) are invisible: they decide nothing here.
  const lines = text.split('\n').map((l) => l.replace(/[\u200b-\u200d\ufeff]/g, '').trim());
  const heading = kind === 'md' ? lines.find((l) => /^#{1,6}\s+\S/.test(l)) : undefined;
  const first = heading ? heading.replace(/^#{1,6}\s+/, '') : lines.find((l) => l.length > 0);
  if (!heading && first && !couldBeTitle(first)) return fileTitle(fileName);
  return clipTitle(first ?? '') ?? fileTitle(fileName);
}

/** TXT and MD: one page; each paragraph (cut if very long) is a passage. */
export function parseTextDocument(bytes: Uint8Array, fileName: string, kind: DocumentKind): ParsedDocument {
  const { text, encoding } = decodeText(bytes, fileName);
  const passages = paragraphRanges(text, kind).flatMap((range, paragraph) =>
    cutRange(range, text).map(([start, end]) => ({ page: 1, paragraph, start, end, text: text.slice(start, end) })),
  );
  return {
    kind,
    title: titleOf(text, kind, fileName),
    encoding,
    pageCount: 1,
    text,
    passages: passages.map((p, seq) => ({ seq, ...p })),
    textLayer: true,
  };
}
