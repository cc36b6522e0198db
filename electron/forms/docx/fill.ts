import type { Element } from '@xmldom/xmldom';
import { AppError } from '../../../shared/errors';
import { descendants } from '../../ingest/docx-xml';
import type { FillValue } from '../types';
import { fillControl } from './content-controls';
import type { ContentControl } from './content-controls';
import { openDocx, saveDocx } from './package';
import type { DocxPart } from './package';
import { fillPlaceholders } from './placeholders';
import { isPlaceholder, scanPackage } from './template';
import type { PartScan } from './template';

/**
 * Fills a template: every value is checked against every place its name appears before anything
 * is written, then placeholders are replaced and content controls set. Fields without a value
 * are left as they are; only the parts that changed are rewritten.
 */

const badValue = (field: string, detail: string) =>
  new AppError('form_bad_value', `bad value for ${field}: ${detail}`, { field, detail });

function textValue(field: string, value: FillValue): string {
  if (typeof value !== 'string') throw badValue(field, 'expected text');
  return value;
}

/** What a control takes: a boolean for a checkbox ('true'/'false' too, as typed on a command line), text else. */
function controlValue(control: ContentControl, value: FillValue): string | boolean {
  const field = control.name;
  if (control.readOnly) throw badValue(field, 'the content control is locked');
  if (control.kind === 'checkbox') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw badValue(field, 'expected true or false');
  }
  const text = textValue(field, value);
  if (control.kind === 'dropdown' && !control.items.some((i) => i.display === text || i.value === text)) {
    throw badValue(field, `not one of: ${control.items.map((i) => i.display).join(', ')}`);
  }
  return text;
}

interface Plan {
  /** Placeholder name → text. */
  text: Map<string, string>;
  controls: Map<ContentControl, string | boolean>;
}

function plan(scans: PartScan[], values: Readonly<Record<string, FillValue>>): Plan {
  const items = scans.flatMap((s) => s.items);
  const out: Plan = { text: new Map(), controls: new Map() };
  for (const [name, value] of Object.entries(values)) {
    const places = items.filter((i) => i.name === name && (!isPlaceholder(i) || i.plain));
    if (!places.length) throw new AppError('form_unknown_field', `no field named ${name}`, { field: name });
    for (const place of places) {
      if (isPlaceholder(place)) out.text.set(name, textValue(name, value));
      else out.controls.set(place, controlValue(place, value));
    }
  }
  return out;
}

const paragraphsOf = (root: Element) => descendants(root, 'p').filter((p) => p.namespaceURI === root.namespaceURI);

export async function fillDocx(
  bytes: Uint8Array,
  fileName: string,
  values: Readonly<Record<string, FillValue>>,
): Promise<Uint8Array> {
  const pkg = await openDocx(bytes, fileName);
  const scans = scanPackage(pkg);
  const { text, controls } = plan(scans, values);
  if (!text.size && !controls.size) return bytes;

  const placeholderStyles = controls.size ? await pkg.placeholderStyleIds() : new Set<string>();
  const changed = new Set<DocxPart>();
  for (const { part, items } of scans) {
    // Placeholders first: a control may hold one in its content, and the control's own value wins.
    const filled = text.size ? paragraphsOf(part.root).map((p) => fillPlaceholders(p, text)) : [];
    if (filled.some(Boolean)) changed.add(part);
    for (const item of items) {
      if (isPlaceholder(item) || !controls.has(item)) continue;
      fillControl(item, controls.get(item)!, placeholderStyles);
      changed.add(part);
    }
  }
  return saveDocx(bytes, [...changed]);
}
