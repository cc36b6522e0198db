import type { Element } from '@xmldom/xmldom';
import { descendants } from '../../ingest/docx-xml';
import { nearbyText } from './nearby';
import { buildRun, joinText } from './runs';
import { attr, child, childElements, createLike, remove, removeAttr, setAttr, setText } from './xml';

/**
 * Word content controls (w:sdt) named by their tag, or alias when untagged: plain and rich text,
 * date, checkbox (w14), drop-down list and combo box. Pictures, building blocks, citations,
 * groups and repeating sections hold no value to type, so they are not fields.
 */

export type ControlKind = 'text' | 'date' | 'checkbox' | 'dropdown';

export interface ListItem {
  display: string;
  value: string;
}

export interface ContentControl {
  sdt: Element;
  name: string;
  kind: ControlKind;
  /** Drop-down and combo box choices. */
  items: ListItem[];
  alias?: string;
  readOnly: boolean;
  /** Text shown now ('' while the grey placeholder shows), or the checkbox state. */
  value: string | boolean;
  nearbyText?: string;
}

const NOT_FIELDS = new Set([
  'picture',
  'docPartObj',
  'docPartList',
  'group',
  'citation',
  'bibliography',
  'equation',
  'repeatingSection',
  'repeatingSectionItem',
]);
const LOCKS_CONTENT = new Set(['sdtContentLocked', 'contentLocked']);
const BOX = { checked: '2612', unchecked: '2610' }; // ☒ and ☐, Word's defaults

function kindOf(sdtPr: Element): ControlKind | null {
  const names = new Set(childElements(sdtPr).map((c) => c.localName));
  if ([...names].some((n) => n && NOT_FIELDS.has(n))) return null;
  if (names.has('checkbox')) return 'checkbox';
  if (names.has('dropDownList') || names.has('comboBox')) return 'dropdown';
  if (names.has('date')) return 'date';
  return 'text';
}

const listOf = (sdtPr: Element) => child(sdtPr, 'dropDownList') ?? child(sdtPr, 'comboBox');

function itemsOf(sdtPr: Element): ListItem[] {
  const list = listOf(sdtPr);
  if (!list) return [];
  return childElements(list)
    .filter((c) => c.localName === 'listItem')
    .map((c) => {
      const value = attr(c, 'value') ?? attr(c, 'displayText') ?? '';
      return { display: attr(c, 'displayText') ?? value, value };
    });
}

/** The first paragraph of a block-level control; undefined for a control inside a paragraph. */
const firstParagraph = (content: Element) =>
  descendants(content, 'p').find((p) => p.namespaceURI === content.namespaceURI);

function contentText(content: Element): string {
  const paragraphs = descendants(content, 'p').filter((p) => p.namespaceURI === content.namespaceURI);
  return paragraphs.length ? paragraphs.map((p) => joinText(p).text).join('\n') : joinText(content).text;
}

function nearbyOf(sdt: Element, content: Element): string | undefined {
  const block = firstParagraph(content);
  if (block) return nearbyText(block, '');
  const paragraph = sdt.parentNode as Element | null;
  return paragraph && paragraph.localName === 'p' ? nearbyText(paragraph, joinText(paragraph, sdt).text) : undefined;
}

const isChecked = (sdtPr: Element) =>
  ['1', 'true'].includes(attr(child(child(sdtPr, 'checkbox')!, 'checked'), 'val') ?? '');

/** While Word shows the grey placeholder text the control is empty. */
const shownText = (sdtPr: Element, content: Element) => (child(sdtPr, 'showingPlcHdr') ? '' : contentText(content));

export function readControl(sdt: Element): ContentControl | null {
  const sdtPr = child(sdt, 'sdtPr');
  const content = child(sdt, 'sdtContent');
  if (!sdtPr || !content) return null;
  const alias = attr(child(sdtPr, 'alias'), 'val') || undefined;
  const name = attr(child(sdtPr, 'tag'), 'val') || alias;
  const kind = kindOf(sdtPr);
  if (!name || !kind) return null;
  const nearby = nearbyOf(sdt, content);
  return {
    sdt,
    name,
    kind,
    items: itemsOf(sdtPr),
    ...(alias ? { alias } : {}),
    readOnly: LOCKS_CONTENT.has(attr(child(sdtPr, 'lock'), 'val') ?? ''),
    value: kind === 'checkbox' ? isChecked(sdtPr) : shownText(sdtPr, content),
    ...(nearby ? { nearbyText: nearby } : {}),
  };
}

