import { AppError } from '../../shared/errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function strict(encoding: DecodedText['encoding'], bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, line feed, form feed and carriage return mean binary. */
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/**
 * Text files in Chinese offices come as UTF-8, UTF-16 with a BOM, or GB18030/GBK. The BOM wins;
 * otherwise strict UTF-8, then strict GB18030 (a superset of GBK and GB2312). Anything else, or
 * anything with control bytes, is not text.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  let decoded: DecodedText | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strict('utf-8', bytes);
    if (text !== undefined) decoded = { text, encoding: 'utf-8' };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    const text = strict('utf-16le', bytes);
    if (text !== undefined) decoded = { text, encoding: 'utf-16le' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    const text = strict('utf-16be', bytes);
    if (text !== undefined) decoded = { text, encoding: 'utf-16be' };
  } else {
    const utf8 = strict('utf-8', bytes);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const gb = strict('gb18030', bytes);
      if (gb !== undefined) decoded = { text: gb, encoding: 'gb18030' };
    }
  }
  if (!decoded || BINARY.test(decoded.text)) {
    throw new AppError('unknown_encoding', `${fileName}: not UTF-8, UTF-16 or GB18030 text`, { file: fileName });
  }
  return { text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}
