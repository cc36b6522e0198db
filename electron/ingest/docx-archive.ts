import { AppError } from '../../shared/errors';
import type { ZipEntry } from './zip-index';
import { inflateEntry, readCentralDirectory, readZipEnd, ZipFormatError, ZipOverflowError } from './zip-index';

/**
 * Safety checks on a Word package before mammoth (through JSZip) unpacks it. JSZip allocates an
 * object per declared entry and inflates whole entries before checking their size, so the
 * archive is vetted here first: entry count, declared sizes and ratios, then every entry is
 * inflated once as a capped stream (sizes can lie) and XML parts are scanned for DTDs.
 */

export const ARCHIVE_LIMITS = {
  entries: 10_000,
  /** Sum of declared uncompressed sizes; also bounds what is actually inflated, since each entry is capped at its own. */
  totalBytes: 512 * 1024 * 1024,
  /**
   * Deflate tops out near 1000:1 (what bombs use); varied text compresses about 30:1 and even a
   * document of thousands of identical paragraphs stays near 250:1 …
   */
  ratio: 500,
  /** … but tiny parts (empty headers) compress oddly, so the ratio only counts for large entries. */
  ratioMinBytes: 1024 * 1024,
};

/** An archive that passed the checks: entry names and a way to read a part as text. */
export interface CheckedArchive {
  has(name: string): boolean;
  readText(name: string): Promise<string>;
}

// OOXML never uses DTDs; a DOCTYPE or ENTITY is XXE or an entity-expansion bomb. Text content
// is escaped (&lt;!DOCTYPE), so only markup matches. Searched for as bytes in the three
// encodings an XML part may use, so nothing is decoded to look.
const DTD_MARKERS = ['<!DOCTYPE', '<!ENTITY'].flatMap((m) => [
  Buffer.from(m, 'latin1'),
  Buffer.from(m, 'utf16le'),
  Buffer.from(m, 'utf16le').swap16(),
]);
const MARKER_OVERLAP = Math.max(...DTD_MARKERS.map((m) => m.length)) - 1;

/** Parts read as XML. Media (SVG has DOCTYPEs) and altChunk HTML are never parsed, so they are not scanned. */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

const unsafe = (file: string, detail: string) =>
  new AppError('unsafe_file', `unsafe Word package: ${detail}`, { file, detail });
const corrupt = (file: string, detail: string) =>
  new AppError('corrupt_file', `damaged Word package: ${detail}`, { file, detail });

/** JSZip resolves "." and ".." segments; two names that resolve alike would let one part hide behind another. */
function resolvedName(name: string): string {
  const out: string[] = [];
  name.split('/').forEach((part, i, all) => {
    if (part === '.' || (part === '' && i !== 0 && i !== all.length - 1)) return;
    if (part === '..') out.pop();
    else out.push(part);
  });
  return out.join('/');
}

function checkDeclared(entries: ZipEntry[], file: string): void {
  let total = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.extraIds.includes(0x7075)) throw unsafe(file, `entry ${e.name} carries a second (Unicode path) name`);
    const name = resolvedName(e.name);
    if (seen.has(name)) throw unsafe(file, `duplicate entry ${name}`);
    seen.add(name);
    if (e.encrypted) throw corrupt(file, `encrypted ZIP entry ${e.name}`);
    total += e.size;
    if (total > ARCHIVE_LIMITS.totalBytes) {
      throw unsafe(file, `uncompressed size over ${ARCHIVE_LIMITS.totalBytes} bytes (zip bomb)`);
    }
    if (e.size >= ARCHIVE_LIMITS.ratioMinBytes && e.size > ARCHIVE_LIMITS.ratio * Math.max(1, e.compressedSize)) {
      throw unsafe(file, `compression ratio of ${e.name} over ${ARCHIVE_LIMITS.ratio}:1 (zip bomb)`);
    }
  }
}

/** Inflates an entry, capped at its declared size, looking for DTD markers across chunk boundaries when asked. */
async function verifyEntry(bytes: Uint8Array, entry: ZipEntry, scan: boolean, file: string): Promise<void> {
  let tail = Buffer.alloc(0);
  let dtd = false;
  const size = await inflateEntry(bytes, entry, entry.size, (chunk) => {
    if (!scan || dtd) return;
    const window = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    dtd = DTD_MARKERS.some((m) => window.includes(m));
    tail = Buffer.from(window.subarray(Math.max(0, window.length - MARKER_OVERLAP)));
  }).catch((err: unknown) => {
    if (err instanceof ZipOverflowError) {
      throw unsafe(file, `${entry.name} inflates beyond its declared size of ${entry.size} bytes`);
    }
    throw err;
  });
  if (dtd) throw unsafe(file, `DOCTYPE or ENTITY declaration in ${entry.name} (XXE / entity expansion)`);
  if (size !== entry.size) throw corrupt(file, `${entry.name} is shorter than declared`);
}

function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Checks a ZIP before anything else reads it. Throws `unsafe_file` (zip bomb, too many entries,
 * DTD, ambiguous names) or `corrupt_file` (not a readable ZIP), with `detail` saying which.
 */
export async function checkArchive(bytes: Uint8Array, file: string): Promise<CheckedArchive> {
  const entries = new Map<string, ZipEntry>();
  try {
    const end = readZipEnd(bytes);
    if (end.entries > ARCHIVE_LIMITS.entries) {
      throw unsafe(file, `${end.entries} entries declared (limit ${ARCHIVE_LIMITS.entries})`);
    }
    const list = readCentralDirectory(bytes, end, ARCHIVE_LIMITS.entries);
    checkDeclared(list, file);
    for (const e of list) {
      if (e.name.endsWith('/')) continue;
      await verifyEntry(bytes, e, isXmlPart(e.name), file);
      entries.set(resolvedName(e.name), e);
    }
  } catch (err) {
    if (err instanceof ZipFormatError) throw corrupt(file, err.message);
    if (err instanceof ZipOverflowError) throw unsafe(file, err.message);
    throw err;
  }
  return {
    has: (name) => entries.has(name),
    async readText(name) {
      const entry = entries.get(name);
      if (!entry) throw corrupt(file, `missing part ${name}`);
      const chunks: Buffer[] = [];
      await inflateEntry(bytes, entry, entry.size, (chunk) => chunks.push(chunk));
      return decodeXml(Buffer.concat(chunks));
    },
  };
}
