import type { FormField } from '../../../shared/domain/form';
import { loadForm } from './load';
import { nearbyTexts } from './nearby-text';
import { readFields } from './read';

/** Lists a PDF form's terminal fields, each with the text printed next to it. */
export async function listFields(bytes: Uint8Array, fileName: string): Promise<FormField[]> {
  const { doc, fields } = await loadForm(bytes, fileName);
  const read = readFields(doc, fields);
  const near = await nearbyTexts(
    bytes,
    fileName,
    read.map(({ field, pageIndex, rect }) =>
      rect && pageIndex !== undefined ? { pageIndex, rect, box: field.type === 'checkbox' } : undefined,
    ),
  );
  return read.map((r, i) => (near[i] ? { ...r.field, nearbyText: near[i] } : r.field));
}
