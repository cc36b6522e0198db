import type { Element, Node } from '@xmldom/xmldom';
import { isElement } from './docx-xml';

/**
 * Text of a header or footer part (mammoth reads neither). Page-number fields are dropped: their
 * cached result ("- 2 -") is whatever page Word last laid out and means nothing in a text store.
 */

const PAGE_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i;

interface Field {
  instruction: string;
  inResult: boolean;
}

/** Attribute by local name: Strict files bind the w: prefix to another namespace. */
function attr(el: Element, localName: string): string {
  for (const a of el.attributes) if (a.localName === localName) return a.value;
  return '';
}

function collect(node: Node, fields: Field[], out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!isElement(child)) continue;
    switch (child.localName) {
      // mc:Fallback repeats mc:Choice (a text box twice); w:moveFrom is the old copy of moved text.
      case 'Fallback':
      case 'moveFrom':
        break;
      case 'fldSimple':
        if (!PAGE_FIELD.test(attr(child, 'instr'))) collect(child, fields, out);
        break;
      case 'fldChar': {
        const type = attr(child, 'fldCharType');
        if (type === 'begin') fields.push({ instruction: '', inResult: false });
        else if (type === 'separate' && fields.length) fields[fields.length - 1]!.inResult = true;
        else if (type === 'end') fields.pop();
        break;
      }
      case 'instrText':
        if (fields.length) fields[fields.length - 1]!.instruction += child.textContent ?? '';
        break;
      case 't':
        if (!fields.some((f) => f.inResult && PAGE_FIELD.test(f.instruction))) out.push(child.textContent ?? '');
        break;
      case 'noBreakHyphen':
        out.push('-');
        break;
      case 'tab':
      case 'ptab':
      case 'br':
      case 'cr':
        out.push(' ');
        break;
      case 'p':
        collect(child, fields, out);
        out.push(' ');
        break;
      default:
        collect(child, fields, out);
    }
  }
}

/** "第 页 共 页", "- -", "Page of": what is left of a page-number line once its fields are gone. */
function isPageNumberOnly(text: string): boolean {
  return !/\p{L}/u.test(text.replace(/第|页|共|\bpage\b|\bof\b/gi, ''));
}

/** One line of text for a header/footer root element; '' when it is empty or only a page number. */
export function furnitureText(root: Element): string {
  const out: string[] = [];
  collect(root, [], out);
  const text = out.join('').replace(/\s+/g, ' ').trim();
  return isPageNumberOnly(text) ? '' : text;
}
