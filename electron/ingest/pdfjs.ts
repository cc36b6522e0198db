import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/errors';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdfjs is ESM-only and stays outside the bundles (a runtime dependency), so it is loaded with a
 * dynamic import; the legacy build is the one that runs on Node 20.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // The legacy build's core-js polyfills swap Array.prototype.push for a JavaScript version
    // (over a V8 edge case with non-writable lengths that nothing here meets): a tenth of all
    // parse time. Both halves are loaded now, the worker half included (pdfjs would import it on
    // the first getDocument and find it on globalThis.pdfjsWorker), and the native push restored.
    const push = Array.prototype.push;
    const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    Array.prototype.push = push;
    return api;
  })();
  return pdfjs;
}

/** The package's own CMaps and standard fonts, read from disk: pdfjs never fetches anything. */
function assetDirs() {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => `${path.join(root, name)}${path.sep}`;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
}

/** UTF-8 bytes of `s`, one character per byte: how pdfjs takes a password it hashes as bytes. */
const utf8Binary = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

/**
 * Password strings to try. pdfjs turns the password into bytes with Latin-1 (AES-256 R5) or
 * decodes it as UTF-8 first (R6), while both revisions hash the UTF-8 bytes, so a non-ASCII
 * password only opens when pre-encoded once (R5) or twice (R6).
 */
function passwordForms(password: string | undefined): (string | undefined)[] {
  if (!password) return [undefined];
  const once = utf8Binary(password.normalize('NFC'));
  return [...new Set([password, once, utf8Binary(once)])];
}

interface PdfJsError {
  name: string;
  message: string;
  code?: number;
}

function asPdfJsError(err: unknown): PdfJsError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, code: typeof code === 'number' ? code : undefined };
}

/** pdfjs' PasswordException: code 1 = a password is needed, 2 = the one given is wrong. */
const isPasswordError = (e: PdfJsError) => e.name === 'PasswordException';

function openError(e: PdfJsError, file: string, triedPassword: boolean): AppError {
  if (isPasswordError(e)) {
    return e.code === 2 && triedPassword
      ? new AppError('wrong_password', `${file}: the password is wrong`, { file })
      : new AppError('password_required', `${file} is encrypted and needs a password`, { file });
  }
  const detail = e.message.slice(0, 200);
  return new AppError('corrupt_file', `${file} is not a readable PDF: ${detail}`, { file, detail });
}

/**
 * Opens a PDF with pdfjs. The bytes are copied: pdfjs takes ownership of (transfers) the buffer
 * it is given, and the caller still needs them (to store the original, or for another range).
 */
export async function openPdf(bytes: Uint8Array, file: string, password?: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  const forms = passwordForms(password);
  let last: PdfJsError = { name: 'Error', message: 'not opened' };
  for (const form of forms) {
    const task = getDocument({
      data: bytes.slice(),
      password: form,
      ...assetDirs(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
    try {
      return await task.promise;
    } catch (err) {
      await task.destroy();
      last = asPdfJsError(err);
      // Only a wrong password is worth another form of the same password.
      if (!(isPasswordError(last) && last.code === 2)) break;
    }
  }
  throw openError(last, file, password !== undefined && password !== '');
}
