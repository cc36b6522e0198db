import type { Element } from '@xmldom/xmldom';
import type { FieldType, FormField } from '../../../shared/domain/form';
import { readControl } from './content-controls';
import type { ContentControl, ControlKind } from './content-controls';
import { openDocx } from './package';
import type { DocxPackage, DocxPart } from './package';
import { placeholdersIn } from './placeholders';
import type { Placeholder } from './placeholders';
import { childElements } from './xml';

/** What a template holds, part by part: its placeholders and content controls. */

export type TemplateItem = Placeholder | ContentControl;

export const isPlaceholder = (item: TemplateItem): item is Placeholder => 'tag' in item;

export interface PartScan {
  part: DocxPart;
  /** Placeholders and content controls in document order (fields are listed as a person reads them). */
  items: TemplateItem[];
}

export interface DocxTemplate {
  fields: FormField[];
  /** poi-tl tags that are not plain text ({{@头像}}, {{#order}} …), each once: not fillable. */
  unsupported: string[];
}

function scanPart(part: DocxPart): PartScan {
  const ns = part.root.namespaceURI;
  const items: TemplateItem[] = [];
  const visit = (el: Element) => {
    for (const c of childElements(el)) {
      const control = c.namespaceURI === ns && c.localName === 'sdt' ? readControl(c) : null;
      if (control) items.push(control);
      if (c.namespaceURI === ns && c.localName === 'p') items.push(...placeholdersIn(c));
      // Text-box paragraphs nest inside paragraphs; placeholdersIn leaves them to this walk.
      visit(c);
    }
  };
  visit(part.root);
  return { part, items };
}

export const scanPackage = (pkg: DocxPackage): PartScan[] => pkg.parts.map(scanPart);

const TYPES: Record<ControlKind, FieldType> = {
  text: 'text',
  date: 'text',
  checkbox: 'checkbox',
  dropdown: 'dropdown',
};

function toField(item: TemplateItem): FormField {
  const nearby = item.nearbyText ? { nearbyText: item.nearbyText } : {};
  if (isPlaceholder(item)) return { name: item.name, type: 'text', readOnly: false, required: false, ...nearby };
  return {
    name: item.name,
    type: TYPES[item.kind],
    ...(item.kind === 'dropdown' ? { options: [...new Set(item.items.map((i) => i.display))] } : {}),
    ...(item.value !== '' ? { value: item.value } : {}),
    readOnly: item.readOnly,
    required: false,
    ...(item.alias ? { tooltip: item.alias } : {}),
    ...nearby,
  };
}

/** The fields of a template, each name once (a placeholder used twice is one field, filled everywhere). */
export function templateOf(scans: PartScan[]): DocxTemplate {
  const fields = new Map<string, FormField>();
  const unsupported = new Set<string>();
  for (const item of scans.flatMap((s) => s.items)) {
    if (isPlaceholder(item) && !item.plain) unsupported.add(item.tag);
    else if (!fields.has(item.name)) fields.set(item.name, toField(item));
  }
  return { fields: [...fields.values()], unsupported: [...unsupported] };
}

export async function readDocxTemplate(bytes: Uint8Array, fileName: string): Promise<DocxTemplate> {
  return templateOf(scanPackage(await openDocx(bytes, fileName)));
}
