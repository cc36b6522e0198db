import type { DocumentKind } from '../../shared/domain/document';

export type Detected = { supported: true; kind: DocumentKind } | { supported: false; what: string };

/** Signatures of formats people drop by mistake; named in the rejection so the user knows why. */
const SIGNATURES: { what: string; bytes: number[]; offset?: number }[] = [
  { what: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { what: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { what: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'BMP image', bytes: [0x42, 0x4d] },
  { what: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { what: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { what: 'OLE2 (legacy .doc/.xls/.wps)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { what: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { what: 'Windows executable', bytes: [0x4d, 0x5a] },
  { what: 'gzip archive', bytes: [0x1f, 0x8b] },
  { what: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { what: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { what: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
];

const TEXT_EXTENSIONS: Record<string, DocumentKind> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };
/** Word documents, templates and macro documents share one package format. */
const WORD_EXTENSIONS = new Set(['docx', 'dotx', 'docm', 'dotm']);

/** PDF allows junk before the header; readers look in the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export const extensionOf = (name: string): string => {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
};

function signatureOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[(s.offset ?? 0) + i] === b))?.what;
}

/**
 * Decides what a file is from its bytes first and its name second: a PNG renamed to .txt is
 * still a PNG. What cannot be imported is named, so the rejection says why.
 */
export function detectKind(name: string, bytes: Uint8Array): Detected {
  const ext = extensionOf(name);
  if (isPdf(bytes)) return { supported: true, kind: 'pdf' };
  const signature = signatureOf(bytes);
  // A password-protected .docx is an OLE2 container: the DOCX parser tells it from a legacy .doc.
  if ((signature === 'ZIP' || signature?.startsWith('OLE2')) && WORD_EXTENSIONS.has(ext)) {
    return { supported: true, kind: 'docx' };
  }
  if (signature) return { supported: false, what: signature };
  const kind = TEXT_EXTENSIONS[ext];
  if (kind) return { supported: true, kind };
  return { supported: false, what: ext ? `.${ext}` : 'file without extension' };
}
