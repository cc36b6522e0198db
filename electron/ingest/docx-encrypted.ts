/**
 * A password-protected .docx is not a ZIP: Word wraps the encrypted package in an OLE2 compound
 * file (MS-OFFCRYPTO) holding an "EncryptionInfo" and an "EncryptedPackage" stream. Legacy .doc
 * files share the OLE2 signature, so the streams themselves are looked for.
 */

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DIR_ENTRY = 128;
const STREAM = 2;
const utf16 = new TextDecoder('utf-16le');

export function isOle2(bytes: Uint8Array): boolean {
  return OLE2_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A directory entry: UTF-16LE name (64 bytes), its byte length incl. the terminator, then the object type. */
function streamNameAt(bytes: Uint8Array, dv: DataView, at: number): string | null {
  const nameBytes = dv.getUint16(at + 64, true);
  if (bytes[at + 66] !== STREAM || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
  return utf16.decode(bytes.subarray(at, at + nameBytes - 2));
}

/**
 * True when an OLE2 file holds both encryption streams. Directory entries sit at 128-byte
 * boundaries after the 512-byte header whatever the sector size, so a structural match at
 * those offsets is enough without walking the FAT chain.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isOle2(bytes)) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  for (let at = 512; at + DIR_ENTRY <= bytes.length; at += DIR_ENTRY) {
    const name = streamNameAt(bytes, dv, at);
    if (name === 'EncryptionInfo' || name === 'EncryptedPackage') found.add(name);
    if (found.size === 2) return true;
  }
  return false;
}
