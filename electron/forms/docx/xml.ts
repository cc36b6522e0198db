import type { Element, Node } from '@xmldom/xmldom';
import { isElement } from '../../ingest/docx-xml';

/**
 * DOM helpers for WordprocessingML. Elements and attributes are matched by local name and new
 * ones copy the namespace and prefix of a neighbour, so Strict OOXML (other namespace URIs) and
 * unusual prefixes are edited the same way as ordinary files.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export const childElements = (el: Element | Node): Element[] => {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
};

export const child = (el: Element, localName: string): Element | undefined =>
  childElements(el).find((c) => c.localName === localName);

/** An attribute by local name, whatever its prefix (w:val, w14:val …). */
export function attr(el: Element | undefined, localName: string): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && (a.localName ?? a.name) === localName) return a.value;
  }
  return null;
}

/** Sets an attribute, reusing an existing one's qualified name or else the element's prefix. */
export function setAttr(el: Element, localName: string, value: string): void {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && (a.localName ?? a.name) === localName) {
      el.setAttributeNS(a.namespaceURI, a.name, value);
      return;
    }
  }
  el.setAttributeNS(el.namespaceURI, el.prefix ? `${el.prefix}:${localName}` : localName, value);
}

export function removeAttr(el: Element, localName: string): void {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && (a.localName ?? a.name) === localName) {
      el.removeAttributeNode(a);
      return;
    }
  }
}

/** A new element in the same namespace (and with the same prefix) as `like`. */
export function createLike(like: Element, localName: string): Element {
  return like.ownerDocument!.createElementNS(
    like.namespaceURI,
    like.prefix ? `${like.prefix}:${localName}` : localName,
  );
}

/** A w:t holding `text`, with xml:space="preserve" so leading and trailing spaces survive. */
export function createText(like: Element, text: string): Element {
  const t = createLike(like, 't');
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  t.textContent = text;
  return t;
}

export function setText(t: Element, text: string): void {
  t.textContent = text;
  if (text !== text.trim()) t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
}

export const remove = (node: Node): void => {
  node.parentNode?.removeChild(node);
};

export function insertAfter(node: Node, ref: Node): void {
  ref.parentNode?.insertBefore(node, ref.nextSibling);
}

/** The nearest ancestor with this local name, or null. */
export function ancestor(node: Node, localName: string): Element | null {
  for (let p = node.parentNode; p; p = p.parentNode) if (isElement(p) && p.localName === localName) return p;
  return null;
}
