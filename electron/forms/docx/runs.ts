import type { Element } from '@xmldom/xmldom';
import { childElements, createLike, createText, insertAfter, remove, setText } from './xml';

/**
 * A paragraph's text as one string over its runs. Word and WPS split what a person typed as one
 * word into several runs (spell-check marks, revision ids, a changed language), so `{{name}}` is
 * searched for in the joined text and edited back through the w:t elements it covers.
 */

/** One w:t and where its text sits in the joined text. */
export interface TextSegment {
  t: Element;
  start: number;
  end: number;
}

export interface JoinedText {
  text: string;
  segments: TextSegment[];
}

// Run content that is not text but separates it: no placeholder spans a tab, a break or a picture.
const SEPARATORS = new Set(['tab', 'ptab', 'br', 'cr', 'sym', 'drawing', 'pict', 'object', 'fldChar']);
// Not the paragraph's own visible text: nested paragraphs (text boxes) are read on their own,
// deleted text and field codes not at all.
const SKIPPED = new Set(['p', 'txbxContent', 'del', 'moveFrom', 'instrText', 'delText', 'pPr', 'rPr']);

/**
 * The visible text of a paragraph (or any run container), separators as '\n'. With `stopAt`,
 * only the text before that descendant.
 */
export function joinText(container: Element, stopAt?: Element): JoinedText {
  const ns = container.namespaceURI;
  let text = '';
  const segments: TextSegment[] = [];
  let stopped = false;
  const visit = (el: Element) => {
    for (const c of childElements(el)) {
      if (c === stopAt) stopped = true;
      if (stopped) return;
      const own = c.namespaceURI === ns;
      if (own && c.localName === 't') {
        const value = c.textContent ?? '';
        segments.push({ t: c, start: text.length, end: text.length + value.length });
        text += value;
      } else if (own && SEPARATORS.has(c.localName ?? '')) text += '\n';
      else if (!(own && SKIPPED.has(c.localName ?? ''))) visit(c);
    }
  };
  visit(container);
  return { text, segments };
}

// Characters XML 1.0 cannot hold; a value carrying them would make the part unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Writes `before + value + after` in place of `t`'s text, in t's run (so with its formatting):
 * each newline in the value becomes a w:br, each tab a w:tab.
 */
export function writeValue(t: Element, before: string, value: string, after: string): void {
  const pieces = value.replace(NOT_XML, '').split(/(\r\n|\r|\n|\t)/);
  setText(t, before + pieces[0] + (pieces.length === 1 ? after : ''));
  let cursor: Element = t;
  for (let i = 1; i < pieces.length; i += 2) {
    const separator = createLike(t, pieces[i] === '\t' ? 'tab' : 'br');
    insertAfter(separator, cursor);
    cursor = separator;
    const text = pieces[i + 1] + (i + 2 >= pieces.length ? after : '');
    if (text) {
      const next = createText(t, text);
      insertAfter(next, cursor);
      cursor = next;
    }
  }
}

/** A new run holding `value`, formatted by a copy of `rPr`. */
export function buildRun(like: Element, rPr: Element | null, value: string): Element {
  const run = createLike(like, 'r');
  if (rPr) run.appendChild(rPr.cloneNode(true));
  const t = createText(like, '');
  run.appendChild(t);
  writeValue(t, '', value, '');
  return run;
}

const onlyFormatting = (run: Element) => childElements(run).every((c) => c.localName === 'rPr');

/** Removes a w:t, and its run when nothing but formatting is left in it. */
function dropText(t: Element): void {
  const run = t.parentNode as Element | null;
  remove(t);
  if (run && run.localName === 'r' && onlyFormatting(run)) remove(run);
}

/** Spell-check marks between two sibling runs: stale once the runs are merged. */
function proofMarksBetween(from: Element, to: Element): Element[] {
  const out: Element[] = [];
  for (let n = from.nextSibling; n; n = n.nextSibling) {
    if (n === to) return out;
    if ((n as Element).localName === 'proofErr') out.push(n as Element);
  }
  return [];
}

/**
 * Replaces [start, end) of the joined text with `value`. The value goes into the run where the
 * range starts, keeping that run's formatting; runs left empty are removed, text after the range
 * stays in its own run. Earlier offsets of `joined` stay valid, so callers replace right to left.
 */
export function replaceRange(joined: JoinedText, start: number, end: number, value: string): void {
  const hit = joined.segments.filter((g) => g.end > start && g.start < end);
  const first = hit[0];
  const last = hit[hit.length - 1];
  if (!first || !last) return;
  const firstText = first.t.textContent ?? '';
  const marks = proofMarksBetween(first.t.parentNode as Element, last.t.parentNode as Element);
  for (const g of hit.slice(1)) {
    const rest = (g.t.textContent ?? '').slice(end - g.start);
    if (rest) setText(g.t, rest);
    else dropText(g.t);
  }
  marks.forEach(remove);
  writeValue(
    first.t,
    firstText.slice(0, start - first.start),
    value,
    hit.length === 1 ? firstText.slice(end - first.start) : '',
  );
}
