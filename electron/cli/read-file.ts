import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { detectKind } from '../ingest/detect';
import type { ParsedDocument } from '../ingest/parsed';

/** A UTF-8 text file (a BOM dropped); missing and unreadable files are translated errors. */
export function readText(file: string): string {
  const text = new TextDecoder('utf-8').decode(readBytes(file));
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/**
 * A file's bytes as a plain Uint8Array (what the parsers take: pdfjs refuses a Buffer); missing
 * and unreadable files are translated errors.
 */
export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new AppError('file_not_found', `${file}: no such file`, { file });
    throw new AppError('file_unreadable', `${file}: cannot read`, { file });
  }
}

/** Any importable file parsed as the store would (without storing it). */
export async function readDocument(file: string, password: string | undefined): Promise<ParsedDocument> {
  const bytes = readBytes(file);
  const name = path.basename(file);
  if (bytes.byteLength === 0) throw new AppError('empty_file', `${name} is empty`, { file: name });
  const detected = detectKind(name, bytes);
  if (!detected.supported) {
    throw new AppError('unsupported_type', `${name}: ${detected.what} files cannot be read`, {
      file: name,
      type: detected.what,
    });
  }
  // Loaded on demand: the parsers pull in mammoth and pdfjs, which other commands never need.
  const { parseFile } = await import('../ingest/parse-file');
  return parseFile({ name, bytes, kind: detected.kind, password });
}
