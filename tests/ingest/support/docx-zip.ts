import fs from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/**
 * Word packages built with JSZip for tests, and byte patches for the lies malicious archives
 * tell (declared sizes, entry counts, names) that JSZip will not write by itself.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

export type Parts = Record<string, string | Uint8Array>;

export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`;

/** A paragraph of plain runs; `style` is a style id. */
export const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export const headerXml = (inner: string, root: 'hdr' | 'ftr' = 'hdr') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}">${inner}</w:${root}>`;

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${R}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/**
 * The parts of a minimal valid .docx around `body`; extra parts are added as given. Parts named
 * word/headerN.xml / word/footerN.xml and styles/numbering are wired into the document's relationships.
 */
export function docxParts(body: string, extra: Parts = {}): Parts {
  const docRels = Object.keys(extra).flatMap((name, i) => {
    const m = /^word\/((header|footer)\d*|styles|numbering)\.xml$/.exec(name);
    return m ? [{ id: `rId${i + 1}`, type: m[2] ?? m[1]!, target: name.slice('word/'.length) }] : [];
  });
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${MAIN_TYPE}"/></Types>`,
    '_rels/.rels': relsXml([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]),
    'word/document.xml': documentXml(body),
    'word/_rels/document.xml.rels': relsXml(docRels),
    ...extra,
  };
}

export const buildDocx = (body: string, extra: Parts = {}): Promise<Buffer> => zipOf(docxParts(body, extra));

export async function zipOf(parts: Parts, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

/**
 * Raw deflate data for `mib` MiB of zeros, built from one flushed 1 MiB block repeated (a full
 * flush resets the window, so the copies decode back to back): a 1 GiB bomb in ~1 MB, instantly.
 */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

interface CentralHeader {
  at: number;
  name: string;
  localAt: number;
}

function endRecord(zip: Buffer): number {
  const at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0) throw new Error('no end record');
  return at;
}

function centralHeaders(zip: Buffer): CentralHeader[] {
  const out: CentralHeader[] = [];
  let p = zip.readUInt32LE(endRecord(zip) + 16);
  while (zip.readUInt32LE(p) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(p + 28);
    out.push({ at: p, name: zip.toString('utf8', p + 46, p + 46 + nameLength), localAt: zip.readUInt32LE(p + 42) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

function header(zip: Buffer, name: string): CentralHeader {
  const h = centralHeaders(zip).find((e) => e.name === name);
  if (!h) throw new Error(`no entry ${name}`);
  return h;
}

/** Rewrites what the central directory and the local header say about an entry. */
export function patchEntry(
  zip: Buffer,
  name: string,
  patch: { size?: number; compressedSize?: number; method?: number; name?: string },
): Buffer {
  const out = Buffer.from(zip);
  const h = header(out, name);
  // [value, offset in the central header, offset in the local header, width]
  const fields: [number | undefined, number, number, 2 | 4][] = [
    [patch.method, 10, 8, 2],
    [patch.compressedSize, 20, 18, 4],
    [patch.size, 24, 22, 4],
  ];
  for (const [value, central, local, width] of fields) {
    if (value === undefined) continue;
    for (const at of [h.at + central, h.localAt + local]) {
      if (width === 2) out.writeUInt16LE(value, at);
      else out.writeUInt32LE(value, at);
    }
  }
  if (patch.name !== undefined) {
    if (Buffer.byteLength(patch.name) !== Buffer.byteLength(name))
      throw new Error('a renamed entry keeps its name length');
    out.write(patch.name, h.at + 46);
    out.write(patch.name, h.localAt + 30);
  }
  return out;
}

/** Stores `data` (raw deflate bytes) under `name` and marks it deflated, declaring `size` uncompressed bytes. */
export async function withDeflatedEntry(parts: Parts, name: string, data: Buffer, size: number): Promise<Buffer> {
  const zip = await zipOf({ ...parts, [name]: data }, 'STORE');
  return patchEntry(zip, name, { method: 8, size, compressedSize: data.length });
}

/** Sets the entry count the end-of-central-directory record declares. */
export function declareEntries(zip: Buffer, count: number): Buffer {
  const out = Buffer.from(zip);
  const end = endRecord(out);
  out.writeUInt16LE(count, end + 8);
  out.writeUInt16LE(count, end + 10);
  return out;
}

/** Repeats the first central directory header `times` times while the end record keeps its count: a directory that lies low. */
export function repeatCentralHeader(zip: Buffer, times: number): Buffer {
  const headers = centralHeaders(zip);
  const first = headers[0]!;
  const firstEnd = headers[1]?.at ?? endRecord(zip);
  const copy = zip.subarray(first.at, firstEnd);
  const end = endRecord(zip);
  const directory = Buffer.concat([...Array.from({ length: times }, () => copy), zip.subarray(firstEnd, end)]);
  const record = Buffer.from(zip.subarray(end));
  record.writeUInt32LE(directory.length, 12);
  return Buffer.concat([zip.subarray(0, first.at), directory, record]);
}

/** Body paragraphs of real 公文 text, repeated up to about `chars` characters (530 K ≈ 300 pages). */
export function gongwenBody(gongwenDir: string, chars: number): string {
  const lines = fs
    .readdirSync(gongwenDir)
    .flatMap((f) => fs.readFileSync(path.join(gongwenDir, f), 'utf8').split('\n'))
    .map((l) => l.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .filter(Boolean);
  const out: string[] = [];
  for (let total = 0, i = 0; total < chars; i++) {
    const line = lines[i % lines.length]!;
    total += line.length;
    out.push(
      `<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t>${line}</w:t></w:r></w:p>`,
    );
  }
  return out.join('');
}
