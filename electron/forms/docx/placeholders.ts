import type { Element } from '@xmldom/xmldom';
import { nearbyText } from './nearby';
import { joinText, replaceRange } from './runs';

/**
 * `{{name}}` placeholders (the poi-tl convention). Only plain ones are text to fill; poi-tl's
 * prefixed tags (@ picture, # table, * list, ? and / section, + nested template) need data this
 * engine does not produce, so they are reported and left alone.
 */

export interface Placeholder {
  /** As written between the braces, trimmed: `作者姓名`, `user.name`, `@头像`. */
  name: string;
  /** The whole tag as it reads in the document: `{{@头像}}`. */
  tag: string;
  plain: boolean;
  nearbyText?: string;
}

const PLACEHOLDER = /\{\{([^{}\n]+)\}\}/g;
const POI_TL_PREFIX = /^[@#*?/+]/;

/** The placeholders of one paragraph, in reading order. */
export function placeholdersIn(paragraph: Element): Placeholder[] {
  const { text } = joinText(paragraph);
  const out: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!name) continue;
    const plain = !POI_TL_PREFIX.test(name);
    const nearby = plain ? nearbyText(paragraph, text.slice(0, m.index)) : undefined;
    out.push({ name, tag: m[0], plain, ...(nearby ? { nearbyText: nearby } : {}) });
  }
  return out;
}

/** Replaces the plain placeholders named in `values`; true when the paragraph changed. */
export function fillPlaceholders(paragraph: Element, values: ReadonlyMap<string, string>): boolean {
  const joined = joinText(paragraph);
  const hits = [...joined.text.matchAll(PLACEHOLDER)].filter((m) => values.has(m[1]!.trim()));
  // Right to left: each replacement leaves the offsets before it valid, and inserted values are never re-scanned.
  for (const m of hits.reverse()) {
    replaceRange(joined, m.index, m.index + m[0].length, values.get(m[1]!.trim())!);
  }
  return hits.length > 0;
}