/**
 * Replaces a control's content with `value` in one run formatted like its first run; a
 * block-level control keeps its first paragraph (and so its paragraph style).
 */
function setContentText(control: ContentControl, value: string, placeholderStyles: ReadonlySet<string>): void {
  const sdtPr = child(control.sdt, 'sdtPr')!;
  const content = child(control.sdt, 'sdtContent')!;
  const paragraph = firstParagraph(content);
  const container = paragraph ?? content;
  const firstRun = descendants(container, 'r').find((r) => r.namespaceURI === content.namespaceURI);
  const rPr = ((firstRun && child(firstRun, 'rPr')) ?? child(sdtPr, 'rPr'))?.cloneNode(true) as Element | undefined;
  const showing = child(sdtPr, 'showingPlcHdr');
  if (showing) {
    // The grey "Click here to enter text" style belongs to the placeholder, not to the value.
    const style = rPr && child(rPr, 'rStyle');
    if (style && placeholderStyles.has(attr(style, 'val') ?? '')) remove(style);
    remove(showing);
  }
  if (paragraph) {
    for (let n = paragraph.nextSibling; n;) {
      const next = n.nextSibling;
      if ((n as Element).localName === 'p' || (n as Element).localName === 'tbl') remove(n);
      n = next;
    }
  }
  for (const c of childElements(container)) if (c.localName !== 'pPr') remove(c);
  container.appendChild(buildRun(container, rPr ?? null, value));
}

function setChecked(control: ContentControl, checked: boolean): void {
  const sdtPr = child(control.sdt, 'sdtPr')!;
  const box = child(sdtPr, 'checkbox')!;
  let state = child(box, 'checked');
  if (!state) {
    state = createLike(box, 'checked');
    box.insertBefore(state, box.firstChild);
  }
  setAttr(state, 'val', checked ? '1' : '0');
  const code =
    attr(child(box, checked ? 'checkedState' : 'uncheckedState'), 'val') ?? BOX[checked ? 'checked' : 'unchecked'];
  const content = child(control.sdt, 'sdtContent')!;
  const t = descendants(content, 't').find((e) => e.namespaceURI === content.namespaceURI);
  const sym = descendants(content, 'sym')[0];
  if (t) setText(t, String.fromCodePoint(parseInt(code, 16)));
  else if (sym) setAttr(sym, 'char', code);
  else setContentText(control, String.fromCodePoint(parseInt(code, 16)), new Set());
  const showing = child(sdtPr, 'showingPlcHdr');
  if (showing) remove(showing);
}

/** "2024-03-05", "2024/3/5" or "2024年3月5日" as the xsd:dateTime Word keeps in w:fullDate. */
function fullDate(value: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}T00:00:00Z`;
}

/**
 * Writes a value already checked against the control's kind (see fill.ts): text for text and
 * date controls, a boolean for a checkbox, one of `items` for a drop-down.
 */
export function fillControl(control: ContentControl, value: string | boolean, placeholderStyles: ReadonlySet<string>) {
  const sdtPr = child(control.sdt, 'sdtPr')!;
  // Word refills a bound control from its custom XML part on open, which would undo the fill.
  const binding = child(sdtPr, 'dataBinding');
  if (binding) remove(binding);
  if (typeof value === 'boolean') return setChecked(control, value);
  if (control.kind === 'dropdown') {
    const item = control.items.find((i) => i.display === value || i.value === value)!;
    setAttr(listOf(sdtPr)!, 'lastValue', item.value);
    return setContentText(control, item.display, placeholderStyles);
  }
  if (control.kind === 'date') {
    const date = child(sdtPr, 'date')!;
    const iso = fullDate(value);
    if (iso) setAttr(date, 'fullDate', iso);
    else removeAttr(date, 'fullDate');
  }
  setContentText(control, value, placeholderStyles);
}
