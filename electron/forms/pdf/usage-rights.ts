import { PDFDict, PDFName } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';

/**
 * Drops the Reader-extension signature (/Perms /UR3, on fw9.pdf and sample_form.pdf). It signs
 * the original bytes; after our rewrite it no longer matches and Adobe Reader warns that the
 * document "has been changed since it was created" and turns its form features off.
 */
export function dropUsageRights(doc: PDFDocument): void {
  const perms = doc.catalog.lookupMaybe(PDFName.of('Perms'), PDFDict);
  if (!perms) return;
  perms.delete(PDFName.of('UR3'));
  perms.delete(PDFName.of('UR'));
  if (perms.keys().length === 0) doc.catalog.delete(PDFName.of('Perms'));
}
