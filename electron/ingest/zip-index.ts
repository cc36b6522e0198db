import { createInflateRaw } from 'node:zlib';

/**
 * Just enough of the ZIP format to check an archive before a library unpacks it: the central
 * directory is read without inflating anything, and entries are inflated as a stream that stops
 * at a byte cap, so sizes an archive lies about cost nothing.
 */

/** The archive is not a well-formed ZIP (truncated, damaged, unsupported feature). */
export class ZipFormatError extends Error {}
/** An entry inflates to more bytes than the cap it was read with. */
export class ZipOverflowError extends Error {}

export interface ZipEnd {
  /** Entries the end record declares. */
  entries: number;
  centralOffset: number;
}

export interface ZipEntry {
  /** As stored (UTF-8 decoded); a trailing '/' marks a directory. */
  name: string;
  method: number;
  /** ZIP (not Office) encryption: general purpose flag bit 0. */
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Extra field ids present, e.g. 0x7075 (Info-ZIP Unicode path, which overrides the name in some readers). */
  extraIds: number[];
}

const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function need(bytes: Uint8Array, offset: number, length: number): void {
  if (offset < 0 || offset + length > bytes.length) throw new ZipFormatError('truncated or damaged ZIP');
}

/** Numbers past 2^53 are not offsets or sizes any real archive has; they fail the limits as Infinity. */
function u64(dv: DataView, offset: number): number {
  const n = dv.getBigUint64(offset, true);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(n);
}

/** Finds the end-of-central-directory record (it sits within the last 64 KiB + 22 bytes), following a Zip64 locator. */
export function readZipEnd(bytes: Uint8Array): ZipEnd {
  const dv = view(bytes);
  const floor = Math.max(0, bytes.length - 22 - U16_MAX);
  let at = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (dv.getUint32(i, true) === SIG_END) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no ZIP end record (truncated or not a ZIP)');
  if (dv.getUint16(at + 4, true) !== 0 || dv.getUint16(at + 6, true) !== 0) {
    throw new ZipFormatError('multi-volume ZIP');
  }
  let entries = dv.getUint16(at + 10, true);
  let centralOffset = dv.getUint32(at + 16, true);
  if (entries === U16_MAX || centralOffset === U32_MAX) {
    const locator = at - 20;
    need(bytes, locator, 20);
    if (dv.getUint32(locator, true) !== SIG_END64_LOCATOR) throw new ZipFormatError('Zip64 locator missing');
    const end64 = u64(dv, locator + 8);
    need(bytes, end64, 56);
    if (dv.getUint32(end64, true) !== SIG_END64) throw new ZipFormatError('Zip64 end record missing');
    entries = u64(dv, end64 + 32);
    centralOffset = u64(dv, end64 + 48);
  }
  return { entries, centralOffset };
}

function readZip64Extra(dv: DataView, from: number, to: number, entry: ZipEntry): void {
  for (let p = from; p + 4 <= to;) {
    const id = dv.getUint16(p, true);
    const length = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      // Only the fields whose 32-bit slot is saturated are present, in this order.
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + length) throw new ZipFormatError('damaged Zip64 extra field');
        const n = u64(dv, q);
        q += 8;
        return n;
      };
      if (entry.size === U32_MAX) entry.size = take();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take();
      if (entry.localOffset === U32_MAX) entry.localOffset = take();
    }
    p += 4 + length;
  }
}

/**
 * Reads central directory headers from `end.centralOffset` while their signature matches (as
 * JSZip does, whatever the end record declares), refusing to go past `maxEntries`.
 */
export function readCentralDirectory(bytes: Uint8Array, end: ZipEnd, maxEntries: number): ZipEntry[] {
  const dv = view(bytes);
  const entries: ZipEntry[] = [];
  let p = end.centralOffset;
  need(bytes, p, 4);
  while (p + 4 <= bytes.length && dv.getUint32(p, true) === SIG_CENTRAL) {
    if (entries.length === maxEntries) throw new ZipOverflowError(`more than ${maxEntries} entries`);
    need(bytes, p, 46);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    need(bytes, p + 46, nameLength + extraLength + commentLength);
    const extraStart = p + 46 + nameLength;
    const extraIds: number[] = [];
    for (let q = extraStart; q + 4 <= extraStart + extraLength; q += 4 + dv.getUint16(q + 2, true)) {
      extraIds.push(dv.getUint16(q, true));
    }
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(p + 46, extraStart)),
      method: dv.getUint16(p + 10, true),
      encrypted: (dv.getUint16(p + 8, true) & 1) !== 0,
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      extraIds,
    };
    readZip64Extra(dv, extraStart, extraStart + extraLength, entry);
    entries.push(entry);
    p = extraStart + extraLength + commentLength;
  }
  if (entries.length === 0 && end.entries > 0) throw new ZipFormatError('central directory not found');
  return entries;
}

/** The entry's stored bytes, located through its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  need(bytes, entry.localOffset, 30);
  if (dv.getUint32(entry.localOffset, true) !== SIG_LOCAL) {
    throw new ZipFormatError(`damaged local header of ${entry.name}`);
  }
  const start =
    entry.localOffset + 30 + dv.getUint16(entry.localOffset + 26, true) + dv.getUint16(entry.localOffset + 28, true);
  need(bytes, start, entry.compressedSize);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates an entry chunk by chunk, handing each chunk to `onChunk` and stopping with
 * ZipOverflowError as soon as more than `cap` bytes come out. Resolves to the inflated size.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  cap: number,
  onChunk: (chunk: Buffer) => void,
): Promise<number> {
  const data = storedBytes(bytes, entry);
  if (entry.method === 0) {
    if (data.length > cap) return Promise.reject(new ZipOverflowError(`${entry.name} is larger than ${cap} bytes`));
    onChunk(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return Promise.resolve(data.length);
  }
  if (entry.method !== 8)
    return Promise.reject(new ZipFormatError(`unsupported compression method ${entry.method} in ${entry.name}`));
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        inflater.destroy();
        reject(new ZipOverflowError(`${entry.name} inflates to more than ${cap} bytes`));
        return;
      }
      onChunk(chunk);
    });
    inflater.on('error', () => reject(new ZipFormatError(`damaged compressed data in ${entry.name}`)));
    inflater.on('end', () => resolve(total));
    inflater.end(data);
  });
}
