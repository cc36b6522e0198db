import fs from 'node:fs';
import path from 'node:path';

/** The CJK font PDFs embed, relative to the project (or app) root; how it is made: assets/fonts/README.md. */
export const PDF_FONT_FILE = path.join('assets', 'fonts', 'NotoSansCJKsc-Regular-subset.ttf');

/**
 * Where the font is when no path is given: two folders above this code. That is the project root
 * from the sources (electron/export/, in tests and tsx) and from the bundles (out/main/ for
 * Electron, out/node/ for the CLI and the web harness). A packaged app passes its own path.
 */
export function defaultPdfFontPath(): string {
  return path.resolve(__dirname, '..', '..', PDF_FONT_FILE);
}

const cache = new Map<string, Promise<Uint8Array>>();

/** The font's bytes, read once per path (9 MB; pdf-lib subsets it into each PDF). */
export function loadPdfFont(fontPath = defaultPdfFontPath()): Promise<Uint8Array> {
  let bytes = cache.get(fontPath);
  if (!bytes) {
    bytes = fs.promises.readFile(fontPath).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    bytes.catch(() => cache.delete(fontPath));
    cache.set(fontPath, bytes);
  }
  return bytes;
}
