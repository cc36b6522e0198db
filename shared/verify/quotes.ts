/**
 * Quoted text and titles — “…” ‘…’ 「…」 『…』 "…" 《…》 — which a summary must reproduce verbatim.
 * Compared in compact form (no white space, which PDF extraction inserts; width folded).
 */
import { compact } from './text';

export interface QuoteMention {
  /** Offsets of the quoted words, marks excluded. */
  start: number;
  end: number;
  text: string;
  kind: 'quote' | 'title';
}

const PAIRS =
  /“([^“”\n]{1,300})”|「([^「」\n]{1,300})」|『([^『』\n]{1,300})』|《([^《》\n]{1,100})》|(?<![A-Za-z])‘([^‘’\n]{1,100})’|"([^"\n]{1,300})"/g;

/** Every quotation and title, outermost first; too short to mean anything (one character) is left out. */
export function findQuotes(text: string): QuoteMention[] {
  const out: QuoteMention[] = [];
  for (const m of text.matchAll(PAIRS)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const inner = m[group + 1]!;
    if (compact(inner).replace(/[\p{P}\p{S}]/gu, '').length < 2) continue;
    const start = m.index + 1;
    out.push({ start, end: start + inner.length, text: inner, kind: group === 3 ? 'title' : 'quote' });
  }
  return out;
}

type QuoteCheck = { found: true } | { found: false; near: { start: number; end: number } | null };

/**
 * Whether the quotation stands in the source (given in compact form). When it does not, `near`
 * is the span of the compact source where half of it does stand — an altered quotation — else null.
 */
export function checkQuote(quote: string, compactSource: string): QuoteCheck {
  const q = compact(quote);
  if (compactSource.includes(q)) return { found: true };
  // Half of a short quotation is a word or two, found anywhere: too little to call it altered.
  if (q.length < 6) return { found: false, near: null };
  const half = Math.ceil(q.length / 2);
  const head = compactSource.indexOf(q.slice(0, half));
  if (head >= 0) return { found: false, near: { start: head, end: Math.min(compactSource.length, head + q.length) } };
  const tail = compactSource.indexOf(q.slice(-half));
  if (tail >= 0) return { found: false, near: { start: Math.max(0, tail + half - q.length), end: tail + half } };
  return { found: false, near: null };
}
