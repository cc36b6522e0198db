import type { PDFField } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import type { FillNote, FillOptions, FillValue } from '../types';
import { refreshAppearances } from './appearance';
import { flattenForm } from './flatten';
import { embedCjkFont } from './font';
import { loadForm } from './load';
import { dropUsageRights } from './usage-rights';
import { setterFor } from './values';

/**
 * Writes `values` (by fully qualified name) into a copy of the form. Every value is checked before
 * any is written; fields not named keep their values and appearances. A hybrid XFA form loses its
 * XFA (note `xfa_removed`); `flatten` turns the fields into page content (note `flattened`).
 */
export async function fillForm(
  bytes: Uint8Array,
  fileName: string,
  values: Readonly<Record<string, FillValue>>,
  options: FillOptions = {},
): Promise<{ bytes: Uint8Array; notes: FillNote[] }> {
  const { doc, form, fields, xfa } = await loadForm(bytes, fileName);
  const byName = new Map<string, PDFField>(fields.map((f) => [f.getName(), f]));
  const setters = Object.entries(values).map(([name, value]) => {
    const field = byName.get(name);
    if (!field) throw new AppError('form_unknown_field', `${fileName} has no field "${name}"`, { field: name });
    return setterFor(form, field, name, value);
  });
  for (const set of setters) set();

  refreshAppearances(form, await embedCjkFont(doc));
  dropUsageRights(doc);
  const notes: FillNote[] = xfa ? [{ kind: 'xfa_removed' }] : [];
  if (options.flatten) {
    flattenForm(doc);
    notes.push({ kind: 'flattened' });
  }
  // Appearances are ours already; pdf-lib's own pass would redraw with Helvetica (no Chinese).
  const out = await doc.save({ updateFieldAppearances: false });
  return { bytes: out, notes };
}
