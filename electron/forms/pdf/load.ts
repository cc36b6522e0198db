import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import type { PDFField, PDFForm } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import { removeXfa } from './xfa';

export interface LoadedForm {
  doc: PDFDocument;
  form: PDFForm;
  fields: PDFField[];
  /** The file was a hybrid XFA form; its XFA is gone from `doc`. */
  xfa: boolean;
}

const unreadable = (file: string, detail: string) =>
  new AppError('form_unreadable', `${file}: ${detail}`, { file, detail });

/** pdf-lib's own message, or a TypeError from deep inside it on a damaged file. */
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * Runs `work` on a form; an error that is not ours (pdf-lib meeting a structure it does not
 * expect, deep in a field or widget of an odd real file) becomes `form_unreadable`, not `internal`.
 */
export async function readingForm<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(file, `the form could not be processed (${reason(err)})`);
  }
}

/**
 * Opens a PDF form with pdf-lib and lists its fields. Not a PDF, damaged beyond pdf-lib's repair or
 * encrypted (pdf-lib cannot decrypt) → `form_unreadable`; no fields → `form_no_fields`. The XFA of
 * a hybrid form is removed first: pdf-lib would otherwise remove it itself, with a console warning.
 */
export async function loadForm(bytes: Uint8Array, file: string): Promise<LoadedForm> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) {
      throw unreadable(file, 'the PDF is encrypted (password-protected); save an unprotected copy and try again');
    }
    throw unreadable(file, `not a readable PDF (${reason(err)})`);
  }
  const xfa = removeXfa(doc);
  const form = doc.getForm();
  const fields = form.getFields();
  if (!fields.length) throw new AppError('form_no_fields', `${file} has no form fields`, { file });
  return { doc, form, fields, xfa };
}
