import type { DocumentKind } from '../../shared/domain/document';
import { decodeText } from './decode-text';
import type { ParsedDocument } from './parsed';

/** Long paragraphs are cut near this size so a citation points at a readable span. */
const MAX_PASSAGE = 1200;
const TITLE_MAX = 120;

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

/** Cuts a long range after a sentence end (。！？.!?) or, failing that, at the size limit. */
function cut([start, end]: [number, number], text: string): [number, number][] {
  const out: [number, number][] = [];
  while (end - start > MAX_PASSAGE) {
    const window = text.slice(start, start + MAX_PASSAGE);
    const lastStop = Math.max(...['。', '！', '？', '. ', '! ', '? ', '；'].map((s) => window.lastIndexOf(s)));
    const at = lastStop > MAX_PASSAGE / 2 ? start + lastStop + 1 : start + MAX_PASSAGE;
    out.push([start, at]);
    start = at;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push([start, end]);
  return out;
}

function titleOf(text: string, kind: DocumentKind, fileName: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const heading = kind === 'md' ? lines.find((l) => /^#{1,6}\s+\S/.test(l)) : undefined;
  const first = heading ? heading.replace(/^#{1,6}\s+/, '') : lines.find((l) => l.length > 0);
  const fallback = fileName.replace(/\.[^.]+$/, '') || fileName;
  const title = (first ?? '').replace(/\s+/g, ' ').trim();
  return title ? (title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX)}…` : title) : fallback;
}

/** TXT and MD: one page; each paragraph (cut if very long) is a passage. */
export function parseTextDocument(bytes: Uint8Array, fileName: string, kind: DocumentKind): ParsedDocument {
  const { text, encoding } = decodeText(bytes, fileName);
  const passages = paragraphRanges(text, kind).flatMap((range, paragraph) =>
    cut(range, text).map(([start, end]) => ({ page: 1, paragraph, start, end, text: text.slice(start, end) })),
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
