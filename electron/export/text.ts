import type { ExportDocument } from './model';

/**
 * Plain text. A .txt file has no metadata, so it cannot carry the implicit (Annex E) label: the
 * visible label on the first line is its only label. Written for Windows as much as Linux: UTF-8
 * with a byte order mark (older Notepad and many office tools read BOM-less files as GBK) and
 * CRLF line ends.
 */
export function buildText(doc: ExportDocument): string {
  const out: string[] = [];
  if (doc.label) out.push(doc.label, '');
  if (doc.title) out.push(doc.title, '');
  if (doc.fields.length) {
    for (const f of doc.fields) {
      const [first = '', ...more] = f.lines;
      out.push(`${f.name}：${first}`, ...more.map((l) => `\u3000\u3000${l}`));
    }
    out.push('');
  }
  for (const p of doc.paragraphs) {
    if (p.gapBefore) out.push('');
    out.push(p.text);
  }
  return `\ufeff${out.join('\r\n')}\r\n`;
}
