import type { Element } from '@xmldom/xmldom';
import { descendants } from '../../ingest/docx-xml';
import { joinText } from './runs';
import { ancestor } from './xml';

/**
 * The label a person reads next to a field: the text before it in its paragraph ("姓名：{{name}}"),
 * or else, in a form table, the cell to its left (| 姓名 | {{name}} |).
 */

const MAX = 40;
const TAG = /\{\{[^{}\n]*\}\}/g;
const WORDY = /[\p{L}\p{N}]/u;

const clean = (text: string) => text.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
const tail = (text: string) => (text.length > MAX ? text.slice(-MAX) : text);

function leftCellText(paragraph: Element): string {
  const cell = ancestor(paragraph, 'tc');
  let left = cell?.previousSibling;
  while (left && (left as Element).localName !== 'tc') left = left.previousSibling;
  if (!left) return '';
  const ns = paragraph.namespaceURI;
  return clean(
    descendants(left as Element, 'p')
      .filter((p) => p.namespaceURI === ns)
      .map((p) => joinText(p).text)
      .join(' '),
  );
}

/** `before` is the paragraph's text up to the field. Undefined when neither place has words. */
export function nearbyText(paragraph: Element, before: string): string | undefined {
  // Only what follows the previous tag: "电话：{{phone}} 性别：{{sex}}" labels sex with 性别：.
  const own = clean(before.split(TAG).pop()!);
  if (WORDY.test(own)) return tail(own);
  const left = leftCellText(paragraph);
  return WORDY.test(left) ? tail(left) : undefined;
}
