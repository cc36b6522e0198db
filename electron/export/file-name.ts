import type { ExportFormat } from './types';

const MAX_CHARS = 80;
/** Linux allows 255 bytes per name; a stem of 80 characters outside the BMP would be 320 bytes. */
const MAX_BYTES = 240;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The file name for an export: the title without the characters Windows or Linux refuse
 * (\ / : * ? " < > | and controls), on one line, trimmed, at most 80 characters and 240 UTF-8
 * bytes, not starting or ending with a dot or space (hidden on Linux, refused by
 * Windows), never a reserved Windows device name, then the extension.
 */
export function exportFileName(title: string, extension: ExportFormat, fallback = '文书'): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  const chars = Array.from(stem).slice(0, MAX_CHARS);
  while (Buffer.byteLength(chars.join(''), 'utf8') > MAX_BYTES) chars.pop();
  stem = chars.join('').replace(/^[. ]+|[. ]+$/g, '');
  if (!stem) stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem}.${extension}`;
}
