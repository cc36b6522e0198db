import { constants, inflateSync } from 'node:zlib';
import { PDFDict, PDFName } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';

/** The name /XFA as a whole token (not /XFAResources). */
const XFA_KEY = /\/XFA(?![^\s/<>[\]()%{}])/;
const OBJECT_STREAM = /\/Type\s*\/ObjStm(?![^\s/<>[\]()%{}])/g;

function inObjectStreams(text: string, bytes: Uint8Array): boolean {
  for (const m of text.matchAll(OBJECT_STREAM)) {
    const keyword = text.indexOf('stream', m.index);
    const end = text.indexOf('endstream', keyword + 6);
    if (keyword < 0 || end < 0) continue;
    const start = keyword + 6 + (text[keyword + 6] === '\r' ? 2 : 1);
    try {
      // A sync flush tolerates a stream cut short; a non-Flate object stream is skipped.
      const data = inflateSync(bytes.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH });
      if (XFA_KEY.test(data.toString('latin1'))) return true;
    } catch {
      continue;
    }
  }
  return false;
}

/**
 * Whether the PDF is a hybrid AcroForm + XFA form, from its bytes alone (synchronous: the forms
 * service asks while importing). /XFA is a key of the AcroForm dictionary only, which sits either
 * in the file as written or compressed in an object stream (with_xfa_fields.pdf). An encrypted
 * file's object streams cannot be read: false, and filling it fails as unreadable anyway.
 */
export function hasXfa(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return XFA_KEY.test(text) || inObjectStreams(text, bytes);
}

/**
 * Removes the XFA half of a hybrid form, so every viewer shows the AcroForm we fill (an XFA-aware
 * viewer would otherwise render the XFA data, which does not have our values). NeedsRendering asks
 * the viewer to draw the pages from XFA: it goes too. True when there was XFA.
 */
export function removeXfa(doc: PDFDocument): boolean {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const had = form?.has(PDFName.of('XFA')) ?? false;
  form?.delete(PDFName.of('XFA'));
  doc.catalog.delete(PDFName.of('NeedsRendering'));
  return had;
}
