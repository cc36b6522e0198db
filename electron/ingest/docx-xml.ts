import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { Element, Node } from '@xmldom/xmldom';

/**
 * XML helpers for the package parts mammoth does not read. Elements are matched by local name
 * because Strict OOXML puts the same elements in other namespaces (purl.oclc.org).
 */

const ELEMENT_NODE = 1;

export const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;

/** The root element; throws on malformed XML (callers have already refused DTDs). */
export function parseXml(text: string): Element {
  const root = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml').documentElement;
  if (!root) throw new Error('no root element');
  return root;
}

/** Descendant elements with this local name, in document order. */
export function descendants(root: Element, localName: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue;
      if (child.localName === localName) out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}
